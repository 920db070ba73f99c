import Foundation
import GuichetAppTestSupport
import Testing
import VaporTesting

@testable import GuichetApp

@Suite struct HealthControllerTests {
    @Test func healthzAnswersWhenTheDatabaseDoes() async throws {
        try await TestApp.run { app in
            try await app.testing().test(.GET, "healthz") { res in
                #expect(res.status == .ok)
                #expect(res.text == #"{"status":"ok","database":"ok","version":"\#(GuichetVersion.current)"}"#)
                #expect(res.headers.contentType?.subType == "json")
            }
            try await app.testing().test(.GET, "livez") { res in #expect(res.status == .ok) }
        }
    }

    @Test func healthzIs503WhenTheDatabaseIsDown() async throws {
        let app = try await Application.make(.testing)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-down-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try AppConfig.load(environment: ["GUICHET_DATA_DIR": dir.path], workingDirectory: dir).get()
        var options = ConfigureOptions()
        options.databaseOverride = .postgres(url: "postgres://nobody:x@127.0.0.1:9/none")
        do {
            try await configure(app, config: config, options: options)
            try await app.testing().test(.GET, "healthz") { res in
                #expect(res.status == .serviceUnavailable)
                #expect(res.text.contains(#""database":"unreachable""#))
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
