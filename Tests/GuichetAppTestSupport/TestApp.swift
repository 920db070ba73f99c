import Fluent
import Foundation
import GuichetApp
import GuichetPersistence
import Vapor
import VaporTesting

/// Each test builds its own app on its own database, so tests run in parallel: a fresh SQLite
/// file by default, or, when `GUICHET_TEST_DATABASE_URL` is set, a fresh schema of that
/// PostgreSQL database (loopback hosts only: the suite never touches a remote database).
public enum TestApp {
    public struct RefusedDatabase: Error, CustomStringConvertible {
        public let host: String
        public var description: String {
            "GUICHET_TEST_DATABASE_URL doit viser 127.0.0.1, localhost ou ::1 (reçu : \(host))"
        }
    }

    public static var postgresURL: String? {
        let v = ProcessInfo.processInfo.environment["GUICHET_TEST_DATABASE_URL"]
        return v?.isEmpty == false ? v : nil
    }

    public static var databaseName: String { postgresURL == nil ? "sqlite" : "postgres" }

    static func checkLoopback(_ url: String) throws {
        let host = URLComponents(string: url)?.host ?? ""
        guard ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) || host.hasPrefix("127.") else {
            throw RefusedDatabase(host: host)
        }
    }

    /// Runs `body` with a configured, migrated app; everything it created is removed afterwards.
    public static func run<T>(
        clock: AppClock = .system, environment: [String: String] = [:],
        _ body: (Application) async throws -> T
    ) async throws -> T {
        try await TestGate.run(enabled: postgresURL != nil) {
            try await runApp(clock: clock, environment: environment, body)
        }
    }

    static func runApp<T>(
        clock: AppClock, environment: [String: String], _ body: (Application) async throws -> T
    ) async throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var env = environment
        env["GUICHET_DATA_DIR"] = dir.path
        let config = try AppConfig.load(environment: env, workingDirectory: dir).get()

        var options = ConfigureOptions()
        options.migrate = true
        options.clock = clock
        options.bcryptCost = 4  // fast hashing in tests; production uses 12 (checked in AccountTests)
        // Hundreds of apps run at once on one PostgreSQL: four connections each at most.
        options.connectionsPerEventLoop = 2
        var schema: String?
        if let url = postgresURL {
            try checkLoopback(url)
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            schema = name
            options.databaseOverride = .postgres(url: url, searchPath: [name])
        } else {
            options.databaseOverride = .sqlite(path: dir.appendingPathComponent("test.sqlite").path)
        }

        let app = try await Application.make(.testing)
        do {
            try await configure(app, config: config, options: options)
            let result = try await body(app)
            if let schema { try await DatabaseSetup.dropSchema(schema, on: app.db) }
            try await app.asyncShutdown()
            return result
        } catch {
            if let schema { try? await DatabaseSetup.dropSchema(schema, on: app.db) }
            try? await app.asyncShutdown()
            throw error
        }
    }
}

extension TestingHTTPResponse {
    public var text: String { body.string }
}

extension ByteBuffer {
    public static func json(_ s: String) -> ByteBuffer { ByteBuffer(string: s) }
}

extension HTTPHeaders {
    public static let json: HTTPHeaders = ["Content-Type": "application/json"]
}
