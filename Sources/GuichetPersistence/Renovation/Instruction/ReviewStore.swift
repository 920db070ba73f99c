import FluentKit
import Foundation
import GuichetDomain
import SQLKit

/// The reviews of a dossier's documents and its messages (issue #13).
public struct ReviewStore: Sendable {
    public init() {}

    public func reviews(of id: DossierID, on db: Database) async throws -> [String: DocumentReview] {
        let rows = try await db.sql.raw(
            """
            SELECT doc_key, sha256, verdict, reason, reviewed_by, reviewed_at FROM dossier_document_reviews
            WHERE dossier_id = \(bind: id.rawValue)
            """
        ).all()
        var out: [String: DocumentReview] = [:]
        for row in rows {
            let key = try row.decode(column: "doc_key", as: String.self)
            let stored = try row.decode(column: "verdict", as: String.self)
            guard let verdict = DocumentReview.Verdict(rawValue: stored) else {
                throw CorruptRecord(description: "revue de la pièce « \(key) » : verdict « \(stored) » inconnu")
            }
            out[key] = DocumentReview(
                key: key, sha256: try row.decode(column: "sha256", as: String.self), verdict: verdict,
                reason: try row.decode(column: "reason", as: String?.self),
                reviewedBy: UserID(try row.decode(column: "reviewed_by", as: UUID.self)),
                reviewedAt: try row.decode(column: "reviewed_at", as: Date.self))
        }
        return out
    }

    /// Records a verdict on the document as it is now (its hash), replacing an earlier one.
    public func review(_ r: DocumentReview, of id: DossierID, on db: Database) async throws {
        try await db.sql.raw(
            "DELETE FROM dossier_document_reviews WHERE dossier_id = \(bind: id.rawValue) AND doc_key = \(bind: r.key)"
        ).run()
        try await db.sql.raw(
            """
            INSERT INTO dossier_document_reviews (id, dossier_id, doc_key, sha256, verdict, reason, reviewed_by,
              reviewed_at)
            VALUES (\(bind: UUID()), \(bind: id.rawValue), \(bind: r.key), \(bind: r.sha256),
              \(bind: r.verdict.rawValue), \(bind: r.reason), \(bind: r.reviewedBy.rawValue), \(bind: r.reviewedAt))
            """
        ).run()
    }

    /// The dossier's messages, oldest first; staff notes only when `withStaffNotes`.
    public func messages(
        of id: DossierID, withStaffNotes: Bool, on db: Database
    ) async throws
        -> [DossierMessage]
    {
        let rows = try await db.sql.raw(
            """
            SELECT id, staff_only, author_id, author_label, body, file_id, file_name, written_at FROM dossier_messages
            WHERE dossier_id = \(bind: id.rawValue) ORDER BY written_at, id
            """
        ).all()
        return try rows.map { row in
            DossierMessage(
                id: try row.decode(column: "id", as: UUID.self),
                staffOnly: try row.decode(column: "staff_only", as: Bool.self),
                authorID: UserID(try row.decode(column: "author_id", as: UUID.self)),
                authorLabel: try row.decode(column: "author_label", as: String.self),
                body: try row.decode(column: "body", as: String.self),
                fileID: try row.decode(column: "file_id", as: UUID?.self).map { StoredFileID($0) },
                fileName: try row.decode(column: "file_name", as: String?.self),
                writtenAt: try row.decode(column: "written_at", as: Date.self))
        }.filter { withStaffNotes || !$0.staffOnly }
    }

    public func add(_ m: DossierMessage, to id: DossierID, on db: Database) async throws {
        try await db.sql.raw(
            """
            INSERT INTO dossier_messages (id, dossier_id, staff_only, author_id, author_label, body, file_id, file_name,
              written_at)
            VALUES (\(bind: m.id), \(bind: id.rawValue), \(bind: m.staffOnly), \(bind: m.authorID.rawValue),
              \(bind: m.authorLabel), \(bind: m.body), \(bind: m.fileID?.rawValue), \(bind: m.fileName),
              \(bind: m.writtenAt))
            """
        ).run()
    }
}
