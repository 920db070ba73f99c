import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// "Mon compte": roles, password and e-mail changes, personal API tokens (AMO, landlords).
struct AccountController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "compte", access: .signedIn, use: show)
        routes.on(.POST, "compte", "mot-de-passe", access: .signedIn, use: changePassword)
        routes.on(.POST, "compte", "email", access: .signedIn, use: changeEmail)
        routes.on(.GET, "compte", "email", ":token", access: .everyone, use: confirmEmail)
        routes.on(.GET, "compte", "jetons", access: .roles([.amo, .bailleur]), use: tokens)
        routes.on(.POST, "compte", "jetons", access: .roles([.amo, .bailleur]), use: createToken)
        routes.on(.POST, "compte", "jetons", ":id", "revocation", access: .roles([.amo, .bailleur]), use: revokeToken)
    }

    func page(
        _ req: Request, password: FormState? = nil, email: FormState? = nil, status: HTTPResponseStatus = .ok
    ) throws -> Response {
        let p = try req.signedIn()
        let model = AccountPages.Model(
            displayName: p.user.displayName, email: p.user.email,
            roles: p.grants.map { (role: $0.role, scope: $0.scope) },
            passwordForm: password ?? req.formState(), emailForm: email ?? req.formState())
        return .html(AccountPages.account(req.page(), model), status: status)
    }

    func show(req: Request) async throws -> Response { try page(req) }

    func changePassword(req: Request) async throws -> Response {
        let v = try req.formValues()
        let errors = try await AccountService(app: req.application, db: req.db)
            .changePassword(
                try req.signedIn(), current: v["current_password"] ?? "", new: v["password"] ?? "",
                confirm: v["password_confirm"] ?? "", actor: .of(req))
        if errors.isEmpty {
            return Flash.redirect(req, to: "/compte", .passwordChanged)
        }
        return try page(req, password: req.formState(v, errors: errors), status: .unprocessableEntity)
    }

    func changeEmail(req: Request) async throws -> Response {
        let v = try req.formValues()
        let errors = try await AccountService(app: req.application, db: req.db)
            .requestEmailChange(
                try req.signedIn(), newEmail: v["email"] ?? "", password: v["password"] ?? "", actor: .of(req))
        if errors.isEmpty {
            return Flash.redirect(req, to: "/compte", .emailConfirmationSent)
        }
        return try page(req, email: req.formState(v, errors: errors), status: .unprocessableEntity)
    }

    func confirmEmail(req: Request) async throws -> Response {
        switch try await AccountService(app: req.application, db: req.db).confirmEmailChange(
            token: req.parameters.get("token") ?? "", actor: .of(req))
        {
        case .activated:
            return Flash.redirect(req, to: req.principal == nil ? "/connexion" : "/compte", .emailConfirmed)
        case .expired, .invalid:
            return .html(AccountPages.emailLinkInvalid(req.page()), status: .gone)
        }
    }

    // MARK: API tokens

    func tokens(req: Request) async throws -> Response {
        try await tokensPage(req, created: nil)
    }

    func tokensPage(_ req: Request, created: String?, state: FormState? = nil) async throws -> Response {
        let p = try req.signedIn()
        let list = try await TokenStore().apiTokens(userID: p.user.id, on: req.db)
        let model = AccountPages.TokensModel(
            tokens: list.map {
                .init(
                    id: $0.id, name: $0.name, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt,
                    revoked: $0.revokedAt != nil)
            },
            created: created, form: state ?? req.formState(), csrfToken: req.csrfToken)
        return .html(AccountPages.tokens(req.page(), model))
    }

    func createToken(req: Request) async throws -> Response {
        let v = try req.formValues()
        let name = (v["name"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 80 else {
            return try await tokensPage(
                req, created: nil,
                state: req.formState(
                    v, errors: [.init(field: "name", message: "Donnez un nom au jeton (80 caractères au plus).")]))
        }
        let token = "gui_" + Tokens.random()
        try await req.db.write { tx in
            let t = try await TokenStore().createAPIToken(
                userID: try req.signedIn().user.id, name: name, tokenHash: Tokens.digest(token),
                now: req.application.clock.now(), on: tx)
            try await req.audit.record(
                "jeton.création", by: .of(req), object: ("jeton", t.id.uuidString), detail: name, on: tx)
        }
        return try await tokensPage(req, created: token)
    }

    func revokeToken(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: APITokenID.self),
            let token = try await TokenStore().findAPIToken(id: id, on: req.db)
        else { throw Abort(.notFound) }
        try req.require(.act, .apiToken(owner: token.userID))
        let done = try await req.db.write { tx -> Bool in
            guard
                try await TokenStore().revokeAPIToken(
                    id: id, userID: try req.signedIn().user.id, now: req.application.clock.now(), on: tx)
            else { return false }
            try await req.audit.record("jeton.révocation", by: .of(req), object: ("jeton", id.uuidString), on: tx)
            return true
        }
        // Someone else's token, or an unknown one: not found.
        guard done else { throw Abort(.notFound) }
        return Flash.redirect(req, to: "/compte/jetons", .apiTokenRevoked)
    }
}
