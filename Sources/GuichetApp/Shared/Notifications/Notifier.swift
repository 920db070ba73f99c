import Fluent
import GuichetPersistence
import Vapor

/// Writes notifications to the outbox, in the caller's transaction: if the change is rolled
/// back, so is the message; if the process dies after commit, the worker still sends it.
struct Notifier: Sendable {
    let clock: AppClock
    let baseURL: URL

    func email(to: String, subject: String, body: String, on db: Database) async throws {
        try await OutboxStore().enqueue(
            channel: .email, recipient: to, subject: subject,
            body: body + Self.signature, now: clock.now(), on: db)
    }

    func sms(to phone: String, text: String, on db: Database) async throws {
        try await OutboxStore().enqueue(
            channel: .sms, recipient: phone, subject: "", body: text, now: clock.now(), on: db)
    }

    func link(_ path: String) -> String {
        var s = baseURL.absoluteString
        while s.hasSuffix("/") { s.removeLast() }
        return s + path
    }

    static let signature =
        "\n\n--\nGuichet Action Logement\nCet e-mail est envoyé automatiquement : merci de ne pas y répondre."
}

extension Request {
    var notifier: Notifier { Notifier(clock: application.clock, baseURL: application.guichetConfig.baseURL) }
}
extension Application {
    var notifier: Notifier { Notifier(clock: clock, baseURL: guichetConfig.baseURL) }
}
