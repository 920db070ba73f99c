import Fluent
import Foundation
import GuichetDomain
import SQLKit

/// Uploaded programming tables and the progress of their check. Checks are claimed with a
/// lease, like the outbox: the instance that received the file starts at once, and any
/// instance's worker resumes a check whose instance died.
public struct UploadStore: Sendable {
    public init() {}

    public func create(
        filingID: FilingID, fileID: StoredFileID, fileName: String, by: UserID, now: Date, on db: Database
    ) async throws -> UploadRecord {
        let m = AMIUploadModel()
        m.filingID = filingID
        m.fileID = fileID
        m.fileName = fileName
        m.uploadedAt = now
        m.uploadedBy = by
        m.status = UploadStatus.pending.rawValue
        m.stage = "En attente de vérification"
        m.progressDone = 0
        m.progressTotal = 0
        m.errorCount = 0
        m.operationCount = 0
        try await m.create(on: db)
        return try m.record
    }

    public func find(id: UploadID, on db: Database) async throws -> UploadRecord? {
        try await AMIUploadModel.find(id, on: db)?.record
    }

    /// Several uploads in one query, by id.
    public func find(ids: Set<UploadID>, on db: Database) async throws -> [UploadID: UploadRecord] {
        guard !ids.isEmpty else { return [:] }
        let records = try await AMIUploadModel.query(on: db).filter(\.$id ~~ Array(ids)).all().map { try $0.record }
        return Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func list(filingID: FilingID, on db: Database) async throws -> [UploadRecord] {
        try await AMIUploadModel.query(on: db).filter(\.$filingID == filingID).sort(\.$uploadedAt, .descending).all()
            .map { try $0.record }
    }

    public func supersede(id: UploadID, at: Date, on db: Database) async throws {
        try await AMIUploadModel.query(on: db).set(\.$supersededAt, to: at).filter(\.$id == id).update()
    }

    /// Claims one check (a given one, or any due) for `worker` until `now + lease`.
    public func claim(
        id: UploadID? = nil, worker: String, now: Date, lease: TimeInterval, on db: Database
    ) async throws -> UploadRecord? {
        guard let sql = db as? SQLDatabase else { return nil }
        let (pending, checking) = (UploadStatus.pending.rawValue, UploadStatus.checking.rawValue)
        var due = sql.select().column("id").from(AMIUploadModel.schema)
            .where { $0.where("status", .equal, pending).orWhere("status", .equal, checking) }
            .where { $0.where("locked_until", .is, SQLLiteral.null).orWhere("locked_until", .lessThan, now) }
        if let id { due = due.where("id", .equal, id) }
        due = due.orderBy("uploaded_at").limit(1)
        try await sql.update(AMIUploadModel.schema)
            .set("locked_by", to: worker).set("locked_until", to: now.addingTimeInterval(lease)).set(
                "status", to: UploadStatus.checking.rawValue
            )
            .where { $0.where("status", .equal, pending).orWhere("status", .equal, checking) }
            .where { $0.where("locked_until", .is, SQLLiteral.null).orWhere("locked_until", .lessThan, now) }
            .where("id", .in, SQLGroupExpression(due.query))
            .run()
        var q = AMIUploadModel.query(on: db).filter(\.$lockedBy == worker).filter(
            \.$status == UploadStatus.checking.rawValue
        )
        .filter(\.$lockedUntil > now)
        if let id { q = q.filter(\.$id == id) }
        return try await q.first()?.record
    }

    /// Progress of a claimed check; extends the lease. False when the claim was lost.
    @discardableResult
    public func progress(
        id: UploadID, worker: String, stage: String, done: Int, total: Int, leaseUntil: Date, on db: Database
    ) async throws -> Bool {
        guard let m = try await AMIUploadModel.query(on: db).filter(\.$id == id).filter(\.$lockedBy == worker).first()
        else { return false }
        m.stage = stage
        m.progressDone = done
        m.progressTotal = total
        m.lockedUntil = leaseUntil
        try await m.update(on: db)
        return true
    }

    public enum Outcome: Sendable {
        case checked(errors: Int, operations: Int, rows: Int, resultJSON: String, synthesis: FilingSynthesis)
        case unreadable(String)
    }

    public func finish(id: UploadID, worker: String, outcome: Outcome, at: Date, on db: Database) async throws {
        guard let m = try await AMIUploadModel.query(on: db).filter(\.$id == id).filter(\.$lockedBy == worker).first()
        else { return }
        switch outcome {
        case .checked(let errors, let operations, let rows, let json, let synthesis):
            m.status = UploadStatus.checked.rawValue
            m.errorCount = errors
            m.operationCount = operations
            m.resultJSON = json
            m.synthesis = Self.encode(synthesis)
            m.stage = "Vérification terminée"
            m.progressDone = rows
            m.progressTotal = rows
        case .unreadable(let message):
            m.status = UploadStatus.unreadable.rawValue
            m.message = message
            m.stage = "Fichier illisible"
        }
        m.checkedAt = at
        m.lockedBy = nil
        m.lockedUntil = nil
        try await m.update(on: db)
    }

    static func encode(_ s: FilingSynthesis) -> String {
        "\(s.operations);\(s.dwellings);\(s.costPrice.cents);\(s.loanRequested.cents)"
    }
    static func decode(_ s: String?) -> FilingSynthesis? {
        guard let parts = s?.split(separator: ";").compactMap({ Int64($0) }), parts.count == 4 else { return nil }
        return FilingSynthesis(
            operations: Int(parts[0]), dwellings: Int(parts[1]), costPrice: Money(cents: parts[2]),
            loanRequested: Money(cents: parts[3]))
    }
}

extension AMIUploadModel {
    /// An unknown stored status is an error, never a default (issue #10).
    var record: UploadRecord {
        get throws {
            guard let status = UploadStatus(rawValue: status) else {
                throw CorruptRecord(
                    description: "tableau \(id?.uuidString ?? "sans identifiant") : état « \(status) » inconnu")
            }
            return UploadRecord(
                id: try requireID(), filingID: filingID, fileID: fileID, fileName: fileName, uploadedAt: uploadedAt,
                uploadedBy: uploadedBy,
                status: status, stage: stage, progressDone: progressDone, progressTotal: progressTotal,
                errorCount: errorCount, operationCount: operationCount, resultJSON: resultJSON,
                synthesis: UploadStore.decode(synthesis),
                message: message, checkedAt: checkedAt, supersededAt: supersededAt)
        }
    }
}
