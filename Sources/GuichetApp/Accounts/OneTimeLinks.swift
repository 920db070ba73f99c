import Fluent
import GuichetDomain
import GuichetPersistence
import Vapor

/// Single-use links (activation, password choice, e-mail change): a random token whose digest
/// is stored with its purpose and expiry; the link carries the token itself.
struct OneTimeLinks {
    let clock: AppClock
    let notifier: Notifier

    /// Issues a link to `path`/token, valid `lifetime` seconds; earlier links of the same purpose
    /// stop working.
    func issue(
        for userID: UserID, purpose: String, lifetime: TimeInterval, path: String, payload: String = "",
        on tx: Database
    ) async throws -> String {
        let token = Tokens.random()
        let now = clock.now()
        try await TokenStore().invalidate(userID: userID, purposes: [purpose], now: now, on: tx)
        try await TokenStore().createOneTime(
            userID: userID, purpose: purpose, tokenHash: Tokens.digest(token), payload: payload,
            now: now, expiresAt: now.addingTimeInterval(lifetime), on: tx)
        return notifier.link("\(path)/\(token)")
    }
}
