import GuichetDomain
import GuichetViews
import Vapor

extension Request {
    /// The page shell's model for this request: navigation for the visitor's roles, account box,
    /// flash messages, demonstration banner.
    func page(title: String = "") -> PageModel {
        var nav = PageModel.publicNavigation
        var accountLinks: [PageModel.NavItem] = []
        var account: PageModel.Account?
        if let p = principal {
            accountLinks.append(.init("Mon compte", "/compte"))
            if p.has(.amo) || p.has(.bailleur) { accountLinks.append(.init("Jetons d'API", "/compte/jetons")) }
            if p.has(.beneficiaire) || p.has(.amo) { nav.append(.init("Dossiers de rénovation", "/dossiers")) }
            if p.has(.bailleur) { nav.append(.init("Mes dépôts AMI", "/ami")) }
            if p.has(.instructeur) || p.has(.comite) || p.has(.administrateur) {
                nav.append(.init("Instruction", "/instruction"))
            }
            if p.has(.administrateur) { nav.append(.init("Administration", "/admin")) }
            let idle = TimeInterval(application.guichetConfig.sessionIdleTimeout)
            // This request is activity: the idle delay starts again now.
            let expiry = application.clock.now().addingTimeInterval(idle)
            account = .init(displayName: p.user.displayName, csrfToken: csrfToken, idleExpiry: Self.parisTime(expiry))
        } else {
            accountLinks = [.init("Se connecter", "/connexion"), .init("Créer un compte", "/inscription")]
        }
        var model = PageModel(
            title: title, currentPath: url.path, navigation: nav, accountLinks: accountLinks,
            flashes: Flash.take(self), demo: application.isDemo, version: GuichetVersion.current)
        model.account = account
        return model
    }

    static func parisTime(_ date: Date) -> String { AppClock.parisFormatter("HH:mm").string(from: date) }

    /// A form page's state: the typed values (passwords dropped) and this request's CSRF token.
    func formState(_ values: [String: String] = [:], errors: [FormState.FieldError] = []) -> FormState {
        FormState(
            values: values.filter { !$0.key.contains("password") && $0.key != "_csrf" }, errors: errors,
            csrfToken: csrfToken)
    }

    /// The submitted form fields as strings (unknown types ignored). A field holding a control
    /// character (a NUL byte…) refuses the whole request with a French message (issue #9).
    func formValues() throws -> [String: String] {
        guard let dict = try? content.decode([String: String].self) else { return [:] }
        if let bad = dict.first(where: {
            TextInput.hasControlCharacter($0.key) || TextInput.hasControlCharacter($0.value)
        }) {
            let name = TextInput.withoutControlCharacters(String(bad.key.prefix(60)))
            throw Abort(.unprocessableEntity, reason: TextInput.controlCharacterMessage(field: name))
        }
        // Not cut: each field's limit (`TextLimits`) is checked with its form and said with the
        // length typed; the body limit (64 kB) bounds the whole.
        return dict
    }
}

extension Response {
    static func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        Response(
            status: status, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"],
            body: .init(string: body))
    }
    static func json(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        Response(
            status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(string: body))
    }
}

public enum GuichetVersion {
    public static let current = "0.2.0"
}

struct DemoKey: StorageKey { typealias Value = Bool }
extension Application {
    var isDemo: Bool {
        get { storage[DemoKey.self] ?? false }
        set { storage[DemoKey.self] = newValue }
    }
}
