import Fluent
import GuichetFormats
import GuichetPersistence
import Vapor

/// Sends what the outbox holds: claims due messages with a lease (several workers, one
/// database: no message is sent twice), sends each by its channel, records delivery, and
/// retries failures with exponential backoff (30 s, 1 min, 2 min… at most 8 attempts).
struct OutboxWorker: Sendable {
    static let maxAttempts = 8
    let workerID: String
    let email: any MessageSender
    let sms: any MessageSender
    let clock: AppClock
    let logger: Logger

    struct Round: Sendable, Equatable {
        var sent = 0
        var retried = 0
        var failed = 0
    }

    func runOnce(on db: Database, limit: Int = 20) async throws -> Round {
        let store = OutboxStore()
        let claimed = try await store.claim(worker: workerID, now: clock.now(), lease: 120, limit: limit, on: db)
        var round = Round()
        for message in claimed {
            do {
                try await (message.channel == .sms ? sms : email).send(message)
                try await store.markSent(id: message.id, worker: workerID, at: clock.now(), on: db)
                round.sent += 1
            } catch {
                let transient = (error as? SMTPClient.Failure)?.transient ?? true
                let attempts = message.attempts + 1
                let retryAt =
                    transient && attempts < Self.maxAttempts
                    ? clock.now().addingTimeInterval(30 * pow(2, Double(attempts - 1))) : nil
                try await store.markFailed(
                    id: message.id, worker: workerID, error: String(describing: error), retryAt: retryAt, on: db)
                if retryAt == nil { round.failed += 1 } else { round.retried += 1 }
                let text =
                    "outbox: envoi \(message.channel.french) à \(message.recipient) échoué (tentative \(attempts)) : "
                    + "\(error)"
                logger.warning("\(text)")
            }
        }
        return round
    }
}

/// One way of delivering a message of the outbox.
protocol MessageSender: Sendable {
    func send(_ message: OutboxRecord) async throws
}

/// E-mail over SMTP.
struct SMTPSender: MessageSender {
    let client: SMTPClient
    let from: String
    func send(_ m: OutboxRecord) async throws {
        try await client.send(
            .init(
                from: from, to: m.recipient, subject: m.subject, body: m.body, date: Date(),
                messageID: "\(m.id.uuidString.lowercased())@guichet"))
    }
}

/// Development and tests: the message is only logged (and stays visible in the outbox and in
/// the development mailbox).
struct LogSender: MessageSender {
    let logger: Logger
    let channel: String
    func send(_ m: OutboxRecord) async throws {
        let what = m.subject.isEmpty ? String(m.body.prefix(60)) : m.subject
        logger.info("\(channel) (journal seulement) à \(m.recipient) : \(what)")
    }
}

/// SMS through an HTTP provider: `POST {url}` with `{"to": "+33…", "text": "…"}` and a bearer key.
struct HTTPSMSSender: MessageSender {
    let url: String
    let token: String?
    let client: any Client
    func send(_ m: OutboxRecord) async throws {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let token { headers.bearerAuthorization = .init(token: token) }
        let body = JSONValue.object([("to", .string(m.recipient)), ("text", .string(m.body))]).serialized()
        let res = try await client.post(URI(string: url), headers: headers) { $0.body = ByteBuffer(string: body) }
        guard (200..<300).contains(res.status.code) else {
            throw SMTPClient.Failure(
                description: "fournisseur SMS : \(res.status.code)",
                transient: res.status.code >= 500 || res.status.code == 429)
        }
    }
}

extension Application {
    /// The outbox worker as configured: SMTP when `SMTP_HOST` is set, SMS over HTTP when
    /// `SMS_PROVIDER_URL` is set; otherwise log-only senders.
    func outboxWorker(id: String = "worker-\(UUID().uuidString.prefix(8))") -> OutboxWorker {
        let c = guichetConfig
        let email: any MessageSender
        if let host = c.mail.smtpHost {
            email = SMTPSender(
                client: SMTPClient(
                    settings: .init(
                        host: host, port: c.mail.smtpPort, username: c.mail.smtpUsername,
                        password: c.mail.smtpPassword, startTLS: c.mail.startTLS,
                        caFile: c.mail.caFile), group: eventLoopGroup),
                from: c.mail.from)
        } else {
            email = LogSender(logger: logger, channel: "e-mail")
        }
        let sms: any MessageSender =
            c.sms.providerURL.map { HTTPSMSSender(url: $0, token: c.sms.providerToken, client: client) }
            ?? LogSender(logger: logger, channel: "SMS")
        return OutboxWorker(workerID: id, email: email, sms: sms, clock: clock, logger: logger)
    }
}

/// Runs the worker inside `serve` every few seconds, stopping with the app: the outbox, the
/// programming-table checks left behind by a stopped instance, the purges.
final class OutboxLifecycle: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?
    let interval: Duration
    init(interval: Duration = .seconds(3)) { self.interval = interval }

    func didBootAsync(_ app: Application) async throws {
        let worker = app.outboxWorker()
        let db = app.db
        let interval = self.interval
        let logger = app.logger
        let jobs = app.jobRunner(workerID: worker.workerID)
        let checkpoints = app.auditCheckpoints
        task = Task {
            while !Task.isCancelled {
                do {
                    _ = try await worker.runOnce(on: db)
                    // Jobs due: retries, and those of an instance that stopped (lease expired).
                    while try await jobs.runOnce() {}
                    let now = worker.clock.now()
                    try await SessionStore().purge(
                        now: now, idle: TimeInterval(app.guichetConfig.sessionIdleTimeout), on: db)
                    // Throttling only looks back one hour.
                    try await AttemptStore().purge(before: now.addingTimeInterval(-86_400), on: db)
                    // The audit trail's head, anchored outside the database when it moved.
                    try await checkpoints.writeIfMoved(on: db, now: now)
                } catch { logger.warning("outbox: \(error)") }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        _ = await task?.value
    }
}
