import Foundation
import Testing

@testable import GuichetApp

@Suite struct AppConfigTests {
    let cwd = URL(fileURLWithPath: "/tmp/guichet-config-test")

    @Test func defaultsToSQLiteInVar() throws {
        let c = try AppConfig.load(environment: [:], workingDirectory: cwd).get()
        #expect(c.database == .sqlite(path: "/tmp/guichet-config-test/var/guichet.sqlite"))
        #expect(c.baseURL.absoluteString == "http://127.0.0.1:8080")
        #expect(!c.isSecure)
        #expect(c.sessionIdleTimeout == 7_200)
        #expect(c.maxUploadBytes == 20 * 1_048_576)
    }

    @Test func postgresURL() throws {
        let c = try AppConfig.load(
            environment: ["DATABASE_URL": "postgres://u:p@127.0.0.1:5432/guichet"], workingDirectory: cwd
        ).get()
        #expect(c.database == .postgres(url: "postgres://u:p@127.0.0.1:5432/guichet"))
        #expect(c.databaseDescription.contains("***"), "the password never appears in messages")
    }

    @Test func namesEveryFaultySettingInFrenchAndEnglish() {
        let result = AppConfig.load(
            environment: [
                "DATABASE_URL": "mysql://u:secret@host/db",
                "GUICHET_BASE_URL": "pas une url",
                "SMTP_PORT": "99999",
                "GUICHET_DEV_MAILBOX": "peut-être",
                "SMTP_USERNAME": "bob",
            ], workingDirectory: cwd)
        guard case .failure(let invalid) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(
            Set(invalid.problems.map(\.setting)) == [
                "DATABASE_URL", "GUICHET_BASE_URL", "SMTP_PORT", "GUICHET_DEV_MAILBOX", "SMTP_PASSWORD",
            ])
        #expect(invalid.description.contains("Configuration invalide / invalid configuration"))
        #expect(!invalid.description.contains("secret"), "the password is redacted")
    }

    @Test func environmentWinsOverDotEnv() throws {
        let dot = DotEnv.parse(
            """
            # comment
            export GUICHET_BASE_URL="https://guichet.example.fr"
            SMTP_HOST='smtp.example.fr'
            GUICHET_SESSION_IDLE_MINUTES=30
            """)
        #expect(dot["SMTP_HOST"] == "smtp.example.fr")
        let c = try AppConfig.load(
            environment: ["GUICHET_SESSION_IDLE_MINUTES": "60"], dotEnv: dot, workingDirectory: cwd
        ).get()
        #expect(c.isSecure)
        #expect(c.mail.smtpHost == "smtp.example.fr")
        #expect(c.sessionIdleTimeout == 3_600)
    }

    @Test func secretsAreGeneratedOnceAndKept() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-secrets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Secrets.loadOrCreate(in: dir)
        let b = try Secrets.loadOrCreate(in: dir)
        #expect(a.auditSigningKey.rawRepresentation == b.auditSigningKey.rawRepresentation)
        let attrs = try FileManager.default.attributesOfItem(
            atPath: dir.appendingPathComponent("secrets/audit-signing.key").path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(
            !FileManager.default.fileExists(atPath: dir.appendingPathComponent("secrets/session.key").path),
            "no unused key")
    }

    /// Issue #9: without GUICHET_BASE_URL, links in e-mails point where `serve` listens.
    @Test func baseURLFollowsTheServeAddress() throws {
        let cwd = FileManager.default.temporaryDirectory
        var c = try AppConfig.load(environment: [:], workingDirectory: cwd).get()
        c.deriveBaseURL(hostname: nil, port: 9090)
        #expect(c.baseURL.absoluteString == "http://127.0.0.1:9090")
        c.deriveBaseURL(hostname: "0.0.0.0", port: 8081)
        #expect(c.baseURL.absoluteString == "http://127.0.0.1:8081")
        var explicit = try AppConfig.load(
            environment: ["GUICHET_BASE_URL": "https://guichet.example.fr"], workingDirectory: cwd
        ).get()
        explicit.deriveBaseURL(hostname: nil, port: 9090)
        #expect(explicit.baseURL.absoluteString == "https://guichet.example.fr", "an explicit address wins")
        #expect(GuichetMain.option(["--port", "-p"], in: ["guichet", "serve", "--port", "9090"]) == "9090")
        #expect(GuichetMain.option(["--hostname", "-H"], in: ["guichet", "serve", "--hostname=0.0.0.0"]) == "0.0.0.0")
    }

    /// Issue #9: the development mailbox shows reset links, so it never runs under https.
    @Test func devMailboxIsRefusedInProduction() {
        let cwd = FileManager.default.temporaryDirectory
        let result = AppConfig.load(
            environment: ["GUICHET_DEV_MAILBOX": "true", "GUICHET_BASE_URL": "https://guichet.example.fr"],
            workingDirectory: cwd)
        guard case .failure(let invalid) = result else {
            Issue.record("must be refused")
            return
        }
        #expect(invalid.problems.map(\.setting) == ["GUICHET_DEV_MAILBOX"])
    }
}
