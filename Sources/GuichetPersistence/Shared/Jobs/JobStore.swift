import Fluent
import Foundation
import GuichetDomain
import SQLKit

/// Where a job stands. `running` with an expired lease is due again: its worker stopped.
public enum JobState: String, Sendable, CaseIterable, Codable {
    case queued
    case running
    case done
    case dead

    public var french: String {
        switch self {
        case .queued: "en attente"
        case .running: "en cours"
        case .done: "terminée"
        case .dead: "abandonnée"
        }
    }
}

public struct JobRecord: Sendable, Equatable {
    public let id: JobID
    public let kind: String
    public let payload: String
    public let state: JobState
    public let attempts: Int
    public let maxAttempts: Int
    public let runAt: Date
    public let lastError: String?
    public let createdAt: Date
    public let finishedAt: Date?
}

/// The jobs table: enqueued in the caller's transaction (with the change that needs the work),
/// claimed by workers with a lease so that several instances on one PostgreSQL never run a job
/// twice at once, retried with backoff, dead-lettered after the last attempt.
public struct JobStore: Sendable {
    public init() {}

    @discardableResult
    public func enqueue(
        kind: String, payload: String, runAt: Date, maxAttempts: Int = 5, on db: Database
    )
        async throws -> JobID
    {
        let m = JobModel()
        m.kind = kind
        m.payload = payload
        m.state = JobState.queued.rawValue
        m.attempts = 0
        m.maxAttempts = maxAttempts
        m.runAt = runAt
        m.createdAt = runAt
        try await m.create(on: db)
        return try m.requireID()
    }

    /// Claims one due job (the given one, or the oldest due) for `worker` until `now + lease`;
    /// counts the attempt. The conditions are repeated in the UPDATE so that a concurrent
    /// claimer that waited on the row re-checks them (see `OutboxStore.claim`).
    public func claim(
        id: JobID? = nil, worker: String, now: Date, lease: TimeInterval, on db: Database
    )
        async throws -> JobRecord?
    {
        guard let sql = db as? any SQLDatabase else { return nil }
        var due = sql.select().column("id").from(JobModel.schema)
        due = Self.due(due, now: now)
        if let id { due = due.where("id", .equal, SQLBind(id)) }
        due = due.orderBy("run_at").limit(1)
        var update = sql.update(JobModel.schema)
            .set("state", to: JobState.running.rawValue)
            .set("locked_by", to: worker)
            .set("locked_until", to: now.addingTimeInterval(lease))
            .set(SQLColumn("attempts"), to: SQLRaw("attempts + 1"))
        update = Self.due(update, now: now)
        let claimed = try await update.where("id", .in, SQLGroupExpression(due.query)).returning("id").all()
        guard let row = claimed.first else { return nil }
        let claimedID = JobID(try row.decode(column: "id", as: UUID.self))
        return try await JobModel.find(claimedID, on: db)?.record
    }

    private static func due<B: SQLPredicateBuilder>(_ builder: B, now: Date) -> B {
        builder.where { group in
            group.where { queued in
                queued.where("state", .equal, JobState.queued.rawValue).where("run_at", .lessThanOrEqual, now)
            }
            .orWhere { abandoned in
                abandoned.where("state", .equal, JobState.running.rawValue).where("locked_until", .lessThan, now)
            }
        }
    }

    public func complete(id: JobID, worker: String, at: Date, on db: Database) async throws {
        try await JobModel.query(on: db)
            .set(\.$state, to: JobState.done.rawValue).set(\.$finishedAt, to: at)
            .set(\.$lockedBy, to: nil).set(\.$lockedUntil, to: nil)
            .filter(\.$id == id).filter(\.$lockedBy == worker)
            .update()
    }

    /// A failed attempt: queued again at `retryAt`, or dead when the attempts are spent.
    public func fail(id: JobID, worker: String, error: String, retryAt: Date, at: Date, on db: Database) async throws {
        guard let m = try await JobModel.query(on: db).filter(\.$id == id).filter(\.$lockedBy == worker).first() else {
            return
        }
        m.lastError = String(error.prefix(500))
        m.lockedBy = nil
        m.lockedUntil = nil
        if m.attempts >= m.maxAttempts {
            m.state = JobState.dead.rawValue
            m.finishedAt = at
        } else {
            m.state = JobState.queued.rawValue
            m.runAt = retryAt
        }
        try await m.update(on: db)
    }

    /// An administrator gives a dead job another round of attempts.
    public func retry(id: JobID, now: Date, on db: Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let rows = try await sql.update(JobModel.schema)
            .set("state", to: JobState.queued.rawValue).set("attempts", to: 0).set("run_at", to: now)
            .set("finished_at", to: SQLLiteral.null)
            .where("id", .equal, SQLBind(id)).where("state", .equal, JobState.dead.rawValue)
            .returning("id").all()
        return rows.count == 1
    }

    public func find(id: JobID, on db: Database) async throws -> JobRecord? {
        try await JobModel.find(id, on: db)?.record
    }

    /// The newest jobs first, `limit` at a time, after the page that ended at `before`.
    public func page(state: JobState?, before: TimeCursor?, limit: Int, on db: Database) async throws -> [JobRecord] {
        var q = JobModel.query(on: db)
        if let state { q = q.filter(\.$state == state.rawValue) }
        if let before {
            q = q.group(.or) { group in
                group.filter(\.$createdAt < before.at)
                    .group(.and) { $0.filter(\.$createdAt == before.at).filter(\.$id < JobID(before.id)) }
            }
        }
        return try await q.sort(\.$createdAt, .descending).sort(\.$id, .descending).limit(limit).all()
            .map { try $0.record }
    }

    public func counts(on db: Database) async throws -> [JobState: Int] {
        var out: [JobState: Int] = [:]
        for state in JobState.allCases {
            out[state] = try await JobModel.query(on: db).filter(\.$state == state.rawValue).count()
        }
        return out
    }
}

extension JobModel {
    var record: JobRecord {
        get throws {
            guard let state = JobState(rawValue: state) else {
                throw CorruptRecord(
                    description: "tâche \(id?.uuidString ?? "sans identifiant") : état « \(state) » inconnu")
            }
            return JobRecord(
                id: try requireID(), kind: kind, payload: payload, state: state, attempts: attempts,
                maxAttempts: maxAttempts, runAt: runAt, lastError: lastError, createdAt: createdAt,
                finishedAt: finishedAt)
        }
    }
}
