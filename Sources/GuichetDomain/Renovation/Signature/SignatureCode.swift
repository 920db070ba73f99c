import Foundation

/// `RENO-C`: the one-time code that signs the agreement (issue #13). Six digits, sent by SMS or
/// e-mail, valid 10 minutes, 5 attempts, sends throttled (one a minute, five an hour); the code
/// itself is never kept, only its keyed digest (the caller's `digest`, an HMAC with a server
/// secret: six digits alone would be found from a plain hash at once). Pure: the time, the random
/// digits and the digest are arguments.
public enum SignatureCode {
    public static let validity: TimeInterval = 10 * 60
    public static let maxAttempts = 5
    public static let minimumGap: TimeInterval = 60
    public static let sendsPerHour = 5

    public enum Channel: String, Sendable, Codable, CaseIterable {
        case sms, email
        public var french: String { self == .sms ? "SMS" : "e-mail" }
    }

    /// What is stored of the code in force, and of the recent sends.
    public struct Issued: Sendable, Equatable, Codable {
        public let digest: String
        public let channel: Channel
        public let issuedAt: Date
        public var attempts: Int
        /// When each recent code was sent (the throttle's memory).
        public let sends: [Date]
        public var expiresAt: Date { issuedAt.addingTimeInterval(SignatureCode.validity) }
    }

    public enum Refusal: Error, Sendable, Equatable {
        /// Too soon after the last send, or too many sends this hour: wait until then.
        case throttled(until: Date)
    }

    /// A new code (six digits from `random`, each 0…9) replacing the one in force.
    public static func issue(
        channel: Channel, now: Date, previous: Issued?, random: () -> Int, digest: (String) -> String
    ) -> Result<(code: String, issued: Issued), Refusal> {
        let recent = (previous?.sends ?? []).filter { now.timeIntervalSince($0) < 3600 }
        if let last = recent.max(), now.timeIntervalSince(last) < minimumGap {
            return .failure(.throttled(until: last.addingTimeInterval(minimumGap)))
        }
        if recent.count >= sendsPerHour, let oldest = recent.min() {
            return .failure(.throttled(until: oldest.addingTimeInterval(3600)))
        }
        let code = String((0..<6).map { _ in Character(String(((random() % 10) + 10) % 10)) })
        let issued = Issued(digest: digest(code), channel: channel, issuedAt: now, attempts: 0, sends: recent + [now])
        return .success((code, issued))
    }

    public enum Check: Sendable, Equatable {
        case accepted
        /// A wrong code; `remaining` attempts are left (0: the code is spent, ask a new one).
        case wrong(remaining: Int)
        case expired
        /// Five wrong attempts: the code no longer signs anything.
        case locked
        case noCode
    }

    /// The code typed, against the one in force; returns the outcome and what to store (the
    /// attempt counted, the code gone once used).
    public static func check(
        _ typed: String, against issued: Issued?, now: Date, digest: (String) -> String
    ) -> (Check, Issued?) {
        guard var issued else { return (.noCode, nil) }
        guard issued.attempts < maxAttempts else { return (.locked, issued) }
        guard now < issued.expiresAt else { return (.expired, issued) }
        let digits = typed.filter { !$0.isWhitespace }
        if digits.count == 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            constantTimeEqual(digest(digits), issued.digest)
        {
            return (.accepted, nil)
        }
        issued.attempts += 1
        return issued.attempts >= maxAttempts
            ? (.locked, issued) : (.wrong(remaining: maxAttempts - issued.attempts), issued)
    }

    /// Equal strings, in a time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
