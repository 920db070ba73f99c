import Fluent
import Foundation
import GuichetDomain

/// A renovation dossier: its state and version (moved by the lifecycle mechanism), who it is for
/// and who acts for them, its answers as JSON, and the columns the hot lookups need (`RENO-E9`:
/// live dossiers by commune and normalised address; dashboards by beneficiary and by AMO).
final class DossierModel: Model, @unchecked Sendable {
    static let schema = "renovation_dossiers"
    @ID(custom: .id, generatedBy: .random) var id: DossierID?
    @Field(key: "reference") var reference: String
    @Field(key: "beneficiary_id") var beneficiaryID: UserID
    @OptionalField(key: "amo_id") var amoID: OrganisationID?
    @Field(key: "mandate") var mandate: String
    @Field(key: "created_by_amo") var createdByAMO: Bool
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Field(key: "answers") var answers: String
    @OptionalField(key: "insee") var insee: String?
    @OptionalField(key: "address_key") var addressKey: String?
    @Field(key: "beneficiary_name") var beneficiaryName: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "filed_at") var filedAt: Date?
    @OptionalField(key: "parameters_version") var parametersVersion: String?
    @OptionalField(key: "decision") var decision: String?
    @OptionalField(key: "receipt_file_id") var receiptFileID: StoredFileID?
    /// The first step still to do, kept with each save for the dashboards (no answers decoded).
    @OptionalField(key: "todo") var todo: String?
    /// The works companies' SIRETs, comma-separated (their shared documents' deadlines).
    @OptionalField(key: "sirets") var sirets: String?
    @OptionalField(key: "department") var department: String?
    @OptionalField(key: "search_text") var searchText: String?
    init() {}
}

/// A supporting document (`RENO-D`): of a dossier, or of a works company (then shared by every
/// dossier naming it: `dossier_id` is null and `company_siret` set).
final class DossierDocumentModel: Model, @unchecked Sendable {
    static let schema = "dossier_documents"
    @ID(custom: .id, generatedBy: .random) var id: DossierDocumentID?
    @OptionalField(key: "dossier_id") var dossierID: DossierID?
    @OptionalField(key: "company_siret") var companySiret: String?
    @Field(key: "doc_key") var key: String
    @Field(key: "kind") var kind: String
    @Field(key: "file_id") var fileID: StoredFileID
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @OptionalField(key: "document_date") var documentDate: String?
    @Field(key: "uploaded_by") var uploadedBy: UserID
    @Field(key: "uploaded_at") var uploadedAt: Date
    init() {}
}

/// A beneficiary's civil status, given when the account is made and read-only afterwards (it
/// signs the agreement; a correction goes through the instructor).
final class CivilStatusModel: Model, @unchecked Sendable {
    static let schema = "civil_statuses"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UserID
    @Field(key: "civil_status") var civilStatus: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}
