import Fluent
import Foundation
import GuichetPersistence
import SQLKit
import Vapor

/// Issue #10's benchmark: the journal page and the accounts list with 1 000 000 audit entries
/// and 100 000 accounts, on PostgreSQL, must answer in under 100 ms at the 95th percentile.
/// It fills a fresh schema of the database it is given (loopback only), then sends each page's
/// requests through the whole middleware stack, in process, and prints the figures.
public enum PagesBenchmark {
    public struct Figures: Sendable {
        public let label: String
        public let median: Double
        public let p95: Double
        public let max: Double
        /// The median with one client alone: the page's own cost, without waiting for the others.
        public var alone: Double? = nil
    }

    public static let target = 100.0

    /// Runs the benchmark on a fresh schema of `postgresURL`; returns one line of figures per page.
    public static func run(
        postgresURL: String, audit: Int = 1_000_000, accounts: Int = 100_000, requests: Int = 200
    )
        async throws -> [Figures]
    {
        try await withApp(postgresURL: postgresURL) { app in
            let cookie = try await seed(app, audit: audit, accounts: accounts)
            var out: [Figures] = []
            for (label, path) in pages(accounts: accounts, audit: audit) {
                out.append(try await measure(app, label: label, path: path, cookie: cookie, requests: requests))
            }
            return out
        }
    }

    /// The platform configured on a fresh schema of `postgresURL` (dropped afterwards, whatever
    /// happens), for `body` to fill and measure.
    static func withApp<T: Sendable>(
        postgresURL: String, connectionsPerEventLoop: Int = 4, _ body: (Application) async throws -> T
    ) async throws -> T {
        let schema = "bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-bench-\(schema)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try AppConfig.load(environment: ["GUICHET_DATA_DIR": dir.path], workingDirectory: dir).get()
        var options = ConfigureOptions()
        options.migrate = true
        options.bcryptCost = 4
        options.connectionsPerEventLoop = connectionsPerEventLoop
        options.databaseOverride = .postgres(url: postgresURL, searchPath: [schema])
        let app = try await Application.make(.production)
        app.logger.logLevel = .warning
        do {
            try await configure(app, config: config, options: options)
            let result = try await body(app)
            try await DatabaseSetup.dropSchema(schema, on: app.db)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await DatabaseSetup.dropSchema(schema, on: app.db)
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func pages(accounts: Int, audit: Int) -> [(String, String)] {
        [
            ("Journal, première page", "/admin/journal"),
            ("Journal, page au milieu", "/admin/journal?avant=\(audit / 2)"),
            ("Comptes, première page", "/admin/comptes"),
            (
                "Comptes, page au milieu",
                "/admin/comptes?apres=personne\(String(format: "%06d", accounts / 2))%40bench.invalid"
            ),
        ]
    }

    /// Fills the schema with set-based inserts, then signs an administrator in.
    static func seed(_ app: Application, audit: Int, accounts: Int) async throws -> String {
        guard let sql = app.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        try await sql.raw(
            """
            INSERT INTO users (id, email, password_hash, display_name, phone, activated_at, is_demo, created_at)
            SELECT gen_random_uuid(), 'personne' || lpad(g::text, 6, '0') || '@bench.invalid', 'x', 'Personne ' || g,
                   NULL, now(), false, now()
            FROM generate_series(1, \(unsafeRaw: String(accounts))) AS g
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO role_grants (id, user_id, role, organisation_id, scope)
            SELECT gen_random_uuid(), id, 'beneficiaire', NULL, '' FROM users
            """
        ).run()
        try await sql.raw(
            """
            INSERT INTO audit_log (seq, at, actor_id, actor_label, actor_role, action, object_type, object_id,
                                   client_address, user_agent, detail, previous_hash, hash)
            SELECT g, now() - make_interval(secs => \(unsafeRaw: String(audit)) - g), NULL,
                   'personne' || (g % 1000) || '@bench.invalid',
                   'bénéficiaire', 'connexion.réussie', 'utilisateur', g::text, '192.0.2.1', 'bench', '',
                   md5((g - 1)::text) || md5((g - 1)::text), md5(g::text) || md5(g::text)
            FROM generate_series(1, \(unsafeRaw: String(audit))) AS g
            """
        ).run()
        try await sql.raw("ANALYZE").run()
        let now = app.clock.now()
        let admin = try await UserStore().create(
            email: "admin@bench.invalid", passwordHash: "x", displayName: "Administratrice", on: app.db)
        try await UserStore().activate(id: admin.id, at: now, on: app.db)
        _ = try await UserStore().grant(userID: admin.id, role: .administrateur, on: app.db)
        let token = Tokens.random()
        _ = try await SessionStore().create(
            tokenHash: Tokens.digest(token), userID: admin.id, csrfToken: Tokens.random(), now: now,
            expiresAt: now.addingTimeInterval(3600), on: app.db)
        _ = try await app.auditCheckpoints.writeIfMoved(on: app.db, now: now)
        return token
    }

    static func measure(
        _ app: Application, label: String, path: String, cookie: String, requests: Int
    ) async throws -> Figures {
        var samples: [Double] = []
        let responder = app.responder.current  // built once, as a server does
        for n in 0..<(requests + 10) {
            let request = Request(
                application: app, method: .GET, url: URI(string: path),
                headers: ["Cookie": "\(GuichetCookies.session)=\(cookie)"], on: app.eventLoopGroup.next())
            let start = DispatchTime.now().uptimeNanoseconds
            let response = try await responder.respond(to: request).get()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            guard response.status == .ok else {
                throw Abort(.internalServerError, reason: "\(path) : \(response.status.code)")
            }
            if n >= 10 { samples.append(elapsed) }  // the first ones warm the connections
        }
        samples.sort()
        func at(_ q: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * q))] }
        return Figures(label: label, median: at(0.5), p95: at(0.95), max: samples.last ?? 0)
    }
}
