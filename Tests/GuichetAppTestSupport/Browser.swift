import Foundation
import GuichetApp
import GuichetPersistence
import Vapor
import VaporTesting

/// A clock that tests move by hand.
public final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    public init(_ start: Date = Date(timeIntervalSince1970: 1_780_000_000)) { current = start }
    public var now: Date { lock.withLock { current } }
    public func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
    public var appClock: AppClock { AppClock(now: { [self] in self.now }) }
}

/// A browser for tests: keeps cookies, picks up the anti-CSRF token from pages, posts forms.
public final class Browser: @unchecked Sendable {
    let app: Application
    public var cookies: [String: String] = [:]
    public var csrf: String?
    public var remoteAddress = "203.0.113.7"

    public init(_ app: Application) { self.app = app }

    public var signedIn: Bool { !(cookies[GuichetCookies.session] ?? "").isEmpty }

    @discardableResult
    public func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form; fetches a page first when no anti-CSRF token is known (unless `csrf: false`).
    @discardableResult
    public func post(
        _ path: String, _ form: [String: String], csrf useToken: Bool = true
    ) async throws -> TestingHTTPResponse {
        if useToken && csrf == nil { try await get(signedIn ? "/" : "/connexion") }
        var fields = form
        if useToken, let csrf { fields["_csrf"] = csrf }
        let body = fields.map { "\(Self.enc($0.key))=\(Self.enc($0.value))" }.joined(separator: "&")
        return try await send(
            .POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    static func enc(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    func send(
        _ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?
    ) async throws -> TestingHTTPResponse {
        var h = headers
        if !cookies.isEmpty {
            h.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        h.replaceOrAdd(name: "X-Forwarded-For", value: remoteAddress)
        let res = try await app.testing().sendRequest(method, path, headers: h, body: body)
        for c in res.headers[.setCookie] {
            let pair = c.split(separator: ";")[0]
            guard let eq = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<eq])
            let value = String(pair[pair.index(after: eq)...])
            if value.isEmpty || c.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
            if name == GuichetCookies.session { csrf = nil }
        }
        if let r = res.body.string.range(of: #"name="_csrf" value=""#) {
            let rest = res.body.string[r.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrf = String(rest[..<end]) }
        }
        return res
    }

    /// The last e-mail sent to `to`, and the first link of its body that starts with `prefix`.
    public func lastEmail(to: String) async throws -> OutboxRecord? {
        try await OutboxStore().recent(limit: 200, channel: .email, on: app.db).first {
            $0.recipient == to.lowercased()
        }
    }

    public func link(in body: String, path prefix: String) -> String? {
        guard let r = body.range(of: "http://127.0.0.1:8080" + prefix) else { return nil }
        let rest = body[r.lowerBound...]
        let url = rest.prefix { !$0.isWhitespace }
        return String(url.dropFirst("http://127.0.0.1:8080".count))
    }
}

extension Browser {
    /// Posts a multipart form with one file (the anti-CSRF token added as a field).
    @discardableResult
    public func upload(
        _ path: String, field: String = "fichier", fileName: String, data: Data,
        contentType: String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        fields: [String: String] = [:]
    ) async throws -> TestingHTTPResponse {
        if csrf == nil { try await get(signedIn ? "/" : "/connexion") }
        let boundary = "----guichet-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        var all = fields
        if let csrf { all["_csrf"] = csrf }
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; "
                + "filename=\"\(fileName)\"\r\nContent-Type: \(contentType)\r\n\r\n"
        )
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await send(
            .POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
    }
}
