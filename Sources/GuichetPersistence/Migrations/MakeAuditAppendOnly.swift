import Fluent
import SQLKit

/// The audit trail refuses UPDATE and DELETE in the database itself (issue #9), on SQLite and on
/// PostgreSQL: only a retention purge deletes, and only while it holds a row of
/// `audit_purge_permits` inside its own transaction (`AuditStore.purge`).
struct MakeAuditAppendOnly: AsyncMigration {
    var name: String { "2026-12-01-make-audit-append-only" }

    static let refusal = "journal d''audit en ajout seul : modification et suppression interdites"

    func prepare(on db: Database) async throws {
        try await db.schema("audit_purge_permits").field("id", .int, .identifier(auto: false)).create()
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw(
                """
                CREATE FUNCTION guichet_audit_append_only() RETURNS trigger AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_purge_permits) THEN RETURN OLD; END IF;
                    RAISE EXCEPTION '\(unsafeRaw: Self.refusal)';
                END $$ LANGUAGE plpgsql
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION guichet_audit_append_only()
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: Self.refusal)'); END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                WHEN NOT EXISTS (SELECT 1 FROM audit_purge_permits)
                BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: Self.refusal)'); END
                """
            ).run()
        }
    }

    func revert(on db: Database) async throws {
        if let sql = db as? any SQLDatabase {
            if sql.dialect.name == "postgresql" {
                try await sql.raw("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log").run()
                try await sql.raw("DROP FUNCTION IF EXISTS guichet_audit_append_only()").run()
            } else {
                try await sql.raw("DROP TRIGGER IF EXISTS audit_log_no_update").run()
                try await sql.raw("DROP TRIGGER IF EXISTS audit_log_no_delete").run()
            }
        }
        try await db.schema("audit_purge_permits").delete()
    }
}
