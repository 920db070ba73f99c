import Fluent
import Foundation
import GuichetPersistence
import Logging
import NIOCore
import NIOPosix

/// A migrated database without any web application (issue #10: services are tested on a
/// database without starting Vapor): a fresh SQLite file, or a fresh schema of the PostgreSQL of
/// `GUICHET_TEST_DATABASE_URL`, dropped afterwards.
public enum TestDatabase {
    public static func run<T>(_ body: (any Database) async throws -> T) async throws -> T {
        try await TestGate.run(enabled: TestApp.postgresURL != nil) { try await runDatabase(body) }
    }

    static func runDatabase<T>(_ body: (any Database) async throws -> T) async throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var schema: String?
        let target: DatabaseTarget
        if let url = TestApp.postgresURL {
            try TestApp.checkLoopback(url)
            let name = "s_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            schema = name
            target = .postgres(url: url, searchPath: [name])
        } else {
            target = .sqlite(path: dir.appendingPathComponent("test.sqlite").path)
        }
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let group = MultiThreadedEventLoopGroup.singleton
        let databases = Databases(threadPool: threadPool, on: group)
        let logger = Logger(label: "guichet.test-database")
        let (factory, id) = try DatabaseSetup.factory(for: target, connectionsPerEventLoop: 2)
        databases.use(factory, as: id)
        let finish = {
            await databases.shutdownAsync()
            try? await threadPool.shutdownGracefully()
        }
        guard let db = databases.database(id, logger: logger, on: group.any()) else {
            await finish()
            throw DatabaseUnavailable()
        }
        do {
            try await DatabaseSetup.prepare(db, target: target)
            let migrations = Migrations()
            migrations.add(GuichetMigrations.all)
            let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: group.any())
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            let result = try await body(db)
            if let schema { try await DatabaseSetup.dropSchema(schema, on: db) }
            await finish()
            return result
        } catch {
            if let schema { try? await DatabaseSetup.dropSchema(schema, on: db) }
            await finish()
            throw error
        }
    }

    public struct DatabaseUnavailable: Error {}
}
