import Vapor

/// Serves the shipped assets (`/css/…`, `/favicon.svg`, `/api/v1/openapi.json`) and nothing
/// else: Vapor's file middleware checks the disk (on a thread pool) for every request it sees,
/// which cost the API most of its throughput.
struct StaticFilesMiddleware: AsyncMiddleware {
    let files: FileMiddleware
    static let prefixes = ["/css/", "/favicon.svg", "/api/v1/openapi.json"]

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = req.url.path
        guard req.method == .GET || req.method == .HEAD, Self.prefixes.contains(where: { path.hasPrefix($0) }) else {
            return try await next.respond(to: req)
        }
        return try await files.respond(to: req, chainingTo: next)
    }
}
