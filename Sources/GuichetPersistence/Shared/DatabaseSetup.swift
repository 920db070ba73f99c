import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Where the data lives, and how to reach it. SQLite is the embedded default; PostgreSQL is the
/// production database (several stateless app instances on one PostgreSQL).
public enum DatabaseTarget: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String, searchPath: [String]? = nil)
}

public enum DatabaseSetup {
    public enum SetupError: Error, CustomStringConvertible {
        case badURL(String)
        public var description: String { "Adresse de base de données invalide : \(self)" }
    }

    /// The Fluent factory for a target; `id` is `.sqlite` or `.psql`. `connectionsPerEventLoop`
    /// bounds the PostgreSQL pool (4 in production; tests, which run many apps at once, take 2).
    public static func factory(
        for target: DatabaseTarget, connectionsPerEventLoop: Int = 4
    ) throws -> (DatabaseConfigurationFactory, DatabaseID) {
        switch target {
        case .sqlite(let path):
            let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            return (.sqlite(.file(path), sqlLogLevel: .trace), .sqlite)
        case .postgres(let url, let searchPath):
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = searchPath
            return (
                .postgres(
                    configuration: config, maxConnectionsPerEventLoop: max(1, connectionsPerEventLoop),
                    sqlLogLevel: .trace), .psql
            )
        }
    }

    /// `SELECT 1`: does the database answer?
    public static func ping(_ db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        _ = try await sql.raw("SELECT 1 AS ok").all()
    }

    /// Before migrations: on PostgreSQL, create the schema of a `searchPath` (tests run each in
    /// its own schema); on SQLite, pragmas for concurrent web requests (WAL, foreign keys, busy wait).
    public static func prepare(_ db: Database, target: DatabaseTarget) async throws {
        guard let sql = db as? SQLDatabase else { return }
        if case .postgres(_, let searchPath?) = target, let schema = searchPath.first {
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            return
        }
        guard sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA foreign_keys=ON").run()
        try await sql.raw("PRAGMA busy_timeout=5000").run()
    }

    /// Drops a test schema and everything in it.
    public static func dropSchema(_ schema: String, on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
}
