import Vapor

/// Every middleware of the platform, run in one async call: Vapor starts a new task for each
/// `AsyncMiddleware` it chains, and seven of them cost more than half of the throughput of a
/// trivial route. The order is the one the list reads: errors outermost, access innermost.
struct RequestPipeline: AsyncMiddleware {
    let stages: [any AsyncMiddleware]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var responder: any AsyncResponder = next
        for stage in stages.reversed() {
            let inner = responder
            responder = AsyncBasicResponder { req in try await stage.respond(to: req, chainingTo: inner) }
        }
        return try await responder.respond(to: request)
    }
}
