import Fluent
import Foundation
import GuichetDomain
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

    public func markSent(id: OutboxMessageID, worker: String, at: Date, on db: Database) async throws {
        try await OutboxModel.query(on: db).set(\.$status, to: OutboxStatus.sent.rawValue).set(\.$sentAt, to: at)
            .set(\.$lockedBy, to: nil).set(\.$lockedUntil, to: nil)
            .filter(\.$id == id).filter(\.$lockedBy == worker).update()
    }

    /// A failed attempt: retried at `retryAt`, or given up (`failed`) when `retryAt` is nil.
    public func markFailed(
        id: OutboxMessageID, worker: String, error: String, retryAt: Date?, on db: Database
    ) async throws {
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

    public func find(id: OutboxMessageID, on db: Database) async throws -> OutboxRecord? {
        try await OutboxModel.find(id, on: db)?.record
    }

    public func pendingCount(on db: Database) async throws -> Int {
        try await OutboxModel.query(on: db).filter(\.$status == OutboxStatus.pending.rawValue).count()
    }
}
