import Fluent
import GuichetDomain
import GuichetPersistence
import Vapor

/// The platform's cookie names (public: tests and tools outside this target read them).
public enum GuichetCookies {
    public static let session = "guichet_session"
    public static let csrf = "guichet_csrf"
}

/// Loads the principal of each request: a session cookie (HTML) or a bearer API token (`/api/`).
/// Sessions expire after `GUICHET_SESSION_IDLE_MINUTES` without activity and 12 hours after
/// login whatever the activity; an expired session is deleted and the visitor is anonymous.
struct SessionMiddleware: AsyncMiddleware {
    static let cookieName = GuichetCookies.session
    static let csrfCookieName = GuichetCookies.csrf
    static let absoluteLifetime: TimeInterval = 12 * 3600
    /// Last-seen is written at most once a minute per session (fewer writes under load).
    static let touchInterval: TimeInterval = 60

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let now = req.application.clock.now()
        var expired = false
        let api = req.url.path.hasPrefix("/api/")
        if api {
            // The API authenticates by bearer token only: a session cookie is ignored there, so a
            // page of another site cannot act through a signed-in browser (issue #9).
            if let bearer = req.headers.bearerAuthorization?.token {
                req.principal = try await Self.apiPrincipal(bearer: bearer, now: now, on: req.db)
            }
        } else if let token = req.cookies[Self.cookieName]?.string, !token.isEmpty {
            switch try await Self.sessionPrincipal(token: token, now: now, req: req) {
            case .signedIn(let principal): req.principal = principal
            case .expired: expired = true
            case .none: break
            }
        }
        // Anonymous visitors keep a CSRF token of their own (double-submit cookie), created the
        // first time a page needs one (`Request.csrfToken`).
        if req.principal == nil, let existing = req.cookies[Self.csrfCookieName]?.string, existing.count >= 32 {
            req.storage[AnonymousCSRFKey.self] = existing
        }
        if expired { req.storage[FlashKey.self] = [.init(.warning, "Votre session a expiré : reconnectez-vous.")] }
        let response = try await next.respond(to: req)
        if let t = req.storage[NewAnonymousCSRFKey.self] {
            response.cookies[Self.csrfCookieName] = Self.cookie(t, req: req, maxAge: nil)
        }
        if expired && response.cookies[Self.cookieName] == nil {
            response.cookies[Self.cookieName] = Self.cookie("", req: req, maxAge: 0)
        }
        return response
    }

    enum SessionOutcome {
        case signedIn(Principal)
        case expired, none
    }

    /// The person of a session cookie: signed in, or the session expired (and deleted), or none.
    static func sessionPrincipal(token: String, now: Date, req: Request) async throws -> SessionOutcome {
        let store = SessionStore()
        guard let signedIn = try await store.signedIn(tokenHash: Tokens.digest(token), on: req.db) else {
            return .none
        }
        let (session, user) = (signedIn.session, signedIn.user)
        let idle = TimeInterval(req.application.guichetConfig.sessionIdleTimeout)
        if now > session.expiresAt || now.timeIntervalSince(session.lastSeenAt) > idle {
            try await store.delete(id: session.id, on: req.db)
            return .expired
        }
        if now.timeIntervalSince(session.lastSeenAt) > Self.touchInterval {
            try await store.touch(id: session.id, at: now, on: req.db)
        }
        return .signedIn(
            Principal(
                user: user, grants: signedIn.grants, session: session, viaAPIToken: false,
                organisationRecords: signedIn.organisations))
    }

    static func apiPrincipal(bearer: String, now: Date, on db: Database) async throws -> Principal {
        guard let token = try await TokenStore().useAPIToken(tokenHash: Tokens.digest(bearer), now: now, on: db),
            let user = try await UserStore().find(id: token.userID, on: db)
        else {
            throw Abort(.unauthorized, reason: "Jeton d'API inconnu ou révoqué.")
        }
        let grants = try await UserStore().grants(userID: user.id, on: db)
        let organisations = try await OrganisationStore().find(ids: Set(grants.compactMap(\.organisationID)), on: db)
        return Principal(
            user: user, grants: grants, session: nil, viaAPIToken: true,
            organisationRecords: Array(organisations.values))
    }

    static func cookie(_ value: String, req: Request, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: nil, maxAge: maxAge, domain: nil, path: "/",
            isSecure: req.application.guichetConfig.isSecure, isHTTPOnly: true, sameSite: .lax)
    }
}

/// State-changing forms carry the session's (or the anonymous visitor's) token in `_csrf`;
/// without it the answer is 403. The JSON API uses bearer tokens and no cookie, so it is exempt.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let unsafe = ![.GET, .HEAD, .OPTIONS].contains(req.method)
        if unsafe && !req.url.path.hasPrefix("/api/") {
            // A large body (an upload) may still be streaming: collect it, within the route's limit.
            if req.body.data == nil {
                _ = try await req.body.collect(max: req.route?.bodyLimit ?? 65_536).get()
            }
            let sent = (try? req.content.get(String.self, at: "_csrf")) ?? req.headers.first(name: "X-CSRF-Token") ?? ""
            let expected = req.expectedCSRFToken ?? ""
            guard !expected.isEmpty, sent.utf8.count == expected.utf8.count,
                zip(sent.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0
            else {
                throw Abort(.forbidden, reason: "Formulaire expiré ou invalide : rechargez la page et recommencez.")
            }
        }
        return try await next.respond(to: req)
    }
}
