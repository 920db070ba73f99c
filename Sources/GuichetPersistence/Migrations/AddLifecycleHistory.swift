import Fluent
import SQLKit

/// One history for every lifecycle (issue #10): `lifecycle_history` replaces the filings' own
/// event table and records, beside the text, the actor's role, for whom they acted, the states
/// and the motive. Every table with a lifecycle gains a `version` that each transition checks and
/// increments (`TransitionStore.move`), so that two requests never both move one object.
struct AddLifecycleHistory: AsyncMigration {
    var name: String { "2026-12-01-add-lifecycle-history" }

    static let versioned = [AMIFilingModel.schema, OrganisationModel.schema]

    /// Each direction on one connection, in one transaction: on SQLite, a pool's other
    /// connection could otherwise still see the table as it was.
    func prepare(on database: Database) async throws {
        try await database.write { db in try await up(db) }
    }

    func revert(on database: Database) async throws {
        try await database.write { db in try await down(db) }
    }

    private func up(_ db: Database) async throws {
        for table in Self.versioned {
            try await db.schema(table).field("version", .int, .required, .sql(.default(0))).update()
        }
        try await db.schema(LifecycleHistoryModel.schema).id()
            .field("subject_kind", .string, .required).field("subject_id", .uuid, .required)
            .field("at", .datetime, .required).field("position", .int, .required).field("actor_id", .uuid)
            .field("actor_label", .string, .required).field("actor_role", .string, .required)
            .field("on_behalf_of", .string)
            .field("from_state", .string, .required).field("to_state", .string, .required)
            .field("text", .string, .required).field("motive", .string)
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            """
            INSERT INTO lifecycle_history
                (id, subject_kind, subject_id, at, position, actor_id, actor_label, actor_role, from_state, to_state,
                 text)
            SELECT id, 'ami_dépôt', filing_id, at, 0, actor_id, actor_label, '', '', '', text FROM ami_filing_events
            """
        ).run()
        try await db.schema("ami_filing_events").delete()
    }

    private func down(_ db: Database) async throws {
        try await db.schema("ami_filing_events").id()
            .field("filing_id", .uuid, .required, .references(AMIFilingModel.schema, "id"))
            .field("at", .datetime, .required).field("actor_id", .uuid)
            .field("actor_label", .string, .required).field("text", .string, .required)
            .create()
        if let sql = db as? any SQLDatabase {
            try await sql.raw(
                """
                INSERT INTO ami_filing_events (id, filing_id, at, actor_id, actor_label, text)
                SELECT id, subject_id, at, actor_id, actor_label, text FROM lifecycle_history
                WHERE subject_kind = 'ami_dépôt'
                """
            ).run()
        }
        try await db.schema(LifecycleHistoryModel.schema).delete()
        // Fluent's SQLite driver skips dropped columns; SQLite has dropped them since 3.35.
        guard let sql = db as? any SQLDatabase else { return }
        for table in Self.versioned {
            try await sql.raw("ALTER TABLE \(ident: table) DROP COLUMN version").run()
        }
    }
}
