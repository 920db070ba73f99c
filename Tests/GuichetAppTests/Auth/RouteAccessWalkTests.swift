import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetPersistence
import Testing
import VaporTesting

@testable import GuichetApp

/// Walks every registered route with every role (and anonymously): each route must declare a
/// rule, and must answer according to it (issue #3).
@Suite struct RouteAccessWalkTests {
    struct Persona {
        let name: String
        let roles: Set<Role>
    }
    static let personas: [Persona] =
        [Persona(name: "anonyme", roles: [])] + Role.allCases.map { Persona(name: $0.rawValue, roles: [$0]) }

    /// A fresh signed-in session for the persona: (cookie header, csrf token, API bearer token).
    static func session(_ app: Application, _ p: Persona, n: Int) async throws -> (String, String, String)? {
        guard !p.roles.isEmpty else { return nil }
        let user = try await UserStore().create(
            email: "\(p.name)-\(n)@walk.test", passwordHash: "x", displayName: p.name,
            activatedAt: Date(), on: app.db)
        for r in p.roles { try await UserStore().grant(userID: user.id, role: r, scope: ["01"], on: app.db) }
        let token = Tokens.random()
        let csrf = Tokens.random()
        _ = try await SessionStore().create(
            tokenHash: Tokens.digest(token), userID: user.id, csrfToken: csrf, now: Date(),
            expiresAt: Date().addingTimeInterval(3600), on: app.db)
        let bearer = Tokens.random()
        _ = try await TokenStore().createAPIToken(
            userID: user.id, name: "walk", tokenHash: Tokens.digest(bearer), now: Date(), on: app.db)
        return ("\(SessionMiddleware.cookieName)=\(token)", csrf, bearer)
    }

    @Test func everyRouteDeclaresARuleAndAnswersByIt() async throws {
        for mailbox in [false, true] {
            try await TestApp.run(environment: ["GUICHET_DEV_MAILBOX": mailbox ? "true" : "false"]) { app in
                let routes = app.routes.all
                #expect(routes.count >= 30)
                var n = 0
                for route in routes {
                    let access = try #require(
                        route.access, "route \(route.method) /\(route.path.string) declares no access rule")
                    let path =
                        "/"
                        + route.path.map { c -> String in
                            if case .parameter = c { return UUID().uuidString }
                            return c.description
                        }.joined(separator: "/")
                    for persona in Self.personas {
                        n += 1
                        var headers: HTTPHeaders = [:]
                        var body: ByteBuffer?
                        let session = try await Self.session(app, persona, n: n)
                        let anonCSRF = "walk-anonymous-csrf-token-0123456789abcdef"
                        if path.hasPrefix("/api/") {
                            // The API authenticates by bearer token only (issue #9).
                            if let bearer = session?.2 { headers.bearerAuthorization = .init(token: bearer) }
                        } else {
                            headers.add(
                                name: .cookie, value: session?.0 ?? "\(SessionMiddleware.csrfCookieName)=\(anonCSRF)")
                        }
                        if route.method == .POST {
                            headers.add(name: .contentType, value: "application/x-www-form-urlencoded")
                            body = ByteBuffer(string: "_csrf=\(session?.1 ?? anonCSRF)")
                        }
                        let res = try await app.testing().sendRequest(route.method, path, headers: headers, body: body)
                        let label = "\(route.method) \(path) as \(persona.name) (rule \(access))"
                        #expect(res.status.code < 500, "\(label) → \(res.status.code)")
                        let allowed: Bool = {
                            switch access {
                            case .everyone: return true
                            case .signedIn: return session != nil
                            case .roles(let set): return !set.isDisjoint(with: persona.roles)
                            case .devMailbox: return mailbox && persona.roles.contains(.administrateur)
                            }
                        }()
                        let toLogin =
                            res.status == .seeOther
                            && (res.headers.first(name: .location) ?? "").hasPrefix("/connexion?suite=")
                        if allowed {
                            #expect(
                                res.status != .forbidden && res.status != .unauthorized && !toLogin,
                                "\(label) should be allowed, got \(res.status.code)")
                        } else if access == .devMailbox {
                            #expect(
                                res.status == .notFound,
                                "\(label): the mailbox is hidden when disabled or from non-administrators")
                        } else if session == nil {
                            #expect(
                                toLogin || res.status == .unauthorized,
                                "\(label) should send to the login page, got \(res.status.code)")
                        } else {
                            #expect(res.status == .forbidden, "\(label) should be forbidden, got \(res.status.code)")
                        }
                    }
                }
            }
        }
    }

    @Test func anotherPersonsTokenIsNotFound() async throws {
        try await TestApp.run { app in
            let amo = Persona(name: "amo", roles: [.amo])
            let (cookieA, csrfA, _) = try #require(try await Self.session(app, amo, n: 1))
            let other = try await UserStore().create(
                email: "autre@walk.test", passwordHash: "x", displayName: "Autre", on: app.db)
            let t = try await TokenStore().createAPIToken(
                userID: other.id, name: "x", tokenHash: "h", now: Date(), on: app.db)
            let res = try await app.testing().sendRequest(
                .POST, "/compte/jetons/\(t.id.uuidString)/revocation",
                headers: ["Cookie": cookieA, "Content-Type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(csrfA)"))
            #expect(res.status == .notFound)
        }
    }

    /// Issue #9: a session cookie alone never authenticates the API (no CSRF there), and a
    /// valid bearer token is accepted even when a cookie is sent too.
    @Test func theAPIAuthenticatesByBearerTokenOnly() async throws {
        try await TestApp.run { app in
            let (cookie, _, bearer) = try #require(
                try await Self.session(app, Persona(name: "bailleur", roles: [.bailleur]), n: 1))
            let byCookie = try await app.testing().sendRequest(.GET, "/api/v1/moi", headers: ["Cookie": cookie])
            #expect(byCookie.status == .unauthorized)
            var both: HTTPHeaders = ["Cookie": cookie]
            both.bearerAuthorization = .init(token: bearer)
            let byToken = try await app.testing().sendRequest(.GET, "/api/v1/moi", headers: both)
            #expect(byToken.status == .ok)
        }
    }
}
