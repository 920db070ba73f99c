import Foundation
import GuichetAppTestSupport
import GuichetPersistence
import Testing
import VaporTesting

@testable import GuichetApp

@Suite struct AccountFlowTests {
    static let password = "Une-phrase de passe solide 42"

    /// Signs up and returns the activation path from the e-mail.
    static func signUp(_ b: Browser, email: String = "marie@example.fr") async throws -> String {
        let res = try await b.post(
            "/inscription", ["name": "Marie Curie", "email": email, "password": password, "password_confirm": password])
        #expect(res.status == .ok)
        #expect(res.body.string.contains("Vérifiez votre messagerie"))
        let mail = try #require(try await b.lastEmail(to: email))
        #expect(mail.subject == "Activez votre compte Guichet")
        return try #require(b.link(in: mail.body, path: "/activation/"))
    }

    @Test func signUpActivateSignInSignOut() async throws {
        try await TestApp.run { app in
            let b = Browser(app)
            let link = try await Self.signUp(b)
            #expect(
                try await b.post("/connexion", ["email": "marie@example.fr", "password": Self.password]).body.string
                    .contains("pas encore activé"))
            let activated = try await b.get(link)
            #expect(activated.status == .seeOther)
            #expect(try await b.get(link).status == .notFound, "an activation link works once")
            let login = try await b.post("/connexion", ["email": "MARIE@example.fr ", "password": Self.password])
            #expect(login.status == .seeOther)
            #expect(login.headers.first(name: .location) == "/dossiers", "a beneficiary lands on their dossiers")
            let cookie = try #require(login.headers[.setCookie].first { $0.hasPrefix("guichet_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain http base URL")
            let account = try await b.get("/compte")
            #expect(account.status == .ok)
            #expect(account.body.string.contains("marie@example.fr"))
            #expect(account.body.string.contains("Bénéficiaire"))
            #expect(try await b.post("/deconnexion", [:]).status == .seeOther)
            #expect(try await b.get("/compte").status == .seeOther, "signed out: back to the login page")
            let actions = try await AuditStore().all(on: app.db).map(\.action)
            #expect(
                actions.contains("compte.inscription") && actions.contains("compte.activation")
                    && actions.contains("connexion.réussie") && actions.contains("déconnexion"))
        }
    }

    // RENO-C: the activation link is valid 12 hours.
    @Test func activationLinkExpiresAfterTwelveHours() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.appClock) { app in
            let b = Browser(app)
            let link = try await Self.signUp(b)
            clock.advance(12 * 3600 + 1)
            let res = try await b.get(link)
            #expect(res.status == .gone)
            #expect(res.body.string.contains("12 heures"))
            // "Mot de passe oublié" sends a new activation link to an account never activated.
            try await b.post("/mot-de-passe-oublie", ["email": "marie@example.fr"])
            let mail = try #require(try await b.lastEmail(to: "marie@example.fr"))
            let fresh = try #require(b.link(in: mail.body, path: "/activation/"))
            #expect(fresh != link)
            clock.advance(12 * 3600 - 1)
            #expect(try await b.get(fresh).status == .seeOther, "still valid one second before 12 hours")
        }
    }

    @Test func sameAnswerWhetherOrNotTheEmailHasAnAccount() async throws {
        try await TestApp.run { app in
            let b = Browser(app)
            _ = try await Self.signUp(b)
            let again = try await b.post(
                "/inscription",
                [
                    "name": "X", "email": "marie@example.fr", "password": Self.password,
                    "password_confirm": Self.password,
                ])
            #expect(again.status == .ok)
            #expect(try await b.lastEmail(to: "marie@example.fr")?.subject == "Tentative de création de compte")
            let known = try await b.post("/mot-de-passe-oublie", ["email": "marie@example.fr"]).body.string
            let unknown = try await b.post("/mot-de-passe-oublie", ["email": "personne@example.fr"]).body.string
            #expect(
                known.replacingOccurrences(of: "marie@example.fr", with: "X")
                    == unknown.replacingOccurrences(of: "personne@example.fr", with: "X")
                    .replacingOccurrences(of: b.csrf ?? "", with: b.csrf ?? ""))
            #expect(try await b.lastEmail(to: "personne@example.fr") == nil)
        }
    }

    @Test func signUpErrorsKeepWhatWasTyped() async throws {
        try await TestApp.run { app in
            let b = Browser(app)
            let res = try await b.post(
                "/inscription",
                ["name": "Jean <b>", "email": "jean@", "password": "password1234", "password_confirm": "autre"])
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            #expect(html.contains("error-summary"))
            #expect(html.contains("Adresse e-mail invalide"))
            #expect(html.contains("mots de passe les plus courants"))
            #expect(html.contains("différents"))
            #expect(html.contains(#"value="Jean &lt;b&gt;""#))
            #expect(html.contains(#"value="jean@""#))
            #expect(!html.contains("password1234"), "passwords are never sent back")
        }
    }

    @Test func forgottenPasswordLinkIsSingleUseAndValidOneHour() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.appClock) { app in
            let b = Browser(app)
            let activation = try await Self.signUp(b)
            try await b.get(activation)
            clock.advance(1)
            try await b.post("/mot-de-passe-oublie", ["email": "marie@example.fr"])
            let mail = try #require(try await b.lastEmail(to: "marie@example.fr"))
            #expect(mail.subject == "Réinitialisation de votre mot de passe")
            let link = try #require(b.link(in: mail.body, path: "/reinitialisation/"))
            // Issue #11: the link is checked before its form is shown, without spending it.
            let form = try await b.get(link)
            #expect(form.status == .ok && form.body.string.contains("password_confirm"))
            let unknown = try await b.get("/reinitialisation/jeton-inconnu")
            #expect(unknown.status == .gone && !unknown.body.string.contains("password_confirm"))
            let newPassword = "Tout nouveau mot de passe 2026"
            let weak = try await b.post(link, ["password": "court", "password_confirm": "court"])
            #expect(weak.status == .unprocessableEntity, "a refused password does not spend the link")
            #expect(
                try await b.post(link, ["password": newPassword, "password_confirm": newPassword]).status == .seeOther)
            #expect(
                try await b.post(link, ["password": newPassword, "password_confirm": newPassword]).status == .gone,
                "single use")
            #expect(try await b.get(link).status == .gone, "a used link shows no form")
            #expect(
                try await b.post("/connexion", ["email": "marie@example.fr", "password": newPassword]).status
                    == .seeOther)

            try await b.post("/mot-de-passe-oublie", ["email": "marie@example.fr"])
            let secondMail = try #require(try await b.lastEmail(to: "marie@example.fr"))
            let second = try #require(b.link(in: secondMail.body, path: "/reinitialisation/"))
            clock.advance(3601)
            #expect(
                try await b.post(second, ["password": newPassword + "!", "password_confirm": newPassword + "!"]).status
                    == .gone, "valid 1 hour")
        }
    }

    @Test func changeOfPasswordAndEmail() async throws {
        try await TestApp.run { app in
            let b = Browser(app)
            let activation = try await Self.signUp(b)
            try await b.get(activation)
            try await b.post("/connexion", ["email": "marie@example.fr", "password": Self.password])
            let wrong = try await b.post(
                "/compte/mot-de-passe", ["current_password": "faux", "password": "x", "password_confirm": "x"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Mot de passe actuel incorrect"))
            let next = "Encore une autre phrase 2027"
            #expect(
                try await b.post(
                    "/compte/mot-de-passe",
                    ["current_password": Self.password, "password": next, "password_confirm": next]
                ).status == .seeOther)
            #expect(
                try await b.post("/compte/email", ["email": "marie.c@example.org", "password": next]).status
                    == .seeOther)
            let mail = try #require(try await b.lastEmail(to: "marie.c@example.org"))
            let link = try #require(b.link(in: mail.body, path: "/compte/email/"))
            #expect(try await b.get(link).status == .seeOther)
            #expect(try await UserStore().find(email: "marie.c@example.org", on: app.db) != nil)
        }
    }
}

