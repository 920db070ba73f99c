import Fluent
import Foundation
import SQLKit

/// Notifications waiting to be sent (e-mail, SMS). Rows are written in the same transaction as
/// the change that causes them; workers claim them with a lease so that several workers on one
/// PostgreSQL never send a message twice.
public struct OutboxStore: Sendable {
    public init() {}

    public func enqueue(
        channel: OutboxChannel, recipient: String, subject: String, body: String, now: Date, on db: Database
    ) async throws {
        let m = OutboxModel()
        m.channel = channel.rawValue
        m.recipient = recipient
        m.subject = subject
        m.body = body
        m.status = OutboxStatus.pending.rawValue
        m.attempts = 0
        m.nextAttemptAt = now
        m.createdAt = now
        try await m.create(on: db)
    }

    /// Claims up to `limit` due messages for `worker` for `lease` seconds. The conditions are
    /// repeated in the outer UPDATE so that, on PostgreSQL, a concurrent claimer that waited on
    /// the row lock re-checks them on the new row version and skips rows claimed meanwhile.
    public func claim(
        worker: String, now: Date, lease: TimeInterval, limit: Int, on db: Database
    ) async throws -> [OutboxRecord] {
        guard let sql = db as? SQLDatabase else { return [] }
        let due = sql.select().column("id").from(OutboxModel.schema)
            .where("status", .equal, OutboxStatus.pending.rawValue).where("next_attempt_at", .lessThanOrEqual, now)
            .where { $0.where("locked_until", .is, SQLLiteral.null).orWhere("locked_until", .lessThan, now) }
            .orderBy("next_attempt_at").limit(limit)
        try await sql.update(OutboxModel.schema)
            .set("locked_by", to: worker).set("locked_until", to: now.addingTimeInterval(lease))
            .where("status", .equal, OutboxStatus.pending.rawValue)
            .where { $0.where("locked_until", .is, SQLLiteral.null).orWhere("locked_until", .lessThan, now) }
            .where("id", .in, SQLGroupExpression(due.query))
            .run()
        return try await OutboxModel.query(on: db).filter(\.$lockedBy == worker).filter(
            \.$status == OutboxStatus.pending.rawValue
        )
        .filter(\.$lockedUntil > now).all().map { try $0.record }
    }

    public func markSent(id: UUID, worker: String, at: Date, on db: Database) async throws {
        try await OutboxModel.query(on: db).set(\.$status, to: OutboxStatus.sent.rawValue).set(\.$sentAt, to: at)
            .set(\.$lockedBy, to: nil).set(\.$lockedUntil, to: nil)
            .filter(\.$id == id).filter(\.$lockedBy == worker).update()
    }

    /// A failed attempt: retried at `retryAt`, or given up (`failed`) when `retryAt` is nil.
    public func markFailed(id: UUID, worker: String, error: String, retryAt: Date?, on db: Database) async throws {
        guard let m = try await OutboxModel.query(on: db).filter(\.$id == id).filter(\.$lockedBy == worker).first()
        else { return }
        m.attempts += 1
        m.lastError = String(error.prefix(500))
        m.lockedBy = nil
        m.lockedUntil = nil
        if let retryAt { m.nextAttemptAt = retryAt } else { m.status = OutboxStatus.failed.rawValue }
        try await m.update(on: db)
    }

    public func recent(limit: Int, channel: OutboxChannel? = nil, on db: Database) async throws -> [OutboxRecord] {
        var q = OutboxModel.query(on: db)
        if let channel { q = q.filter(\.$channel == channel.rawValue) }
        return try await q.sort(\.$createdAt, .descending).limit(limit).all().map { try $0.record }
    }

    public func find(id: UUID, on db: Database) async throws -> OutboxRecord? {
        try await OutboxModel.find(id, on: db)?.record
    }

    public func pendingCount(on db: Database) async throws -> Int {
        try await OutboxModel.query(on: db).filter(\.$status == OutboxStatus.pending.rawValue).count()
    }
}

/// The append-only audit trail. Each entry carries the hash of the previous one; the hash
/// function is the caller's (SHA-256 in the app), so that this store stays free of crypto.
public struct AuditStore: Sendable {
    public init() {}

    public struct NewEntry: Sendable {
        public var at: Date
        public var actorID: UUID?
        public var actorLabel: String
        public var actorRole: String
        public var action: String
        public var objectType: String
        public var objectID: String
        public var clientAddress: String
        public var userAgent: String
        public var detail: String
        public init(
            at: Date, actorID: UUID?, actorLabel: String, actorRole: String, action: String, objectType: String,
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
