import Fluent
import SQLKit

/// The AMO dashboard's search (names and references containing the words typed, issue #12) by
/// trigram indexes on PostgreSQL (`pg_trgm`, a trusted extension of PostgreSQL's contrib that a
/// database owner may create): a `LIKE '%…%'` then reads the few matching rows instead of all
/// of an AMO's dossiers. Where the extension cannot be created, or on SQLite, the search still
/// works, by reading the AMO's dossiers (the migration says so in the log).
struct AddDossierSearchIndexes: AsyncMigration {
    var name: String { "2026-12-02-add-dossier-search-indexes" }

    static let indexes = [
        ("dossiers_by_name_trigram", "lower(beneficiary_name)"), ("dossiers_by_reference_trigram", "lower(reference)"),
    ]

    func prepare(on db: Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql",
            let schema = try await trigrams(sql, db)
        else { return }
        for (name, expression) in Self.indexes {
            try await sql.raw(
                """
                CREATE INDEX \(ident: name) ON renovation_dossiers
                USING gin (\(unsafeRaw: expression) \(ident: schema).gin_trgm_ops)
                """
            ).run()
        }
    }

    /// The schema holding `pg_trgm` (created in `public`, shared by every schema, when missing),
    /// or nil when it cannot be had.
    func trigrams(_ sql: any SQLDatabase, _ db: Database) async throws -> String? {
        func installed() async throws -> String? {
            try await sql.raw(
                """
                SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                WHERE e.extname = 'pg_trgm'
                """
            ).first()?.decode(column: "schema", as: String.self)
        }
        if let schema = try await installed() { return schema }
        do {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public").run()
        } catch {
            // Another instance may have created it meanwhile; otherwise no right to create it.
            if let schema = try await installed() { return schema }
            db.logger.warning("pg_trgm indisponible (\(String(reflecting: error))) : recherche des dossiers sans index")
            return nil
        }
        return try await installed()
    }

    func revert(on db: Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        for (name, _) in Self.indexes.reversed() {
            try await sql.raw("DROP INDEX IF EXISTS \(ident: name)").run()
        }
    }
}
