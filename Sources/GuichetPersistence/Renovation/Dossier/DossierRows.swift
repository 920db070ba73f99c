import FluentKit
import Foundation
import GuichetDomain
import SQLKit

// A dossier and its documents by plain SQL, read with every dossier page (see `AccountRows`):
// the columns of `DossierModel` and `DossierDocumentModel`, the checks of their `record`.

extension DossierRecord {
    static let columns =
        "id, reference, beneficiary_id, amo_id, mandate, created_by_amo, status, version, answers, beneficiary_name, "
        + "created_at, updated_at, filed_at, parameters_version, receipt_file_id"

    init(row: any SQLRow) throws {
        let (reference, state, m) = try DossierSummary.identity(row)
        self.init(
            id: DossierID(try row.decode(column: "id", as: UUID.self)), reference: reference,
            beneficiaryID: UserID(try row.decode(column: "beneficiary_id", as: UUID.self)),
            beneficiaryName: try row.decode(column: "beneficiary_name", as: String.self),
            amoID: try row.decode(column: "amo_id", as: UUID?.self).map { OrganisationID($0) }, mandate: m,
            createdByAMO: try row.decode(column: "created_by_amo", as: Bool.self), state: state,
            version: try row.decode(column: "version", as: Int.self),
            answers: try AnswersCoding.decode(try row.decode(column: "answers", as: String.self), reference: reference),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self),
            filedAt: try row.decode(column: "filed_at", as: Date?.self),
            parametersVersion: try row.decode(column: "parameters_version", as: String?.self),
            receiptFileID: try row.decode(column: "receipt_file_id", as: UUID?.self).map { StoredFileID($0) })
    }
}

extension DossierDocumentRecord {
    static let columns =
        "id, dossier_id, company_siret, doc_key, kind, file_id, file_name, content_type, size, sha256, document_date, "
        + "uploaded_by, uploaded_at"

    init(row: any SQLRow) throws {
        let key = try row.decode(column: "doc_key", as: String.self)
        let stored = try row.decode(column: "kind", as: String.self)
        guard let kind = DocumentKind(rawValue: stored) else {
            throw CorruptRecord(description: "pièce « \(key) » : nature « \(stored) » inconnue")
        }
        self.init(
            id: DossierDocumentID(try row.decode(column: "id", as: UUID.self)),
            dossierID: try row.decode(column: "dossier_id", as: UUID?.self).map { DossierID($0) },
            companySiret: try row.decode(column: "company_siret", as: String?.self), key: key, kind: kind,
            fileID: StoredFileID(try row.decode(column: "file_id", as: UUID.self)),
            fileName: try row.decode(column: "file_name", as: String.self),
            contentType: try row.decode(column: "content_type", as: String.self),
            size: try row.decode(column: "size", as: Int.self),
            sha256: try row.decode(column: "sha256", as: String.self),
            documentDate: try row.decode(column: "document_date", as: String?.self).flatMap { Day(iso: $0) },
            uploadedBy: UserID(try row.decode(column: "uploaded_by", as: UUID.self)),
            uploadedAt: try row.decode(column: "uploaded_at", as: Date.self))
    }
}
