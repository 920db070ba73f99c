import Foundation
import GuichetDomain
import SQLKit

public struct DossierRecord: Sendable, Equatable {
    public let id: DossierID
    public let reference: String
    public let beneficiaryID: UserID
    public let beneficiaryName: String
    public let amoID: OrganisationID?
    public let mandate: MandateStatus
    public let createdByAMO: Bool
    public let state: DossierState
    public let version: Int
    public let answers: DossierAnswers
    public let createdAt: Date
    public let updatedAt: Date
    public let filedAt: Date?
    public let parametersVersion: String?
    public let receiptFileID: StoredFileID?

    public static let subjectKind = "dossier"

    /// The dossier with another AMO chosen (the mandate's e-mails go to it).
    public func choosing(_ amo: OrganisationID) -> DossierRecord {
        DossierRecord(
            id: id, reference: reference, beneficiaryID: beneficiaryID, beneficiaryName: beneficiaryName, amoID: amo,
            mandate: mandate, createdByAMO: createdByAMO, state: state, version: version, answers: answers,
            createdAt: createdAt, updatedAt: updatedAt, filedAt: filedAt, parametersVersion: parametersVersion,
            receiptFileID: receiptFileID)
    }

    /// The dossier as its lifecycle moves it.
    public var subject: LifecycleSubject {
        LifecycleSubject(table: DossierModel.schema, kind: Self.subjectKind, id: id.rawValue, version: version)
    }
}

public struct DossierDocumentRecord: Sendable, Equatable {
    public let id: DossierDocumentID
    public let dossierID: DossierID?
    public let companySiret: String?
    public let key: String
    public let kind: DocumentKind
    public let fileID: StoredFileID
    public let fileName: String
    public let contentType: String
    public let size: Int
    public let sha256: String
    public let documentDate: Day?
    public let uploadedBy: UserID
    public let uploadedAt: Date
}

/// The answers as stored: JSON with sorted keys (the same answers give the same text).
enum AnswersCoding {
    static func encode(_ a: DossierAnswers) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(a), as: UTF8.self)
    }

    static func decode(_ text: String, reference: String) throws -> DossierAnswers {
        do {
            return try JSONDecoder().decode(DossierAnswers.self, from: Data(text.utf8))
        } catch {
            throw CorruptRecord(description: "dossier \(reference) : réponses illisibles (\(error))")
        }
    }
}

extension DossierModel {
    /// An unknown stored state or mandate is an error, never a default (issue #10).
    var record: DossierRecord {
        get throws {
            guard let id, let state = DossierState(rawValue: status), let mandate = MandateStatus(rawValue: mandate)
            else {
                throw CorruptRecord(description: "dossier \(reference) : état « \(status) » ou mandat inconnu")
            }
            return DossierRecord(
                id: id, reference: reference, beneficiaryID: beneficiaryID, beneficiaryName: beneficiaryName,
                amoID: amoID,
                mandate: mandate, createdByAMO: createdByAMO, state: state, version: version,
                answers: try AnswersCoding.decode(answers, reference: reference), createdAt: createdAt,
                updatedAt: updatedAt, filedAt: filedAt, parametersVersion: parametersVersion,
                receiptFileID: receiptFileID)
        }
    }
}

extension DossierDocumentModel {
    var record: DossierDocumentRecord {
        get throws {
            guard let id, let kind = DocumentKind(rawValue: kind) else {
                throw CorruptRecord(description: "pièce « \(key) » : nature « \(kind) » inconnue")
            }
            return DossierDocumentRecord(
                id: id, dossierID: dossierID, companySiret: companySiret, key: key, kind: kind, fileID: fileID,
                fileName: fileName, contentType: contentType, size: size, sha256: sha256,
                documentDate: documentDate.flatMap { Day(iso: $0) }, uploadedBy: uploadedBy, uploadedAt: uploadedAt)
        }
    }
}

/// A dossier as a dashboard lists it (its answers are not read).
public struct DossierSummary: Sendable, Equatable {
    public let id: DossierID
    public let reference: String
    public let beneficiaryName: String
    public let insee: String?
    public let state: DossierState
    public let mandate: MandateStatus
    public let updatedAt: Date
    /// The first step of its answers still to do.
    public let todo: DossierStep?
    /// Its works companies' SIRETs.
    public let sirets: [String]

    static let columns = [
        "id", "reference", "beneficiary_name", "insee", "status", "mandate", "updated_at", "todo", "sirets",
    ]

    init(row: any SQLRow) throws {
        let (reference, state, m) = try Self.identity(row)
        id = DossierID(try row.decode(column: "id", as: UUID.self))
        self.reference = reference
        beneficiaryName = try row.decode(column: "beneficiary_name", as: String.self)
        insee = try row.decode(column: "insee", as: String?.self)
        self.state = state
        self.mandate = m
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
        todo = try row.decode(column: "todo", as: String?.self).flatMap(DossierStep.init(rawValue:))
        sirets = (try row.decode(column: "sirets", as: String?.self) ?? "").split(separator: ",").map(String.init)
    }
}

extension DossierSummary {
    /// A dossier row's reference, state and mandate (an unknown stored value is an error).
    static func identity(_ row: any SQLRow) throws -> (String, DossierState, MandateStatus) {
        let reference = try row.decode(column: "reference", as: String.self)
        let status = try row.decode(column: "status", as: String.self)
        let mandate = try row.decode(column: "mandate", as: String.self)
        guard let state = DossierState(rawValue: status), let m = MandateStatus(rawValue: mandate) else {
            throw CorruptRecord(description: "dossier \(reference) : état « \(status) » ou mandat inconnu")
        }
        return (reference, state, m)
    }

    /// The summary of a dossier already read whole.
    public init(_ d: DossierRecord) {
        id = d.id
        reference = d.reference
        beneficiaryName = d.beneficiaryName
        insee = d.answers.dwelling.insee
        state = d.state
        mandate = d.mandate
        updatedAt = d.updatedAt
        todo = DossierProgress.firstStepToDo(d.answers)
        sirets = d.answers.plan.companies.map(\.siret.value)
    }
}
