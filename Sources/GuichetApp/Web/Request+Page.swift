import Vapor
import GuichetViews

extension Request {
    /// The page shell's model for this request (navigation, flash messages).
    func page(title: String) -> PageModel {
        PageModel(title: title, currentPath: url.path, version: GuichetVersion.current)
    }
}

extension Response {
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: body))
    }
    static func json(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(string: body))
    }
}

public enum GuichetVersion {
    public static let current = "0.1.0"
}
