import Fluent
import Foundation
import GuichetDomain

/// `AMI-K` campaigns. Opening and closing are civil times (`2024-09-30T23:59`) in `time_zone`;
/// the parameter tables are JSON objects of integers (cents, ten-thousandths).
final class AMICampaignModel: Model, @unchecked Sendable {
    static let schema = "ami_campaigns"
    @ID(custom: .id, generatedBy: .random) var id: CampaignID?
    @Field(key: "year") var year: Int
    @Field(key: "departments") var departments: String
    @Field(key: "opens_at") var opensAt: String
    @Field(key: "closes_at") var closesAt: String
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "envelopes") var envelopes: String
    @Field(key: "quotites") var quotites: String
    @Field(key: "bareme") var bareme: String
    @Field(key: "examples") var examples: Bool
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}

/// One landlord's filing for one department of a campaign (`AMI-B`).
final class AMIFilingModel: Model, @unchecked Sendable {
    static let schema = "ami_filings"
    @ID(custom: .id, generatedBy: .random) var id: FilingID?
    @Field(key: "campaign_id") var campaignID: CampaignID
    @Field(key: "organisation_id") var organisationID: OrganisationID
    @Field(key: "department") var department: String
    @Field(key: "status") var status: String
    @OptionalField(key: "current_upload_id") var currentUploadID: UploadID?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "sent_by") var sentBy: UserID?
    @OptionalField(key: "receipt_file_id") var receiptFileID: StoredFileID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "version") var version: Int
    init() {}
}

/// A programming table uploaded to a filing, its check's progress and result.
final class AMIUploadModel: Model, @unchecked Sendable {
    static let schema = "ami_uploads"
    @ID(custom: .id, generatedBy: .random) var id: UploadID?
    @Field(key: "filing_id") var filingID: FilingID
    @Field(key: "file_id") var fileID: StoredFileID
    @Field(key: "file_name") var fileName: String
    @Field(key: "uploaded_at") var uploadedAt: Date
    @Field(key: "uploaded_by") var uploadedBy: UserID
    @Field(key: "status") var status: String
    @Field(key: "stage") var stage: String
    @Field(key: "progress_done") var progressDone: Int
    @Field(key: "progress_total") var progressTotal: Int
    @Field(key: "error_count") var errorCount: Int
    @Field(key: "operation_count") var operationCount: Int
    @OptionalField(key: "result_json") var resultJSON: String?
    @OptionalField(key: "synthesis") var synthesis: String?
    @OptionalField(key: "message") var message: String?
    @OptionalField(key: "checked_at") var checkedAt: Date?
    @OptionalField(key: "superseded_at") var supersededAt: Date?
    @OptionalField(key: "locked_by") var lockedBy: String?
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    init() {}
}
