/// Throttling of failed logins (issue #3), per account and per client address: from the 5th
/// failure in 15 minutes each new attempt waits a growing delay (1, 2, 4, 8… seconds, at most
/// 30 seconds, so that the lock stays reachable within the window); at 20 failures in 15 minutes
/// the key is locked for 15 minutes (and the account's owner is told by e-mail). Pure: the caller
/// passes the failure instants (seconds).
public enum LoginThrottle {
    public static let window: Double = 15 * 60
    public static let delayFrom = 5
    public static let lockAt = 20
    public static let lockDuration: Double = 15 * 60
    public static let maxDelay: Double = 30

    public enum Decision: Equatable, Sendable {
        case allowed
        /// Try again after this many seconds.
        case wait(seconds: Int)
        case locked(untilSeconds: Double)
    }

    /// - Parameters: failures: instants (seconds since any epoch) of recent failed attempts.
    public static func decide(failures: [Double], now: Double) -> Decision {
        let recent = failures.filter { now - $0 < window }.sorted()
        guard recent.count >= delayFrom, let last = recent.last else { return .allowed }
        if recent.count >= lockAt {
            // Refused attempts are not recorded, so the last failure is the one that locked.
            let lockedUntil = last + lockDuration
            return now < lockedUntil ? .locked(untilSeconds: lockedUntil) : .allowed
        }
        let delay = min(maxDelay, Double(1 << min(10, recent.count - delayFrom)))
        let ready = last + delay
        return now < ready ? .wait(seconds: Int((ready - now).rounded(.up))) : .allowed
    }

    /// True when this failure is the one that crosses the lock threshold (send the e-mail once).
    public static func crossesLock(failuresBefore: Int) -> Bool { failuresBefore + 1 == lockAt }
}
