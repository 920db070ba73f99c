import Fluent
import SQLKit

/// The renovation dossier (issue #12): dossiers, their supporting documents, and the civil status
/// of each beneficiary (it signs the agreement).
struct CreateRenovationDossiers: AsyncMigration {
    var name: String { "2026-12-02-create-renovation-dossiers" }

    func prepare(on db: Database) async throws {
        try await db.schema(DossierModel.schema).id()
            .field("reference", .string, .required).unique(on: "reference")
            .field("beneficiary_id", .uuid, .required).field("amo_id", .uuid)
            .field("mandate", .string, .required).field("created_by_amo", .bool, .required)
            .field("status", .string, .required).field("version", .int, .required)
            .field("answers", .string, .required).field("insee", .string).field("address_key", .string)
            .field("beneficiary_name", .string, .required)
            .field("created_at", .datetime, .required).field("updated_at", .datetime, .required)
            .field("filed_at", .datetime).field("parameters_version", .string).field("decision", .string)
            .field("receipt_file_id", .uuid).field("todo", .string).field("sirets", .string)
            .create()
        try await db.schema(DossierDocumentModel.schema).id()
            .field("dossier_id", .uuid).field("company_siret", .string)
            .field("doc_key", .string, .required).field("kind", .string, .required)
            .field("file_id", .uuid, .required).field("file_name", .string, .required)
            .field("content_type", .string, .required).field("size", .int, .required)
            .field("sha256", .string, .required).field("document_date", .string)
            .field("uploaded_by", .uuid, .required).field("uploaded_at", .datetime, .required)
            .create()
        try await db.schema(CivilStatusModel.schema).id()
            .field("user_id", .uuid, .required).unique(on: "user_id")
            .field("civil_status", .string, .required).field("updated_at", .datetime, .required)
            .create()
        guard let sql = db as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX dossiers_by_beneficiary ON renovation_dossiers (beneficiary_id, updated_at)",
            "CREATE INDEX dossiers_by_amo ON renovation_dossiers (amo_id, updated_at, id)",
            "CREATE INDEX dossiers_by_dwelling ON renovation_dossiers (insee, address_key)",
            "CREATE UNIQUE INDEX dossier_documents_by_dossier ON dossier_documents (dossier_id, doc_key)",
            "CREATE UNIQUE INDEX dossier_documents_by_company ON dossier_documents (company_siret, doc_key)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema(CivilStatusModel.schema).delete()
        try await db.schema(DossierDocumentModel.schema).delete()
        try await db.schema(DossierModel.schema).delete()
    }
}
