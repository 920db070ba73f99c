import Crypto
import GuichetViews
import Vapor

/// Headers every answer carries: no framing, no MIME sniffing, a strict content policy, and
/// HSTS when the platform is served over https. The only scripts allowed are the platform's
/// own inline scripts, each by the SHA-256 hash of its text: no other script can run, whatever
/// a page contains.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    let secure: Bool

    /// `'sha256-…'` of every `InlineScript`, computed once.
    static let scriptHashes: [String] = InlineScript.allCases.map { script in
        "'sha256-\(Data(SHA256.hash(data: Data(script.source.utf8))).base64EncodedString())'"
    }

    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src "
        + scriptHashes.joined(separator: " ")
        + "; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        for (k, v) in h where !response.headers.contains(name: k) { response.headers.replaceOrAdd(name: k, value: v) }
        if secure { response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        return response
    }
}
