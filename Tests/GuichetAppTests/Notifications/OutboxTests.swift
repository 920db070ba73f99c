import Foundation
import GuichetAppTestSupport
import GuichetPersistence
import NIOPosix
import Testing
import VaporTesting

@testable import GuichetApp

/// Counts deliveries; fails the first `failures` sends.
final class RecordingSender: MessageSender, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [String] = []
    private var failuresLeft: Int
    init(failures: Int = 0) { failuresLeft = failures }
    var deliveries: [String] { lock.withLock { sent } }
    func send(_ m: OutboxRecord) async throws {
        try await Task.sleep(for: .milliseconds(2))
        try lock.withLock {
            if failuresLeft > 0 {
                failuresLeft -= 1
                throw SMTPClient.Failure(description: "421 essayez plus tard", transient: true)
            }
            sent.append(m.recipient)
        }
    }
}

@Suite struct OutboxTests {
    @Test func severalWorkersNeverSendAMessageTwice() async throws {
        try await TestApp.run { app in
            for n in 0..<60 {
                try await OutboxStore().enqueue(
                    channel: .email, recipient: "r\(n)@example.fr", subject: "s", body: "b", now: Date(), on: app.db)
            }
            let sender = RecordingSender()
            let workers = (0..<4).map {
                OutboxWorker(workerID: "w\($0)", email: sender, sms: sender, clock: .system, logger: app.logger)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for w in workers {
                    group.addTask { for _ in 0..<10 { _ = try await w.runOnce(on: app.db, limit: 7) } }
                }
                try await group.waitForAll()
            }
            #expect(sender.deliveries.count == 60)
            #expect(Set(sender.deliveries).count == 60, "no duplicate")
            #expect(try await OutboxStore().pendingCount(on: app.db) == 0)
        }
    }

    @Test func failuresAreRetriedWithBackoffThenRecorded() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.appClock) { app in
            try await OutboxStore().enqueue(
                channel: .email, recipient: "a@example.fr", subject: "s", body: "b", now: clock.now, on: app.db)
            let sender = RecordingSender(failures: 2)
            let w = OutboxWorker(workerID: "w", email: sender, sms: sender, clock: clock.appClock, logger: app.logger)
            let first = try await w.runOnce(on: app.db)
            #expect(first == .init(sent: 0, retried: 1, failed: 0))
            let early = try await w.runOnce(on: app.db)
            #expect(early == .init(), "not due before 30 s")
            clock.advance(31)
            #expect(try await w.runOnce(on: app.db).retried == 1)
            clock.advance(59)
            let early2 = try await w.runOnce(on: app.db)
            #expect(early2 == .init(), "second retry after 60 s")
            clock.advance(2)
            #expect(try await w.runOnce(on: app.db).sent == 1)
            let m = try #require(try await OutboxStore().recent(limit: 1, on: app.db).first)
            #expect(m.status == .sent)
            #expect(m.attempts == 2)
            #expect(m.lastError?.contains("421") == true)
        }
    }

    @Test func permanentFailuresStop() async throws {
        try await TestApp.run { app in
            try await OutboxStore().enqueue(
                channel: .sms, recipient: "+33600000000", subject: "", body: "code", now: Date(), on: app.db)
            struct Refusing: MessageSender {
                func send(_ m: OutboxRecord) async throws {
                    throw SMTPClient.Failure(description: "550 inconnu", transient: false)
                }
            }
            let w = OutboxWorker(workerID: "w", email: Refusing(), sms: Refusing(), clock: .system, logger: app.logger)
            #expect(try await w.runOnce(on: app.db).failed == 1)
            #expect(try await OutboxStore().recent(limit: 1, on: app.db).first?.status == .failed)
        }
    }

    @Test func messagesAreWrittenWithTheChangeOrNotAtAll() async throws {
        try await TestApp.run { app in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await app.db.transaction { tx in
                    try await app.notifier.email(to: "x@example.fr", subject: "s", body: "b", on: tx)
                    throw Boom()
                }
            }
            let left = try await OutboxStore().recent(limit: 10, on: app.db)
            #expect(left.isEmpty, "rolled back with the change")
        }
    }

    @Test func devMailboxShowsMessagesOnlyWhenEnabled() async throws {
        try await TestApp.run(environment: ["GUICHET_DEV_MAILBOX": "true"]) { app in
            try await app.notifier.email(
                to: "x@example.fr", subject: "Bonjour", body: "Lien : http://127.0.0.1:8080/activation/abc", on: app.db)
            let anonymous = try await app.testing().sendRequest(.GET, "/dev/mailbox")
            #expect(anonymous.status == .notFound, "reset links are never shown to anyone (issue #9)")
            app.isDemo = true
            let list = try await app.testing().sendRequest(.GET, "/dev/mailbox")
            #expect(list.status == .ok)
            #expect(list.body.string.contains("Bonjour"))
        }
        try await TestApp.run { app in
            let res = try await app.testing().sendRequest(.GET, "/dev/mailbox")
            #expect(res.status == .notFound)
        }
    }
}

