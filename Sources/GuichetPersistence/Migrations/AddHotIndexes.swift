import Fluent
import SQLKit

/// Indexes for every lookup a request or a worker makes often (issue #10), so that lists and
/// workers stay fast with a million audit entries and a hundred thousand accounts. Unique keys
/// already index users by e-mail, sessions and tokens by hash, filings by campaign.
struct AddHotIndexes: AsyncMigration {
    var name: String { "2026-12-01-add-hot-indexes" }

    /// (name, table, columns)
    static let indexes: [(String, String, String)] = [
        ("role_grants_by_user", "role_grants", "user_id"),
        ("role_grants_by_role", "role_grants", "role, organisation_id"),
        ("sessions_by_user", "sessions", "user_id"),
        ("attempts_by_kind_key_time", "attempts", "kind, key, at"),
        ("outbox_by_status_time", "outbox", "status, next_attempt_at"),
        ("outbox_by_time", "outbox", "created_at"),
        ("organisations_by_kind_status", "organisations", "kind, status, name"),
        ("organisations_by_kind_identifier", "organisations", "kind, identifier"),
        ("filings_by_organisation", "ami_filings", "organisation_id, created_at"),
        ("uploads_by_filing", "ami_uploads", "filing_id, uploaded_at"),
        ("uploads_by_status", "ami_uploads", "status, locked_until"),
        ("audit_by_time", "audit_log", "at"),
        ("history_by_subject", "lifecycle_history", "subject_kind, subject_id, at"),
        ("invitations_by_organisation", "landlord_invitations", "organisation_id"),
    ]

    func prepare(on db: Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (name, table, columns) in Self.indexes {
            try await sql.raw("CREATE INDEX \(ident: name) ON \(ident: table) (\(unsafeRaw: columns))").run()
        }
    }

    func revert(on db: Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for (name, _, _) in Self.indexes.reversed() {
            try await sql.raw("DROP INDEX \(ident: name)").run()
        }
    }
}
