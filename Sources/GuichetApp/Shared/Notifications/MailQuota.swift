import Fluent
import Foundation
import GuichetPersistence

/// How many e-mails a form may make the platform send (issue #9: fifteen sign-ups with a
/// victim's address sent the victim fifteen e-mails). Counted per target address and per
/// client address over the last hour, like the reset request (`AccountService.forgotPassword`).
struct MailQuota: Sendable {
    /// What sends the mail: sign-up, AMO request, invitation…
    let kind: String
    var perTarget = 3
    var perClient = 20
    static let window: TimeInterval = 3600

    /// Whether the client address may still submit this form this hour.
    func clientAllowed(_ clientAddress: String, now: Date, on db: any Database) async throws -> Bool {
        try await AttemptStore().recent(
            kind: kind, key: "ip:\(clientAddress)", since: now.addingTimeInterval(-Self.window), on: db
        )
        .count < perClient
    }

    /// Whether the target address may still receive this kind of mail this hour.
    func targetAllowed(_ email: String, now: Date, on db: any Database) async throws -> Bool {
        try await AttemptStore().recent(
            kind: kind, key: "mail:\(email)", since: now.addingTimeInterval(-Self.window), on: db
        )
        .count < perTarget
    }

    /// Counts one submission (client) and one mail (target).
    func count(client clientAddress: String, target email: String?, now: Date, on db: any Database) async throws {
        try await AttemptStore().record(kind: kind, key: "ip:\(clientAddress)", at: now, on: db)
        if let email { try await AttemptStore().record(kind: kind, key: "mail:\(email)", at: now, on: db) }
    }

    /// The answer to a client over its quota.
    static var tooManyMessage: String {
        "Trop de demandes envoyées depuis votre connexion : réessayez dans une heure."
    }
}
