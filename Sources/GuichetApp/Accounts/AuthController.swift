import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// Sign-in, sign-up, activation, forgotten password, sign-out (issue #3).
struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "connexion", access: .everyone, use: loginForm)
        routes.on(.POST, "connexion", access: .everyone, use: login)
        routes.on(.POST, "deconnexion", access: .signedIn, use: logout)
        routes.on(.POST, "session", "prolonger", access: .signedIn, use: extend)
        routes.on(.GET, "inscription", access: .everyone, use: signUpForm)
        routes.on(.POST, "inscription", access: .everyone, use: signUp)
        routes.on(.GET, "activation", ":token", access: .everyone, use: activate)
        routes.on(.GET, "mot-de-passe-oublie", access: .everyone, use: forgotForm)
        routes.on(.POST, "mot-de-passe-oublie", access: .everyone, use: forgot)
        routes.on(.GET, "reinitialisation", ":token", access: .everyone, use: resetForm)
        routes.on(.POST, "reinitialisation", ":token", access: .everyone, use: reset)
    }

    func service(_ req: Request) -> AccountService { AccountService(app: req.application, db: req.db) }

    // MARK: Sign-in

    /// Where a person lands after signing in without a page to return to (issue #11): an
    /// administrator on the overview, an instructor on what their scope holds, a landlord on their
    /// filings, everyone else on their account.
    static func landing(for roles: [Role]) -> String {
        if roles.contains(.administrateur) { return "/admin" }
        if roles.contains(.instructeur) || roles.contains(.comite) { return "/instruction" }
        if roles.contains(.bailleur) { return "/ami" }
        if roles.contains(.amo) || roles.contains(.beneficiaire) { return "/dossiers" }
        return LocalRedirect.fallback
    }

    func signInPage(_ req: Request, _ state: FormState, status: HTTPResponseStatus = .ok) -> Response {
        let suite = req.query[String.self, at: "suite"]
        let next = suite.map { LocalRedirect.target($0) }
        let action =
            "/connexion"
            + (next.map { "?suite=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? "")
        return .html(AuthPages.signIn(req.page(), action: action, state), status: status)
    }

    func loginForm(req: Request) async throws -> Response {
        signInPage(req, req.formState())
    }

    func login(req: Request) async throws -> Response {
        let v = try req.formValues()
        let result = try await service(req).signIn(
            email: v["email"] ?? "", password: v["password"] ?? "", actor: .of(req))
        let refusal: AuthPages.SignInRefusal
        switch result {
        case .success(let token, let userID):
            // A new session id at every sign-in; the visitor's previous session (if any) ends.
            if let old = req.principal?.session { try await SessionStore().delete(id: old.id, on: req.db) }
            let target: String
            if let suite = req.query[String.self, at: "suite"] {
                target = LocalRedirect.target(suite)
            } else {
                target = Self.landing(for: try await UserStore().grants(userID: userID, on: req.db).map(\.role))
            }
            let res = Flash.redirect(req, to: target, .signedIn)
            res.cookies[SessionMiddleware.cookieName] = SessionMiddleware.cookie(
                token, req: req, maxAge: Int(SessionMiddleware.absoluteLifetime))
            return res
        case .invalid: refusal = .invalid
        case .notActivated: refusal = .notActivated
        case .wait(let s): refusal = .wait(seconds: s)
        case .locked: refusal = .locked
        }
        let status: HTTPResponseStatus
        switch refusal {
        case .wait, .locked: status = .tooManyRequests
        case .invalid, .notActivated: status = .unprocessableEntity
        }
        return signInPage(
            req, req.formState(v, errors: [.init(field: "email", message: refusal.message)]), status: status)
    }

    func logout(req: Request) async throws -> Response {
        if let p = req.principal, let s = p.session {
            try await SessionStore().delete(id: s.id, on: req.db)
            try await req.audit.record(
                "déconnexion", by: .of(req), object: ("utilisateur", p.user.id.uuidString), on: req.db)
        }
        let res = Flash.redirect(req, to: "/", .signedOut)
        res.cookies[SessionMiddleware.cookieName] = SessionMiddleware.cookie("", req: req, maxAge: 0)
        return res
    }

    func extend(req: Request) async throws -> Response {
        // The session middleware has already recorded this activity.
        if let s = req.principal?.session {
            try await SessionStore().touch(id: s.id, at: req.application.clock.now(), on: req.db)
        }
        let back = LocalRedirect.target(req.headers.first(name: .referer).flatMap { URL(string: $0)?.path })
        return Flash.redirect(req, to: back, .sessionExtended)
    }

    // MARK: Sign-up and activation

    func signUpForm(req: Request) async throws -> Response {
        .html(AuthPages.signUp(req.page(), req.formState()))
    }

    func signUp(req: Request) async throws -> Response {
        let v = try req.formValues()
        let errors = try await service(req).signUp(
            email: v["email"] ?? "", name: v["name"] ?? "", password: v["password"] ?? "",
            confirm: v["password_confirm"] ?? "", actor: .of(req))
        if !errors.isEmpty {
            return .html(
                AuthPages.signUp(req.page(), req.formState(v, errors: errors)),
                status: .unprocessableEntity)
        }
        let email = AccountService.normalise(v["email"] ?? "")
        return .html(AuthPages.signUpSent(req.page(), email: email))
    }

    func activate(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        switch try await service(req).activate(token: token, actor: .of(req)) {
        case .activated:
            return Flash.redirect(req, to: "/connexion", .accountActivated)
        case .expired:
            return .html(AuthPages.activationExpired(req.page()), status: .gone)
        case .invalid:
            return .html(AuthPages.activationInvalid(req.page()), status: .notFound)
        }
    }

    // MARK: Forgotten password

    func forgotForm(req: Request) async throws -> Response {
        .html(AuthPages.forgot(req.page(), req.formState()))
    }

    func forgot(req: Request) async throws -> Response {
        let v = try req.formValues()
        let email = AccountService.normalise(v["email"] ?? "")
        if let problem = AccountService.emailProblem(email) {
            return .html(
                AuthPages.forgot(
                    req.page(),
                    req.formState(v, errors: [.init(field: "email", message: problem)])),
                status: .unprocessableEntity)
        }
        try await service(req).forgotPassword(email: email, actor: .of(req))
        return .html(AuthPages.forgotSent(req.page(), email: email))
    }

    /// The form only for a link that can still be used: an unknown, used or expired link says so
    /// at once, before anyone types a new password (issue #11).
    func resetForm(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        guard
            case .ok = try await TokenStore().check(
                tokenHash: Tokens.digest(token), purposes: ["reset"], now: req.application.clock.now(), on: req.db)
        else {
            return .html(AuthPages.resetExpired(req.page()), status: .gone)
        }
        return .html(AuthPages.reset(req.page(), token: token, req.formState()))
    }

    func reset(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let v = try req.formValues()
        switch try await service(req).resetPassword(
            token: token, password: v["password"] ?? "", confirm: v["password_confirm"] ?? "", actor: .of(req))
        {
        case .done: return Flash.redirect(req, to: "/connexion", .passwordSaved)
        case .refused(let errors):
            return .html(
                AuthPages.reset(
                    req.page(), token: token, req.formState(v, errors: errors)),
                status: .unprocessableEntity)
        case .expired, .invalid:
            return .html(AuthPages.resetExpired(req.page()), status: .gone)
        }
    }
}
