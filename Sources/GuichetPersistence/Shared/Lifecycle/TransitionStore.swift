import Fluent
import Foundation
import GuichetDomain
import SQLKit

/// Another request moved the object first: the transition wrote nothing (issue #10). The web
/// edge answers 409 with a page saying so, the API a 409 JSON error.
public struct ChangedMeanwhile: Error, Sendable, Equatable {
    public let subjectKind: String
    public let id: UUID

    public init(subjectKind: String, id: UUID) {
        self.subjectKind = subjectKind
        self.id = id
    }
}

/// The object a lifecycle moves: its table (with `status` and `version` columns), the name its
/// history and audit entries give it, and the version read with its state.
public struct LifecycleSubject: Sendable, Equatable {
    public let table: String
    public let kind: String
    public let id: UUID
    public let version: Int

    public init(table: String, kind: String, id: UUID, version: Int) {
        self.table = table
        self.kind = kind
        self.id = id
        self.version = version
    }
}

/// Who acted, as histories show it: « AMO X pour le compte de Y ».
public struct HistoryActor: Sendable, Equatable {
    public let id: UserID?
    public let label: String
    public let role: String
    public let onBehalfOf: String?

    public init(id: UserID?, label: String, role: String, onBehalfOf: String? = nil) {
        self.id = id
        self.label = label
        self.role = role
        self.onBehalfOf = onBehalfOf
    }
}

public struct HistoryRecord: Sendable, Equatable {
    public let at: Date
    public let actor: HistoryActor
    public let fromState: String
    public let toState: String
    public let text: String
    public let motive: String?
}

/// The storage half of the lifecycle mechanism: the conditional update of the state and the
/// history lines. `LifecycleWriter` (app) calls it with the audit entries and messages in the
/// same transaction.
public enum TransitionStore {
    /// A value of a column that changes with the state.
    public struct Column: Sendable {
        let name: String
        let value: SQLBind

        public init<Value: Encodable & Sendable>(_ name: String, _ value: Value?) {
            self.name = name
            self.value = SQLBind(value)
        }
    }

    /// Takes the row's lock until the transaction ends (`SELECT … FOR UPDATE` on PostgreSQL; on
    /// SQLite the transaction already holds the one write lock): a transition read and applied
    /// in one request then waits for a concurrent one instead of failing, and reads its result.
    /// A version read in an earlier request (a form) is still checked by `move`.
    public static func lock(table: String, id: UUID, on db: Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw CorruptRecord(description: "base SQL attendue") }
        _ = try await sql.select().column("id").from(table).where("id", .equal, SQLBind(id)).for(.update).all()
    }

    /// `UPDATE table SET status = to, version = version + 1, … WHERE id = ? AND status = from
    /// AND version = ?`: zero rows means another request moved the object since it was read.
    public static func move(
        _ subject: LifecycleSubject, from: String, to state: String, columns: [Column] = [], on db: Database
    ) async throws {
        guard let sql = db as? any SQLDatabase else { throw CorruptRecord(description: "base SQL attendue") }
        var update = sql.update(subject.table)
            .set("status", to: state)
            .set(SQLColumn("version"), to: SQLRaw("version + 1"))
        for column in columns {
            update = update.set(SQLColumn(column.name), to: column.value)
        }
        let moved =
            try await update
            .where("id", .equal, SQLBind(subject.id))
            .where("status", .equal, SQLBind(from))
            .where("version", .equal, SQLBind(subject.version))
            .returning("id")
            .all()
        guard moved.count == 1 else { throw ChangedMeanwhile(subjectKind: subject.kind, id: subject.id) }
    }

    public static func addHistory(
        _ subject: LifecycleSubject, at: Date, actor: HistoryActor, from: String, to: String, text: String,
        motive: String? = nil, position: Int = 0, on db: Database
    ) async throws {
        let m = LifecycleHistoryModel()
        m.position = position
        m.subjectKind = subject.kind
        m.subjectID = subject.id
        m.at = at
        m.actorID = actor.id
        m.actorLabel = actor.label
        m.actorRole = actor.role
        m.onBehalfOf = actor.onBehalfOf
        m.fromState = from
        m.toState = to
        m.text = text
        m.motive = motive
        try await m.create(on: db)
    }

    public static func history(kind: String, id: UUID, on db: Database) async throws -> [HistoryRecord] {
        try await LifecycleHistoryModel.query(on: db)
            .filter(\.$subjectKind == kind).filter(\.$subjectID == id)
            .sort(\.$at).sort(\.$position).all()
            .map { m in
                HistoryRecord(
                    at: m.at,
                    actor: HistoryActor(
                        id: m.actorID, label: m.actorLabel, role: m.actorRole, onBehalfOf: m.onBehalfOf),
                    fromState: m.fromState, toState: m.toState, text: m.text, motive: m.motive)
            }
    }
}
