import Fluent

/// AMI DROM campaigns, filings, uploaded tables and their history, stored files (issue #5).
struct CreateAMI: AsyncMigration {
    var name: String { "2026-11-26-create-ami" }

    func prepare(on db: Database) async throws {
        try await db.schema(StoredFileModel.schema).id()
            .field("name", .string, .required).field("content_type", .string, .required)
            .field("sha256", .string, .required).field("size", .int64, .required)
            .field("data", .data, .required).field("created_at", .datetime, .required)
            .create()
        try await db.schema(AMICampaignModel.schema).id()
            .field("year", .int, .required).field("departments", .string, .required)
            .field("opens_at", .string, .required).field("closes_at", .string, .required).field(
                "time_zone", .string, .required
            )
            .field("envelopes", .string, .required).field("quotites", .string, .required).field(
                "bareme", .string, .required
            )
            .field("examples", .bool, .required).field("updated_at", .datetime, .required)
            .unique(on: "year").create()
        try await db.schema(AMIFilingModel.schema).id()
            .field("campaign_id", .uuid, .required, .references(AMICampaignModel.schema, "id"))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("department", .string, .required).field("status", .string, .required)
            .field("current_upload_id", .uuid).field("sent_at", .datetime).field("sent_by", .uuid)
            .field("receipt_file_id", .uuid, .references(StoredFileModel.schema, "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "campaign_id", "organisation_id", "department").create()
        try await db.schema(AMIUploadModel.schema).id()
            .field("filing_id", .uuid, .required, .references(AMIFilingModel.schema, "id"))
            .field("file_id", .uuid, .required, .references(StoredFileModel.schema, "id"))
            .field("file_name", .string, .required).field("uploaded_at", .datetime, .required)
            .field("uploaded_by", .uuid, .required).field("status", .string, .required).field(
                "stage", .string, .required
            )
            .field("progress_done", .int, .required).field("progress_total", .int, .required)
            .field("error_count", .int, .required).field("operation_count", .int, .required)
            .field("result_json", .string).field("synthesis", .string).field("message", .string)
            .field("checked_at", .datetime).field("superseded_at", .datetime)
            .field("locked_by", .string).field("locked_until", .datetime)
            .create()
        try await db.schema("ami_filing_events").id()
            .field("filing_id", .uuid, .required, .references(AMIFilingModel.schema, "id"))
            .field("at", .datetime, .required).field("actor_id", .uuid).field("actor_label", .string, .required)
            .field("text", .string, .required)
            .create()
    }

    func revert(on db: Database) async throws {
        for s in [
            "ami_filing_events", AMIUploadModel.schema, AMIFilingModel.schema, AMICampaignModel.schema,
            StoredFileModel.schema,
        ] {
            try await db.schema(s).delete()
        }
    }
}
