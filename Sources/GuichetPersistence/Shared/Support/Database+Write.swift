import Fluent
import Foundation
import SQLKit

/// A refusal carried through a transaction so that it rolls back (see `Database.write(refusable:)`).
private struct Refused<R: Error & Sendable>: Error {
    let refusal: R
}

extension Database {
    /// Runs `body` in one transaction that writes. Every write of the platform goes through here
    /// (issue #9):
    /// - on PostgreSQL it is a plain transaction;
    /// - on SQLite, writers of this process are serialised (`SQLiteWriteGate`) and the
    ///   transaction takes the write lock before reading anything: a deferred SQLite transaction
    ///   that reads and then writes fails with "database is locked" when another connection
    ///   wrote in between, which is what concurrent uploads met.
    /// Inside a transaction already, `body` simply runs in it.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !inTransaction, let sql = self as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await transaction(body)
        }
        return try await SQLiteWriteGate.shared.run {
            try await self.transaction { tx in
                if let locked = tx as? any SQLDatabase {
                    // A statement that writes nothing but takes SQLite's write lock at once.
                    try await locked.raw("DELETE FROM _fluent_migrations WHERE 0 = 1").run()
                }
                return try await body(tx)
            }
        }
    }

    /// A write whose body may refuse: a `.failure` rolls back everything the body wrote, so a
    /// refused request writes nothing (issue #9), and is returned as it is.
    public func write<T: Sendable, R: Error & Sendable>(
        refusable body: @escaping @Sendable (any Database) async throws -> Result<T, R>
    ) async throws -> Result<T, R> {
        do {
            let value = try await write { tx -> T in
                switch try await body(tx) {
                case .success(let value): return value
                case .failure(let refusal): throw Refused(refusal: refusal)
                }
            }
            return .success(value)
        } catch let refused as Refused<R> {
            return .failure(refused.refusal)
        }
    }
}

/// One writer at a time per process on SQLite (SQLite allows one writer per file anyway); the
/// others wait here, in order, instead of spinning in SQLite's busy handler.
public actor SQLiteWriteGate {
    public static let shared = SQLiteWriteGate()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