/// A real SMTP exchange with a local server (aiosmtpd): STARTTLS, authentication, UTF-8.
@Suite struct SMTPExchangeTests {
    static var serverAvailable: Bool {
        if ProcessInfo.processInfo.environment["GUICHET_REQUIRE_SMTP_TEST"] == "1" { return true }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import aiosmtpd, cryptography"]
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        do {
            try p.run()
            p.waitUntilExit()
            return p.terminationStatus == 0
        } catch { return false }
    }

    @Test(.enabled(if: serverAvailable, "needs python3 with aiosmtpd and cryptography (installed by .ci/run)"))
    func sendsThroughStartTLSWithAuthentication() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "smtp_test_server.py")
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", script.path, dir.path]
        let out = Pipe()
        let input = Pipe()
        server.standardOutput = out
        server.standardInput = input
        try server.run()
        defer {
            try? input.fileHandleForWriting.close()
            server.waitUntilExit()
        }
        let line = String(decoding: out.fileHandleForReading.availableDataUntilNewline(), as: UTF8.self)
        let parts = line.split(separator: " ")
        try #require(parts.count == 3 && parts[0] == "READY", "server did not start: \(line)")
        let port = Int(parts[1])!
        let cert = String(parts[2]).trimmingCharacters(in: .whitespacesAndNewlines)

        let group = MultiThreadedEventLoopGroup.singleton
        let settings = SMTPClient.Settings(
            host: "localhost", port: port, username: "guichet", password: "secret", startTLS: true, caFile: cert)
        let client = SMTPClient(settings: settings, group: group)
        try await client.send(
            .init(
                from: "Guichet Action Logement <ne-pas-repondre@guichet.test>", to: "Marie Curie <marie@example.fr>",
                subject: "Activez votre compte — délai 12 heures",
                body: "Bonjour,\n.\nUne ligne qui commence par un point.\nÉté, garçon, œuvre.",
                date: Date(), messageID: "test@guichet"))
        let file = dir.appendingPathComponent("message-1.json")
        let data = try #require(FileManager.default.contents(atPath: file.path))
        let received = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(received["mail_from"] as? String == "ne-pas-repondre@guichet.test")
        #expect(received["rcpt_tos"] as? [String] == ["marie@example.fr"])
        #expect(received["tls"] as? Bool == true)
        #expect(received["auth"] as? Bool == true)
        let content = received["content"] as? String ?? ""
        #expect(content.contains("Subject: =?UTF-8?B?"))
        let body = content.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(
            of: "\r\n", with: "")
        let decoded = String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self)
        #expect(decoded.contains("Été, garçon, œuvre."))
        #expect(decoded.contains("\r\n.\r\nUne ligne"), "dot-stuffing undone by the server")

        // Wrong password: a permanent refusal, reported as such.
        let bad = SMTPClient(
            settings: .init(
                host: "localhost", port: port, username: "guichet", password: "faux", startTLS: true, caFile: cert),
            group: group)
        await #expect(throws: SMTPClient.Failure.self) {
            try await bad.send(
                .init(
                    from: "a@guichet.test", to: "b@example.fr", subject: "x", body: "y", date: Date(),
                    messageID: "t2@guichet"))
        }
    }
}

extension FileHandle {
    /// Reads until the first newline (the server's READY line).
    func availableDataUntilNewline() -> Data {
        var data = Data()
        while true {
            let chunk = readData(ofLength: 1)
            if chunk.isEmpty || chunk == Data([0x0A]) { return data }
            data.append(chunk)
        }
    }
}

/// The HTTP SMS provider, against a real local HTTP server standing in for the provider.
@Suite struct HTTPSMSProviderTests {
    final class Received: @unchecked Sendable {
        let lock = NSLock()
        var bodies: [(String, String?)] = []
        func add(_ body: String, _ auth: String?) { lock.withLock { bodies.append((body, auth)) } }
        var all: [(String, String?)] { lock.withLock { bodies } }
    }

    @Test func postsTheMessageWithTheBearerKey() async throws {
        let received = Received()
        let provider = try await Application.make(.testing)
        provider.http.server.configuration.port = 0
        provider.post("sms") { req -> HTTPStatus in
            received.add(req.body.string ?? "", req.headers.bearerAuthorization?.token)
            return (req.body.string ?? "").contains("refuse") ? .badRequest : .accepted
        }
        try await provider.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = try #require(provider.http.server.shared.localAddress?.port)
        do {
            try await TestApp.run { app in
                let sender = HTTPSMSSender(
                    url: "http://127.0.0.1:\(port)/sms", token: "cle-fournisseur", client: app.client)
                let ok = OutboxRecord.sms(to: "+33612345678", text: "Votre code : 123456")
                try await sender.send(ok)
                #expect(received.all.count == 1)
                #expect(received.all.first?.0 == #"{"to":"+33612345678","text":"Votre code : 123456"}"#)
                #expect(received.all.first?.1 == "cle-fournisseur")
                await #expect(throws: SMTPClient.Failure.self) {
                    try await sender.send(.sms(to: "+33600000000", text: "refuse"))
                }
            }
        } catch {
            await provider.server.shutdown()
            try? await provider.asyncShutdown()
            throw error
        }
        await provider.server.shutdown()
        try await provider.asyncShutdown()
    }
}

extension OutboxRecord {
    static func sms(to: String, text: String) -> OutboxRecord {
        OutboxRecord.make(channel: .sms, recipient: to, body: text)
    }
}
