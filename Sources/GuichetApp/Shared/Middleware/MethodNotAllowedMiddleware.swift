import RoutingKit
import Vapor

/// A path that exists with other methods answers 405 with `Allow` (issue #9: the OpenAPI check
/// expects it, and it tells a client what the path takes), before any other stage refuses the
/// request for another reason (CSRF on an unknown method, access rules).
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    let router: TrieRouter<[HTTPMethod]>

    /// Every registered path with the methods it takes.
    init(routes: [Route]) {
        var methods: [String: (path: [PathComponent], methods: [HTTPMethod])] = [:]
        for route in routes {
            let key = route.path.string
            methods[key, default: (route.path, [])].methods.append(route.method)
        }
        let router = TrieRouter<[HTTPMethod]>()
        for entry in methods.values { router.register(entry.methods, at: entry.path) }
        self.router = router
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.route == nil else { return try await next.respond(to: req) }
        var parameters = Parameters()
        let segments = req.url.path.split(separator: "/").map(String.init)
        guard let allowed = router.route(path: segments, parameters: &parameters), !allowed.contains(req.method) else {
            return try await next.respond(to: req)
        }
        if req.method == .HEAD, allowed.contains(.GET) { return try await next.respond(to: req) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
        throw Abort(
            .methodNotAllowed, headers: headers,
            reason:
                "Méthode \(req.method.rawValue) non acceptée ici : \(allowed.map(\.rawValue).joined(separator: ", ")).")
    }
}
