import Fluent
import SQLKit

/// The jobs table (issue #10): the programming-table check today, PDF generation and reminders
/// next.
struct CreateJobs: AsyncMigration {
    var name: String { "2026-12-01-create-jobs" }

    func prepare(on db: Database) async throws {
        try await db.schema(JobModel.schema).id()
            .field("kind", .string, .required).field("payload", .string, .required)
            .field("state", .string, .required).field("attempts", .int, .required)
            .field("max_attempts", .int, .required).field("run_at", .datetime, .required)
            .field("locked_by", .string).field("locked_until", .datetime).field("last_error", .string)
            .field("created_at", .datetime, .required).field("finished_at", .datetime)
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX jobs_by_state_time ON jobs (state, run_at)").run()
        try await sql.raw("CREATE INDEX jobs_by_creation ON jobs (created_at)").run()
    }

    func revert(on db: Database) async throws {
        try await db.schema(JobModel.schema).delete()
    }
}
