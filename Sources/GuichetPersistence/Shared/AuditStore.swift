import Fluent
import Foundation
import GuichetDomain
import SQLKit

/// The append-only audit trail. Each entry carries the hash of the previous one; the hash
/// function is the caller's (SHA-256 in the app), so that this store stays free of crypto.
public struct AuditStore: Sendable {
    public init() {}

    public struct NewEntry: Sendable {
        public var at: Date
        public var actorID: UserID?
        public var actorLabel: String
        public var actorRole: String
        public var action: String
        public var objectType: String
        public var objectID: String
        public var clientAddress: String
        public var userAgent: String
        public var detail: String
        public init(
            at: Date, actorID: UserID?, actorLabel: String, actorRole: String, action: String, objectType: String,
            objectID: String, clientAddress: String, userAgent: String, detail: String
        ) {
            self.at = at
            self.actorID = actorID
            self.actorLabel = actorLabel
            self.actorRole = actorRole
            self.action = action
            self.objectType = objectType
            self.objectID = objectID
            self.clientAddress = clientAddress
            self.userAgent = userAgent
            self.detail = detail
        }
    }

    /// Appends an entry: sequence = last + 1, previous hash = last hash. Appends are serialised:
    /// inside a transaction (the caller's, or one opened here), PostgreSQL takes a transaction-level
    /// advisory lock; SQLite has a single writer.
    public func append(
        _ e: NewEntry, hash: @escaping @Sendable (_ seq: Int, _ previousHash: String, _ entry: NewEntry) -> String,
        on db: Database
    ) async throws -> AuditRecord {
        if db.inTransaction { return try await appendLocked(e, hash: hash, on: db) }
        return try await db.write { tx in try await appendLocked(e, hash: hash, on: tx) }
    }

    private func appendLocked(
        _ e: NewEntry, hash: @Sendable (Int, String, NewEntry) -> String, on db: Database
    ) async throws -> AuditRecord {
        if let sql = db as? SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(7357001)").run()
        }
        let last = try await AuditEntryModel.query(on: db).sort(\.$id, .descending).first()
        let seq = (last?.id ?? 0) + 1
        let previous = last?.hash ?? String(repeating: "0", count: 64)
        let m = AuditEntryModel()
        m.id = seq
        m.at = e.at
        m.actorID = e.actorID
        m.actorLabel = e.actorLabel
        m.actorRole = e.actorRole
        m.action = e.action
        m.objectType = e.objectType
        m.objectID = e.objectID
        m.clientAddress = e.clientAddress
        m.userAgent = e.userAgent
        m.detail = e.detail
        m.previousHash = previous
        m.hash = hash(seq, previous, e)
        try await m.create(on: db)
        return try m.record
    }

    public func all(on db: Database) async throws -> [AuditRecord] {
        try await AuditEntryModel.query(on: db).sort(\.$id).all().map { try $0.record }
    }

    public func recent(limit: Int, on db: Database) async throws -> [AuditRecord] {
        try await AuditEntryModel.query(on: db).sort(\.$id, .descending).limit(limit).all().map { try $0.record }
    }

    /// Entries newest first, `limit` at a time, before `seq` (keyset pagination on the key).
    public func page(before seq: Int?, limit: Int, on db: Database) async throws -> [AuditRecord] {
        var q = AuditEntryModel.query(on: db)
        if let seq { q = q.filter(\.$id < seq) }
        return try await q.sort(\.$id, .descending).limit(limit).all().map { try $0.record }
    }

    public func entry(seq: Int, on db: Database) async throws -> AuditRecord? {
        try await AuditEntryModel.find(seq, on: db)?.record
    }

    /// The last entry: what a checkpoint anchors.
    public func head(on db: Database) async throws -> AuditRecord? {
        try await AuditEntryModel.query(on: db).sort(\.$id, .descending).first()?.record
    }

    /// A retention purge (issue #9): removes the entries up to `seq` included, in a transaction
    /// holding a purge permit (the triggers refuse any other deletion), and returns the last
    /// removed entry (its hash anchors the chain that remains). Nil when there is nothing to purge.
    public func purge(through seq: Int, on db: Database) async throws -> AuditRecord? {
        try await db.write { tx in
            guard
                let last = try await AuditEntryModel.query(on: tx).filter(\.$id <= seq).sort(\.$id, .descending)
                    .first()?.record
            else {
                return nil
            }
            guard let sql = tx as? any SQLDatabase else { return nil }
            try await sql.raw("INSERT INTO audit_purge_permits (id) VALUES (1)").run()
            try await AuditEntryModel.query(on: tx).filter(\.$id <= last.seq).delete()
            try await sql.raw("DELETE FROM audit_purge_permits").run()
            return last
        }
    }

    /// The last entry recorded before `date` (what a retention period keeps out).
    public func last(before date: Date, on db: Database) async throws -> AuditRecord? {
        try await AuditEntryModel.query(on: db).filter(\.$at < date).sort(\.$id, .descending).first()?.record
    }
}
