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

    func loginModel(_ req: Request, _ state: FormState) -> FormPageModel {
        let next = LocalRedirect.target(req.query[String.self, at: "suite"])
        return FormPageModel(
            heading: "Se connecter",
            action: "/connexion"
                + (next == "/"
                    ? "" : "?suite=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")),
            fields: [
                .input(name: "email", label: "Adresse e-mail", type: "email", autocomplete: "username"),
                .input(name: "password", label: "Mot de passe", type: "password", autocomplete: "current-password"),
            ],
            submit: "Se connecter", state: state,
            links: [("Mot de passe oublié ?", "/mot-de-passe-oublie"), ("Créer un compte", "/inscription")])
    }

    func loginForm(req: Request) async throws -> Response {
        .html(FormPage.render(req.page(title: "Connexion"), loginModel(req, req.formState())))
    }

    func login(req: Request) async throws -> Response {
        let v = try req.formValues()
        let result = try await service(req).signIn(
            email: v["email"] ?? "", password: v["password"] ?? "", actor: .of(req))
        let message: String
        switch result {
        case .success(let token, _):
            // A new session id at every sign-in; the visitor's previous session (if any) ends.
            if let old = req.principal?.session { try await SessionStore().delete(id: old.id, on: req.db) }
            let res = Flash.redirect(
                req, to: LocalRedirect.target(req.query[String.self, at: "suite"]), .success, "Vous êtes connecté.")
            res.cookies[SessionMiddleware.cookieName] = SessionMiddleware.cookie(
                token, req: req, maxAge: Int(SessionMiddleware.absoluteLifetime))
            return res
        case .invalid: message = "Adresse e-mail ou mot de passe incorrect."
        case .notActivated:
            message =
                "Ce compte n'est pas encore activé : ouvrez le lien reçu par e-mail, ou demandez-en un nouveau avec « Mot de passe oublié »."
        case .wait(let s):
            message = "Trop de tentatives : patientez \(s) seconde\(s > 1 ? "s" : "") avant de réessayer."
        case .locked: message = "Trop de tentatives échouées : la connexion est bloquée pendant 15 minutes."
        }
        let status: HTTPResponseStatus =
            (result == .locked
                || {
                    if case .wait = result { return true }
                    return false
                }()) ? .tooManyRequests : .unprocessableEntity
        let state = req.formState(v, errors: [.init(field: "email", message: message)])
        return .html(FormPage.render(req.page(title: "Connexion"), loginModel(req, state)), status: status)
    }

    func logout(req: Request) async throws -> Response {
        if let p = req.principal, let s = p.session {
            try await SessionStore().delete(id: s.id, on: req.db)
            try await req.audit.record(
                "déconnexion", by: .of(req), object: ("utilisateur", p.user.id.uuidString), on: req.db)
        }
        let res = Flash.redirect(req, to: "/", .info, "Vous êtes déconnecté.")
        res.cookies[SessionMiddleware.cookieName] = SessionMiddleware.cookie("", req: req, maxAge: 0)
        return res
    }

    func extend(req: Request) async throws -> Response {
        // The session middleware has already recorded this activity.
        if let s = req.principal?.session {
            try await SessionStore().touch(id: s.id, at: req.application.clock.now(), on: req.db)
        }
        let back = LocalRedirect.target(req.headers.first(name: .referer).flatMap { URL(string: $0)?.path })
        return Flash.redirect(req, to: back, .success, "Session prolongée.")
    }

    // MARK: Sign-up and activation

    func signUpModel(_ state: FormState) -> FormPageModel {
        FormPageModel(
            heading: "Créer un compte bénéficiaire",
            intro: [
                "Vous recevrez un e-mail pour activer votre compte ; le lien est valable 12 heures.",
                "Vous êtes AMO ? Faites une demande de compte AMO. Vous êtes un bailleur social ? Votre organisme vous ouvre un accès.",
            ],
            action: "/inscription",
            fields: [
                .input(name: "name", label: "Nom et prénom", autocomplete: "name"),
                .input(name: "email", label: "Adresse e-mail personnelle", type: "email", autocomplete: "email"),
                .input(
                    name: "password", label: "Mot de passe", type: "password",
                    hint: "Au moins 12 caractères ; évitez les mots de passe courants.", autocomplete: "new-password"),
                .input(
                    name: "password_confirm", label: "Confirmez le mot de passe", type: "password",
                    autocomplete: "new-password"),
            ],
            submit: "Créer mon compte", state: state,
            links: [("J'ai déjà un compte", "/connexion"), ("Demander un compte AMO", "/amo/demande")])
    }

    func signUpForm(req: Request) async throws -> Response {
        .html(FormPage.render(req.page(title: "Créer un compte"), signUpModel(req.formState())))
    }

    func signUp(req: Request) async throws -> Response {
        let v = try req.formValues()
        let errors = try await service(req).signUp(
            email: v["email"] ?? "", name: v["name"] ?? "", password: v["password"] ?? "",
            confirm: v["password_confirm"] ?? "", actor: .of(req))
        if !errors.isEmpty {
            return .html(
                FormPage.render(req.page(title: "Créer un compte"), signUpModel(req.formState(v, errors: errors))),
                status: .unprocessableEntity)
        }
        return .html(
            InfoPage.render(
                req.page(title: "Vérifiez votre messagerie"),
                InfoPageModel(
                    heading: "Vérifiez votre messagerie",
                    blocks: [
                        .paragraph(
                            "Si l'adresse \(AccountService.normalise(v["email"] ?? "")) peut recevoir un compte, un e-mail vient de lui être envoyé avec un lien d'activation valable 12 heures."
                        ),
                        .paragraph(
                            "Rien reçu ? Vérifiez les indésirables, ou demandez un nouveau lien avec « Mot de passe oublié »."
                        ),
                    ])))
    }

    func activate(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        switch try await service(req).activate(token: token, actor: .of(req)) {
        case .activated:
            return Flash.redirect(
                req, to: "/connexion", .success, "Votre compte est activé : vous pouvez vous connecter.")
        case .expired:
            return .html(
                InfoPage.render(
                    req.page(title: "Lien expiré"),
                    InfoPageModel(
                        heading: "Ce lien d'activation a expiré",
                        blocks: [
                            .paragraph(
                                "Un lien d'activation est valable 12 heures (RENO-C). Demandez-en un nouveau : indiquez votre adresse sur la page « Mot de passe oublié »."
                            ),
                            .links([("Recevoir un nouveau lien", "/mot-de-passe-oublie")]),
                        ])), status: .gone)
        case .invalid:
            return .html(
                InfoPage.render(
                    req.page(title: "Lien invalide"),
                    InfoPageModel(
                        heading: "Ce lien n'est pas valable",
                        blocks: [
                            .paragraph(
                                "Le lien a déjà servi ou il est incomplet. Si votre compte est actif, connectez-vous ; sinon demandez un nouveau lien."
                            ),
                            .links([
                                ("Se connecter", "/connexion"), ("Recevoir un nouveau lien", "/mot-de-passe-oublie"),
                            ]),
                        ])), status: .notFound)
        }
    }

    // MARK: Forgotten password

    func forgotModel(_ state: FormState) -> FormPageModel {
        FormPageModel(
            heading: "Mot de passe oublié",
            intro: [
                "Indiquez l'adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe (valable 1 heure), ou un nouveau lien d'activation si le compte n'est pas encore activé."
            ],
            action: "/mot-de-passe-oublie",
            fields: [.input(name: "email", label: "Adresse e-mail", type: "email", autocomplete: "email")],
            submit: "Recevoir le lien", state: state)
    }

    func forgotForm(req: Request) async throws -> Response {
        .html(FormPage.render(req.page(title: "Mot de passe oublié"), forgotModel(req.formState())))
    }

    func forgot(req: Request) async throws -> Response {
        let v = try req.formValues()
        let email = AccountService.normalise(v["email"] ?? "")
        if let problem = AccountService.emailProblem(email) {
            return .html(
                FormPage.render(
                    req.page(title: "Mot de passe oublié"),
                    forgotModel(req.formState(v, errors: [.init(field: "email", message: problem)]))),
                status: .unprocessableEntity)
        }
        try await service(req).forgotPassword(email: email, actor: .of(req))
        return .html(
            InfoPage.render(
                req.page(title: "Vérifiez votre messagerie"),
                InfoPageModel(
                    heading: "Vérifiez votre messagerie",
                    blocks: [
                        .paragraph("Si un compte existe pour \(email), un e-mail vient de lui être envoyé.")
                    ])))
    }

    func resetModel(_ token: String, _ state: FormState) -> FormPageModel {
        FormPageModel(
            heading: "Choisir un nouveau mot de passe", action: "/reinitialisation/\(token)",
            fields: [
                .input(
                    name: "password", label: "Nouveau mot de passe", type: "password", hint: "Au moins 12 caractères.",
                    autocomplete: "new-password"),
                .input(
                    name: "password_confirm", label: "Confirmez le mot de passe", type: "password",
                    autocomplete: "new-password"),
            ],
            submit: "Enregistrer", state: state)
    }

    func resetForm(req: Request) async throws -> Response {
        .html(
            FormPage.render(
                req.page(title: "Nouveau mot de passe"), resetModel(req.parameters.get("token") ?? "", req.formState()))
        )
    }

    func reset(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let v = try req.formValues()
        switch try await service(req).resetPassword(
            token: token, password: v["password"] ?? "", confirm: v["password_confirm"] ?? "", actor: .of(req))
        {
        case .done: return Flash.redirect(req, to: "/connexion", .success, "Mot de passe enregistré : connectez-vous.")
        case .refused(let errors):
            return .html(
                FormPage.render(
                    req.page(title: "Nouveau mot de passe"), resetModel(token, req.formState(v, errors: errors))),
                status: .unprocessableEntity)
        case .expired, .invalid:
            return .html(
                InfoPage.render(
                    req.page(title: "Lien expiré"),
                    InfoPageModel(
                        heading: "Ce lien n'est plus valable",
                        blocks: [
                            .paragraph(
                                "Un lien de réinitialisation est valable 1 heure et ne sert qu'une fois. Demandez-en un nouveau."
                            ),
                            .links([("Mot de passe oublié", "/mot-de-passe-oublie")]),
                        ])), status: .gone)
        }
    }
}