@Suite struct SessionSecurityTests {
    static func signedIn(_ app: Application, email: String = "marie@example.fr") async throws -> Browser {
        let b = Browser(app)
        let activation = try await AccountFlowTests.signUp(b, email: email)
        try await b.get(activation)
        #expect(
            try await b.post("/connexion", ["email": email, "password": AccountFlowTests.password]).status == .seeOther)
        return b
    }

    @Test func formsWithoutTheTokenAreRefused() async throws {
        try await TestApp.run { app in
            let b = Browser(app)
            let res = try await b.post("/connexion", ["email": "a@b.fr", "password": "x"], csrf: false)
            #expect(res.status == .forbidden)
            #expect(res.body.string.contains("Accès refusé"))
            b.csrf = "faux-jeton-faux-jeton-faux-jeton-000"
            #expect(try await b.post("/mot-de-passe-oublie", ["email": "a@b.fr"]).status == .forbidden)
            let signed = try await Self.signedIn(app)
            signed.csrf = nil
            #expect(try await signed.post("/deconnexion", [:], csrf: false).status == .forbidden)
        }
    }

    @Test func signInRotatesTheSessionID() async throws {
        try await TestApp.run { app in
            let b = try await Self.signedIn(app)
            let first = try #require(b.cookies[SessionMiddleware.cookieName])
            b.csrf = nil
            try await b.get("/compte")
            #expect(
                try await b.post("/connexion", ["email": "marie@example.fr", "password": AccountFlowTests.password])
                    .status == .seeOther)
            let second = try #require(b.cookies[SessionMiddleware.cookieName])
            #expect(first != second)
            #expect(
                try await SessionStore().find(tokenHash: Tokens.digest(first), on: app.db) == nil,
                "the old session is gone")
            #expect(try await SessionStore().count(on: app.db) == 1)
        }
    }

    @Test func idleAndAbsoluteExpiry() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.appClock) { app in
            let b = try await Self.signedIn(app)
            clock.advance(119 * 60)
            let page = try await b.get("/compte")
            #expect(page.status == .ok, "activity within 2 hours keeps the session")
            #expect(page.body.string.contains("Prolonger la session"))
            clock.advance(119 * 60)
            #expect(try await b.get("/compte").status == .ok)
            clock.advance(2 * 3600 + 1)
            let expired = try await b.get("/compte")
            #expect(expired.status == .seeOther, "idle for more than 2 hours")
            #expect(try await SessionStore().count(on: app.db) == 0)

            let c = try await Self.signedIn(app, email: "paul@example.fr")
            for _ in 0..<13 {
                clock.advance(3600)
                _ = try await c.get("/compte")
            }
            #expect(try await c.get("/compte").status == .seeOther, "12 hours after sign-in whatever the activity")
            try await SessionStore().purge(now: clock.now, idle: 7200, on: app.db)
        }
    }

    @Test func failedSignInsAreThrottledThenLocked() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.appClock) { app in
            let b = Browser(app)
            let activation = try await AccountFlowTests.signUp(b)
            try await b.get(activation)
            for _ in 0..<5 {
                #expect(
                    try await b.post("/connexion", ["email": "marie@example.fr", "password": "mauvais mot de passe"])
                        .status == .unprocessableEntity)
            }
            let waiting = try await b.post(
                "/connexion", ["email": "marie@example.fr", "password": AccountFlowTests.password])
            #expect(waiting.status == .tooManyRequests, "even the right password waits after 5 failures")
            #expect(waiting.body.string.contains("patientez"))
            var failures = 5
            while failures < 20 {
                clock.advance(40)
                let r = try await b.post(
                    "/connexion", ["email": "marie@example.fr", "password": "mauvais mot de passe"])
                if r.status == .unprocessableEntity { failures += 1 }
            }
            let locked = try await b.post(
                "/connexion", ["email": "marie@example.fr", "password": AccountFlowTests.password])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("bloquée pendant 15 minutes"))
            #expect(try await b.lastEmail(to: "marie@example.fr")?.subject == "Compte temporairement verrouillé")
            clock.advance(16 * 60)
            #expect(
                try await b.post("/connexion", ["email": "marie@example.fr", "password": AccountFlowTests.password])
                    .status == .seeOther)
        }
    }

    @Test func passwordsAreHashedWithBcryptAndNotTruncated() throws {
        let p = Passwords(cost: 12)
        let h = try p.hash("Une-phrase de passe solide 42")
        #expect(h.hasPrefix("$2b$12$"))
        let long = String(repeating: "a", count: 72)
        let h2 = try Passwords(cost: 4).hash(long + "X")
        #expect(Passwords(cost: 4).verify(long + "X", hash: h2))
        #expect(!Passwords(cost: 4).verify(long + "Y", hash: h2), "bytes after the 72nd count")
    }
}
