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
        let roles = p.grants.map { g -> [String] in
            [g.role.french, g.scope.isEmpty ? "—" : g.scope.joined(separator: ", ")]
        }
        let pw = FormPageModel(
            heading: "Changer de mot de passe", action: "/compte/mot-de-passe",
            fields: [
                .input(
                    name: "current_password", label: "Mot de passe actuel", type: "password",
                    autocomplete: "current-password"),
                .input(
                    name: "password", label: "Nouveau mot de passe", type: "password", hint: "Au moins 12 caractères.",
                    autocomplete: "new-password"),
                .input(
                    name: "password_confirm", label: "Confirmez le nouveau mot de passe", type: "password",
                    autocomplete: "new-password"),
            ],
            submit: "Changer le mot de passe", state: password ?? req.formState())
        let mail = FormPageModel(
            heading: "Changer d'adresse e-mail",
            intro: ["Un lien de confirmation (valable 24 heures) est envoyé à la nouvelle adresse."],
            action: "/compte/email",
            fields: [
                .input(name: "email", label: "Nouvelle adresse", type: "email", autocomplete: "email"),
                .input(name: "password", label: "Mot de passe", type: "password", autocomplete: "current-password"),
            ],
            submit: "Changer d'adresse", state: email ?? req.formState())
        let model = InfoPageModel(
            heading: "Mon compte",
            blocks: [
                .paragraph("\(p.user.displayName) — \(p.user.email)"),
                .table(caption: "Mes rôles", headers: ["Rôle", "Périmètre"], rows: roles),
                .form(pw), .form(mail),
            ])
        return .html(InfoPage.render(req.page(title: "Mon compte"), model), status: status)
    }

    func show(req: Request) async throws -> Response { try page(req) }

    func changePassword(req: Request) async throws -> Response {
        let v = try req.formValues()
        let errors = try await AccountService(app: req.application, db: req.db)
            .changePassword(
                try req.signedIn(), current: v["current_password"] ?? "", new: v["password"] ?? "",
                confirm: v["password_confirm"] ?? "", actor: .of(req))
        if errors.isEmpty {
            return Flash.redirect(
                req, to: "/compte", .success, "Mot de passe changé ; vos autres sessions sont fermées.")
        }
        return try page(req, password: req.formState(v, errors: errors), status: .unprocessableEntity)
    }

    func changeEmail(req: Request) async throws -> Response {
        let v = try req.formValues()
        let errors = try await AccountService(app: req.application, db: req.db)
            .requestEmailChange(
                try req.signedIn(), newEmail: v["email"] ?? "", password: v["password"] ?? "", actor: .of(req))
        if errors.isEmpty {
            return Flash.redirect(
                req, to: "/compte", .info, "Un lien de confirmation a été envoyé à la nouvelle adresse.")
        }
        return try page(req, email: req.formState(v, errors: errors), status: .unprocessableEntity)
    }

    func confirmEmail(req: Request) async throws -> Response {
        switch try await AccountService(app: req.application, db: req.db).confirmEmailChange(
            token: req.parameters.get("token") ?? "", actor: .of(req))
        {
        case .activated:
            return Flash.redirect(
                req, to: req.principal == nil ? "/connexion" : "/compte", .success, "Nouvelle adresse e-mail confirmée."
            )
        case .expired, .invalid:
            return .html(
                InfoPage.render(
                    req.page(title: "Lien invalide"),
                    InfoPageModel(
                        heading: "Ce lien n'est plus valable",
                        blocks: [
                            .paragraph("Le lien a expiré ou a déjà servi : refaites la demande depuis « Mon compte ».")
                        ])), status: .gone)
        }
    }

    // MARK: API tokens

    func tokens(req: Request) async throws -> Response {
        try await tokensPage(req, created: nil)
    }

    func tokensPage(_ req: Request, created: String?, state: FormState? = nil) async throws -> Response {
        let p = try req.signedIn()
        let list = try await TokenStore().apiTokens(userID: p.user.id, on: req.db)
        var blocks: [InfoPageModel.Block] = [
            .paragraph(
                "Un jeton personnel permet à vos outils d'appeler l'API de Guichet (en-tête « Authorization: Bearer … »). Il n'est affiché qu'une fois ; seule son empreinte est conservée."
            )
        ]
        if let created { blocks += [.heading("Nouveau jeton (copiez-le maintenant)"), .code(created)] }
        blocks.append(
            .table(
                caption: "Mes jetons", headers: ["Nom", "Créé le", "Dernière utilisation", "État"],
                rows: list.map {
                    [
                        $0.name, Self.frenchDate($0.createdAt), $0.lastUsedAt.map(Self.frenchDate) ?? "jamais",
                        $0.revokedAt == nil ? "actif" : "révoqué",
                    ]
                }))
        for t in list where t.revokedAt == nil {
            blocks.append(
                .button(
                    action: "/compte/jetons/\(t.id.uuidString)/revocation", label: "Révoquer « \(t.name) »", hidden: [],
                    csrf: req.csrfToken))
        }
        blocks.append(
            .form(
                FormPageModel(
                    heading: "Créer un jeton", action: "/compte/jetons",
                    fields: [.input(name: "name", label: "Nom du jeton", hint: "Par exemple : logiciel de gestion")],
                    submit: "Créer le jeton", state: state ?? req.formState())))
        return .html(
            InfoPage.render(req.page(title: "Jetons d'API"), InfoPageModel(heading: "Jetons d'API", blocks: blocks)))
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
        guard let id = req.parameters.get("id", as: UUID.self),
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
        return Flash.redirect(req, to: "/compte/jetons", .success, "Jeton révoqué.")
    }

    static func frenchDate(_ d: Date) -> String {
        AppClock.parisFormatter("dd/MM/yyyy HH:mm").string(from: d)
    }
}
