import Vapor

/// Headers every answer carries: no framing, no MIME sniffing, a strict content policy (no
/// script is needed anywhere), and HSTS when the platform is served over https.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let secure: Bool
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = [
            (
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; frame-ancestors "
                    + "'none'; form-action 'self'; base-uri 'none'"
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        for (k, v) in h where !response.headers.contains(name: k) { response.headers.replaceOrAdd(name: k, value: v) }
        if secure { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        return response
    }
}
