import GuichetViews
import Vapor

struct FlashKey: StorageKey { typealias Value = [PageModel.Flash] }

/// Flash messages survive one redirect in a short cookie (no server state, nothing personal).
enum Flash {
    static let cookieName = "guichet_flash"

    /// Redirects to `path`, where the notice is shown once.
    static func redirect(_ req: Request, to path: String, _ notice: Notice) -> Response {
        let res = req.redirect(to: path, redirectType: .normal)
        let encoded = Data((notice.kind.rawValue + "|" + notice.text).utf8).base64EncodedString()
        res.cookies[cookieName] = HTTPCookies.Value(
            string: encoded, maxAge: 60, path: "/",
            isSecure: req.application.guichetConfig.isSecure, isHTTPOnly: true, sameSite: .lax)
        return res
    }

    /// Reads (and clears) the flash of this request.
    static func take(_ req: Request) -> [PageModel.Flash] {
        var out = req.storage[FlashKey.self] ?? []
        if let raw = req.cookies[cookieName]?.string, let data = Data(base64Encoded: raw),
            let text = String(data: data, encoding: .utf8), let bar = text.firstIndex(of: "|"),
            let kind = PageModel.FlashKind(rawValue: String(text[..<bar]))
        {
            out.append(.init(kind, String(text[text.index(after: bar)...])))
            req.storage[FlashConsumedKey.self] = true
        }
        return out
    }
}
struct FlashConsumedKey: StorageKey { typealias Value = Bool }

/// Clears the flash cookie once a page has shown it.
struct FlashMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        if req.storage[FlashConsumedKey.self] == true && res.cookies[Flash.cookieName] == nil {
            res.cookies[Flash.cookieName] = HTTPCookies.Value(
                string: "", maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return res
    }
}
