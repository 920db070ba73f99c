import Foundation
import GuichetDomain
import Testing

/// `RENO-C`: the signature's one-time code: six digits, 10 minutes, 5 attempts, throttled sends,
/// only a keyed digest kept.
@Suite struct SignatureCodeTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    /// A stand-in for the service's HMAC: what matters here is that the code is not stored.
    static func digest(_ code: String) -> String { "hmac:" + String(code.reversed()) }

    static func issue(
        at: Date, after previous: SignatureCode.Issued? = nil, digits: [Int] = [4, 2, 0, 7, 1, 9]
    )
        -> Result<(code: String, issued: SignatureCode.Issued), SignatureCode.Refusal>
    {
        var d = digits.makeIterator()
        return SignatureCode.issue(
            channel: .sms, now: at, previous: previous, random: { d.next() ?? 0 }, digest: digest)
    }

    @Test func theRightCodeSignsOnceAndOnlyItsDigestIsKept() throws {
        let (code, issued) = try Self.issue(at: Self.t0).get()
        #expect(code == "420719")
        #expect(issued.digest == "hmac:917024" && !issued.digest.contains(code))
        let (ok, after) = SignatureCode.check("420 719", against: issued, now: Self.t0 + 60, digest: Self.digest)
        #expect(ok == .accepted)
        #expect(after == nil, "a used code is gone")
        #expect(SignatureCode.check(code, against: after, now: Self.t0 + 61, digest: Self.digest).0 == .noCode)
    }

    @Test func fiveWrongCodesLock() throws {
        var issued: SignatureCode.Issued? = try Self.issue(at: Self.t0).get().issued
        for remaining in [4, 3, 2, 1] {
            let (outcome, next) = SignatureCode.check("000000", against: issued, now: Self.t0 + 5, digest: Self.digest)
            #expect(outcome == .wrong(remaining: remaining))
            issued = next
        }
        let (fifth, locked) = SignatureCode.check("000000", against: issued, now: Self.t0 + 5, digest: Self.digest)
        #expect(fifth == .locked)
        #expect(
            SignatureCode.check("420719", against: locked, now: Self.t0 + 6, digest: Self.digest).0 == .locked,
            "even the right code, once locked")
    }

    @Test func anExpiredCodeIsRefused() throws {
        let issued = try Self.issue(at: Self.t0).get().issued
        #expect(SignatureCode.check("420719", against: issued, now: Self.t0 + 599, digest: Self.digest).0 == .accepted)
        #expect(SignatureCode.check("420719", against: issued, now: Self.t0 + 600, digest: Self.digest).0 == .expired)
    }

    @Test func sendsAreThrottled() throws {
        var issued = try Self.issue(at: Self.t0).get().issued
        #expect(throws: SignatureCode.Refusal.throttled(until: Self.t0 + 60)) {
            try Self.issue(at: Self.t0 + 30, after: issued).get()
        }
        for minute in 1..<5 { issued = try Self.issue(at: Self.t0 + Double(minute) * 61, after: issued).get().issued }
        #expect(issued.sends.count == 5)
        #expect(throws: SignatureCode.Refusal.throttled(until: Self.t0 + 3600)) {
            try Self.issue(at: Self.t0 + 400, after: issued).get()
        }
        #expect((try? Self.issue(at: Self.t0 + 3601, after: issued).get()) != nil, "an hour later")
    }

    @Test func typedTextThatIsNotSixDigitsIsJustWrong() throws {
        let issued = try Self.issue(at: Self.t0).get().issued
        for typed in ["", "42071", "4207190", "42071a", "٤٢٠٧١٩"] {
            #expect(
                SignatureCode.check(typed, against: issued, now: Self.t0, digest: Self.digest).0 == .wrong(remaining: 4)
            )
        }
    }
}
