import GuichetDomain
import Vapor

/// Who may use a route. Every route declares one (`RoutesBuilder.on(…, access:)`); a route
/// without a rule is refused, and a test walks every registered route with every role.
enum Access: Sendable, Equatable {
    /// Anyone, signed in or not.
    case everyone
    /// Any signed-in person.
    case signedIn
    /// A signed-in person holding one of these roles.
    case roles(Set<Role>)
    /// The development mailbox: only when enabled by configuration, and then only to a
    /// signed-in administrator or in demonstration mode (it shows reset links: issue #9).
    case devMailbox

    func allows(_ p: Principal?, config: AppConfig, demo: Bool) -> Bool {
        switch self {
        case .everyone: return true
        case .signedIn: return p != nil
        case .roles(let set): return p.map { !$0.roles.isDisjoint(with: set) } ?? false
        case .devMailbox: return config.mail.devMailbox && (demo || p?.has(.administrateur) == true)
        }
    }

    static let admin: Access = .roles([.administrateur])
}

struct AccessKey: Hashable, Sendable {}

extension RoutesBuilder {
    /// Registers a route with its access rule.
    @discardableResult
    func on(
        _ method: HTTPMethod, _ path: PathComponent..., access: Access, body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(method, path, access: access, body: body, use: handler)
    }

    /// The same with the path as an array (routes sharing a prefix).
    @discardableResult
    func on(
        _ method: HTTPMethod, _ path: [PathComponent], access: Access, body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = self.on(method, path, body: body, use: handler)
        route.userInfo[AccessKey()] = access
        if case .collect(let max) = body, let max { route.userInfo[BodyLimitKey()] = max.value }
        return route
    }
}

struct BodyLimitKey: Hashable, Sendable {}

extension Route {
    var access: Access? { userInfo[AccessKey()] as? Access }
    /// The largest body the route collects, when it says so.
    var bodyLimit: Int? { userInfo[BodyLimitKey()] as? Int }
}

/// Enforces each route's rule: anonymous visitors are sent to the login page (HTML) or get 401
/// (API); signed-in people without the role get 403; a route without a rule is refused (403).
struct AccessMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = req.route else { return try await next.respond(to: req) }  // 404 / static files
        guard let access = route.access else {
            req.logger.error("route without access rule: \(route.method) \(route.path.string)")
            throw Abort(.forbidden)
        }
        if access.allows(req.principal, config: req.application.guichetConfig, demo: req.application.isDemo) {
            return try await next.respond(to: req)
        }
        if access == .devMailbox { throw Abort(.notFound) }
        if req.principal == nil {
            if req.url.path.hasPrefix("/api/") {
                throw Abort(.unauthorized, reason: "Authentification requise : jeton d'API (Authorization: Bearer …)")
            }
            let next = req.url.path + (req.url.query.map { "?" + $0 } ?? "")
            let target =
                "/connexion?suite=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
            return req.redirect(to: target, redirectType: .normal)
        }
        throw Abort(.forbidden)
    }
}
