import Fluent
import Foundation
import SQLKit

/// Instruction and signature of the renovation dossier (issue #13): on the dossier, its
/// department and folded search text (the instructor's queue and search), the instructor it is
/// assigned to, the first of two validations, the amount granted and the files made for it (the
/// agreement, the signed agreement, the evidence, the refusal letter); beside it, the review of
/// each document, the staff's notes and the message thread, and the signature (the code in
/// force and the evidence's events).
struct AddDossierInstruction: AsyncMigration {
    var name: String { "2026-12-03-add-dossier-instruction" }

    func prepare(on db: Database) async throws {
        // One column per ALTER TABLE: SQLite adds a single column at a time.
        let columns: [(FieldKey, DatabaseSchema.DataType)] = [
            ("department", .string), ("search_text", .string), ("assigned_to", .uuid), ("first_validation_by", .uuid),
            ("granted_cents", .int64), ("agreement_file_id", .uuid), ("signed_file_id", .uuid),
            ("evidence_file_id", .uuid), ("refusal_file_id", .uuid), ("reminded_at", .datetime),
            ("filed_snapshot", .string), ("previous_snapshot", .string),
        ]
        for (name, type) in columns {
            try await db.schema(DossierModel.schema).field(name, type).update()
        }
        try await db.schema("dossier_document_reviews").id()
            .field("dossier_id", .uuid, .required).field("doc_key", .string, .required)
            .field("sha256", .string, .required).field("verdict", .string, .required).field("reason", .string)
            .field("reviewed_by", .uuid, .required).field("reviewed_at", .datetime, .required)
            .create()
        try await db.schema("dossier_messages").id()
            .field("dossier_id", .uuid, .required).field("staff_only", .bool, .required)
            .field("author_id", .uuid, .required).field("author_label", .string, .required)
            .field("body", .string, .required).field("file_id", .uuid).field("file_name", .string)
            .field("written_at", .datetime, .required)
            .create()
        try await db.schema("dossier_signatures").id()
            .field("dossier_id", .uuid, .required).field("agreement_sha256", .string, .required)
            .field("code", .string).field("conditions_at", .datetime).field("signed_at", .datetime)
            .create()
        try await db.schema("signature_events").id()
            .field("dossier_id", .uuid, .required).field("position", .int, .required)
            .field("event", .string, .required).field("detail", .string, .required)
            .field("at", .datetime, .required).field("ip", .string, .required).field("user_agent", .string, .required)
            .create()
        try await indexes(db)
    }

    func indexes(_ db: Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX dossiers_by_queue ON renovation_dossiers (status, department, filed_at, id)",
            "CREATE INDEX dossiers_by_assignee ON renovation_dossiers (assigned_to, updated_at, id)",
            // The queue in filing order: a page reads the index from the cursor, filtering by scope.
            "CREATE INDEX dossiers_by_filing ON renovation_dossiers (filed_at, id)",
            "CREATE UNIQUE INDEX document_reviews_by_key ON dossier_document_reviews (dossier_id, doc_key)",
            "CREATE INDEX messages_by_dossier ON dossier_messages (dossier_id, written_at)",
            "CREATE UNIQUE INDEX signatures_by_dossier ON dossier_signatures (dossier_id)",
            "CREATE UNIQUE INDEX signature_events_by_position ON signature_events (dossier_id, position)",
            """
            UPDATE renovation_dossiers SET department =
              CASE WHEN insee LIKE '97%' THEN substr(insee, 1, 3) ELSE substr(insee, 1, 2) END
            WHERE insee IS NOT NULL
            """,
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        try await backfillSearchText(sql)
        // The instructor's search on PostgreSQL: a trigram index on the folded text (as the AMO
        // dashboard's, `AddDossierSearchIndexes`); without `pg_trgm` the search still works.
        if sql.dialect.name == "postgresql", let schema = try await AddDossierSearchIndexes().trigrams(sql, db) {
            try await sql.raw(
                """
                CREATE INDEX dossiers_by_search_text ON renovation_dossiers
                USING gin (search_text \(ident: schema).gin_trgm_ops)
                """
            ).run()
        }
    }

    /// The folded search text of the dossiers already there (new ones get it with each save).
    func backfillSearchText(_ sql: any SQLDatabase) async throws {
        let rows = try await sql.raw("SELECT id, answers, beneficiary_name, reference FROM renovation_dossiers").all()
        for row in rows {
            let reference = try row.decode(column: "reference", as: String.self)
            let answers = try AnswersCoding.decode(
                try row.decode(column: "answers", as: String.self), reference: reference)
            let text = DossierStore.searchText(
                answers, name: try row.decode(column: "beneficiary_name", as: String.self), reference: reference)
            let id = try row.decode(column: "id", as: UUID.self)
            try await sql.raw("UPDATE renovation_dossiers SET search_text = \(bind: text) WHERE id = \(bind: id)").run()
        }
    }

    func revert(on db: Database) async throws {
        for table in ["signature_events", "dossier_signatures", "dossier_messages", "dossier_document_reviews"] {
            try await db.schema(table).delete()
        }
    }
}
