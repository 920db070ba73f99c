import Fluent
import Foundation
import GuichetDomain
import SQLKit

/// What instruction adds to a dossier (issue #13), read beside `DossierRecord`.
public struct InstructionRecord: Sendable, Equatable {
    public let department: String?
    public let assignedTo: UserID?
    public let firstValidationBy: UserID?
    public let granted: Money?
    public let decision: String?
    public let agreementFileID: StoredFileID?
    public let signedFileID: StoredFileID?
    public let evidenceFileID: StoredFileID?
    public let refusalFileID: StoredFileID?
}

/// A document's review by an instructor: accepted, or refused with its reason.
public struct DocumentReview: Sendable, Equatable {
    public enum Verdict: String, Sendable, CaseIterable {
        case accepted = "acceptée"
        case rejected = "refusée"
    }
    public let key: String
    public let sha256: String
    public let verdict: Verdict
    public let reason: String?
    public let reviewedBy: UserID
    public let reviewedAt: Date

    public init(key: String, sha256: String, verdict: Verdict, reason: String?, reviewedBy: UserID, reviewedAt: Date) {
        self.key = key
        self.sha256 = sha256
        self.verdict = verdict
        self.reason = reason
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
    }
}

/// A note between staff (`staffOnly`) or a message of the thread with the AMO and the beneficiary.
public struct DossierMessage: Sendable, Equatable {
    public let id: UUID
    public let staffOnly: Bool
    public let authorID: UserID
    public let authorLabel: String
    public let body: String
    public let fileID: StoredFileID?
    public let fileName: String?
    public let writtenAt: Date

    public init(
        id: UUID, staffOnly: Bool, authorID: UserID, authorLabel: String, body: String, fileID: StoredFileID?,
        fileName: String?, writtenAt: Date
    ) {
        self.id = id
        self.staffOnly = staffOnly
        self.authorID = authorID
        self.authorLabel = authorLabel
        self.body = body
        self.fileID = fileID
        self.fileName = fileName
        self.writtenAt = writtenAt
    }
}

public struct InstructionStore: Sendable {
    public init() {}

    public func find(_ id: DossierID, on db: Database) async throws -> InstructionRecord? {
        try await db.sql.raw(
            """
            SELECT department, assigned_to, first_validation_by, granted_cents, decision, agreement_file_id,
              signed_file_id, evidence_file_id, refusal_file_id
            FROM renovation_dossiers WHERE id = \(bind: id.rawValue)
            """
        ).first().map { row in
            func file(_ column: String) throws -> StoredFileID? {
                try row.decode(column: column, as: UUID?.self).map { StoredFileID($0) }
            }
            return InstructionRecord(
                department: try row.decode(column: "department", as: String?.self),
                assignedTo: try row.decode(column: "assigned_to", as: UUID?.self).map { UserID($0) },
                firstValidationBy: try row.decode(column: "first_validation_by", as: UUID?.self).map { UserID($0) },
                granted: try row.decode(column: "granted_cents", as: Int64?.self).map(Money.init(cents:)),
                decision: try row.decode(column: "decision", as: String?.self),
                agreementFileID: try file("agreement_file_id"), signedFileID: try file("signed_file_id"),
                evidenceFileID: try file("evidence_file_id"), refusalFileID: try file("refusal_file_id"))
        }
    }

    /// Assigns dossiers to an instructor (nil: unassigned); returns how many changed.
    public func assign(_ ids: [DossierID], to who: UserID?, on db: Database) async throws {
        guard !ids.isEmpty else { return }
        try await db.sql.raw(
            """
            UPDATE renovation_dossiers SET assigned_to = \(bind: who?.rawValue)
            WHERE id IN (\(binds: ids.map(\.rawValue)))
            """
        ).run()
    }

    /// Records a file made for the dossier (`agreement_file_id`, …), once: a file already there stays.
    public func setFile(
        _ column: FileColumn, _ file: StoredFileID, of id: DossierID, on db: Database
    )
        async throws
    {
        try await db.sql.raw(
            """
            UPDATE renovation_dossiers SET \(ident: column.rawValue) = \(bind: file.rawValue)
            WHERE id = \(bind: id.rawValue) AND \(ident: column.rawValue) IS NULL
            """
        ).run()
    }

    public enum FileColumn: String, Sendable {
        case agreement = "agreement_file_id"
        case signed = "signed_file_id"
        case evidence = "evidence_file_id"
        case refusal = "refusal_file_id"
    }

    /// The answers and documents as filed last (`filed`) and the time before (`previous`), as the
    /// service stored them (JSON), to show an instructor what a refiling changed.
    public func snapshots(
        of id: DossierID, on db: Database
    ) async throws -> (
        filed: String?, previous: String?
    ) {
        guard
            let row = try await db.sql.raw(
                "SELECT filed_snapshot, previous_snapshot FROM renovation_dossiers WHERE id = \(bind: id.rawValue)"
            ).first()
        else { return (nil, nil) }
        return (
            try row.decode(column: "filed_snapshot", as: String?.self),
            try row.decode(column: "previous_snapshot", as: String?.self)
        )
    }

    public func markReminded(_ ids: [DossierID], at: Date, on db: Database) async throws {
        guard !ids.isEmpty else { return }
        try await db.sql.raw(
            "UPDATE renovation_dossiers SET reminded_at = \(bind: at) WHERE id IN (\(binds: ids.map(\.rawValue)))"
        ).run()
    }
}
