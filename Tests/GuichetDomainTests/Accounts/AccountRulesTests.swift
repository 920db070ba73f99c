import Testing

@testable import GuichetDomain

@Suite struct LoginThrottleTests {
    @Test func fourFailuresChangeNothing() {
        #expect(LoginThrottle.decide(failures: [0, 1, 2, 3], now: 4) == .allowed)
    }

    @Test func fromTheFifthFailureTheDelayGrows() {
        #expect(LoginThrottle.decide(failures: [0, 0, 0, 0, 10], now: 10.5) == .wait(seconds: 1))
        #expect(LoginThrottle.decide(failures: [0, 0, 0, 0, 10], now: 11) == .allowed)
        #expect(LoginThrottle.decide(failures: [0, 0, 0, 0, 0, 0, 10], now: 10) == .wait(seconds: 4))
        #expect(
            LoginThrottle.decide(failures: Array(repeating: 0, count: 15) + [100], now: 100) == .wait(seconds: 30),
            "capped at 30 s")
    }

    @Test func twentyFailuresInFifteenMinutesLock() {
        let failures = (0..<20).map { Double($0 * 40) }
        #expect(LoginThrottle.decide(failures: failures, now: 800) == .locked(untilSeconds: 760 + 900))
        #expect(LoginThrottle.decide(failures: failures, now: 760 + 901) == .allowed)
        #expect(LoginThrottle.crossesLock(failuresBefore: 19))
        #expect(!LoginThrottle.crossesLock(failuresBefore: 20))
    }

    @Test func oldFailuresDropOut() {
        #expect(LoginThrottle.decide(failures: Array(repeating: 0, count: 19), now: 901) == .allowed)
    }
}

@Suite struct PasswordPolicyTests {
    let policy = PasswordPolicy(commonList: "123456\npassword\nazertyuiop123\n")

    @Test func rules() {
        #expect(policy.problems("Une phrase solide 42", email: "a@b.fr").isEmpty)
        #expect(policy.problems("court", email: nil).count == 1)
        #expect(policy.problems("AZERTYUIOP123", email: nil).contains { $0.contains("courants") })
        #expect(
            policy.problems("marie.curie-2026!", email: "marie.curie@example.fr").contains {
                $0.contains("adresse e-mail")
            })
        #expect(policy.problems("aaaaaaaaaaaaaaaa", email: nil).contains { $0.contains("répéter") })
        #expect(policy.problems(String(repeating: "é", count: 100), email: nil).contains { $0.contains("répéter") })
    }
}

/// Issue #9: passwords a person would guess.
@Suite struct GuessablePasswordTests {
    let policy = PasswordPolicy(commonList: "password\nmotdepasse\nazerty\nsoleil\n")

    @Test(arguments: [
        "123456789012", "azertyuiop12", "motdepasse12", "!soleil2024!", "password1234", "qsdfghjklm12",
        "abcdefghijkl", "987654321098", "Password2024",
    ])
    func guessablePasswordsAreRefused(password: String) {
        #expect(!policy.problems(password, email: "marie@example.fr").isEmpty, "\(password)")
    }

    @Test func theNameAndEmailAreRefusedInside() {
        let p = policy.problems("Curie-Marie-Lab-7", email: "m.curie@example.fr", name: "Marie Curie")
        #expect(p.contains { $0.contains("nom") })
        #expect(
            !policy.problems("xx-helene-2024-xx", email: "h@example.fr", name: "Hélène Dupont").isEmpty,
            "accents folded")
    }

    @Test(arguments: ["Cheval brun sur la lande 7", "tX9#qLm2!vRw", "grenouille-orange-piano"])
    func goodPasswordsPass(password: String) {
        #expect(policy.problems(password, email: "marie@example.fr", name: "Marie Curie").isEmpty, "\(password)")
    }
}
