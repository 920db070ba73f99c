import Vapor
import GuichetDomain
import GuichetPersistence
import GuichetViews

/// `AMI-B`: landlord registration (identification form) and the organisation's members.
struct LandlordController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "ami", "bailleur", "inscription", access: .signedIn, use: form)
        routes.on(.POST, "ami", "bailleur", "inscription", access: .signedIn, use: register)
        routes.on(.GET, "ami", "organisation", access: .roles([.bailleur]), use: organisation)
        routes.on(.POST, "ami", "organisation", "membres", access: .roles([.bailleur]), use: addMember)
    }

    func model(_ req: Request, _ state: FormState) -> FormPageModel {
        FormPageModel(
            heading: "Inscription d'un bailleur social",
            intro: ["Identifiez votre organisme pour déposer ses tableaux de programmation à l'AMI DROM (AMI-B). Vous en deviendrez le premier membre et pourrez ajouter vos collègues."],
            action: "/ami/bailleur/inscription",
            fields: [
                .heading("Organisme"),
                .input(name: "name", label: "Raison sociale", autocomplete: "organization"),
                .input(name: "siren", label: "Numéro SIREN", hint: "9 chiffres", autocomplete: "off"),
                .radios(name: "kind", legend: "Statut", choices: LandlordKind.allCases.map { Choice($0.rawValue, $0.french) }),
                .input(name: "address", label: "Adresse du siège", autocomplete: "street-address"),
                .input(name: "postal_code", label: "Code postal", autocomplete: "postal-code"),
                .input(name: "city", label: "Commune", autocomplete: "address-level2"),
                .heading("Contact"),
                .input(name: "contact_name", label: "Nom et prénom", autocomplete: "name"),
                .input(name: "contact_email", label: "Adresse e-mail", type: "email", autocomplete: "email"),
                .input(name: "contact_phone", label: "Téléphone", type: "tel", autocomplete: "tel"),
            ],
            submit: "Inscrire l'organisme", state: state)
    }

    func form(req: Request) async throws -> Response {
        if try await LandlordService.organisation(of: req.principal, on: req.db) != nil { return req.redirect(to: "/ami/organisation") }
        var values: [String: String] = [:]
        if let p = req.principal { values = ["contact_name": p.user.displayName, "contact_email": p.user.email] }
        return .html(FormPage.render(req.page(title: "Inscription bailleur"), model(req, req.formState(values))))
    }

    func register(req: Request) async throws -> Response {
        let v = req.formValues()
        let (identification, errors) = LandlordService.validate(v)
        guard let identification, let principal = req.principal else {
            return .html(FormPage.render(req.page(title: "Inscription bailleur"), model(req, req.formState(v, errors: errors))), status: .unprocessableEntity)
        }
        switch try await LandlordService(app: req.application).register(identification, userID: principal.user.id, actor: .of(req)) {
        case .refused(let errors):
            return .html(FormPage.render(req.page(title: "Inscription bailleur"), model(req, req.formState(v, errors: errors))), status: .unprocessableEntity)
        case .created(let org):
            return Flash.redirect(req, to: "/ami", .success, "\(org.name) est inscrit. Choisissez une campagne et un département pour déposer votre tableau de programmation.")
        }
    }

    func organisation(req: Request) async throws -> Response {
        try await organisationPage(req, state: req.formState())
    }

    func organisationPage(_ req: Request, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let org = try await LandlordService.organisation(of: req.principal, on: req.db) else { throw Abort(.notFound) }
        let details = (try? JSONDecoder().decode(LandlordIdentification.self, from: Data(org.details.utf8)))
        let members = try await LandlordService(app: req.application).members(of: org.id, on: req.db)
        let add = FormPageModel(heading: "Ajouter un membre", intro: ["La personne reçoit un e-mail ; sans compte Guichet, elle choisit son mot de passe par le lien reçu."],
                                action: "/ami/organisation/membres",
                                fields: [.input(name: "email", label: "Adresse e-mail", type: "email", autocomplete: "off"),
                                         .input(name: "name", label: "Nom et prénom", hint: "Pour une personne sans compte")],
                                submit: "Ajouter", state: state)
        var facts: [(String, String)] = [("Raison sociale", org.name), ("SIREN", org.identifier)]
        if let d = details {
            facts += [("Statut", d.kind.french), ("Adresse", "\(d.address), \(d.postalCode) \(d.city)"),
                      ("Contact", "\(d.contactName) – \(d.contactEmail) – \(d.contactPhone)")]
        }
        return .html(InfoPage.render(req.page(title: org.name), InfoPageModel(heading: org.name, blocks: [
            .definitions(facts),
            .table(caption: "Membres (\(members.count))", headers: ["Nom", "E-mail", "Compte"],
                   rows: members.map { [$0.displayName, $0.email, $0.activatedAt == nil ? "en attente d'activation" : "actif"] }),
            .form(add),
            .links([("Dépôts AMI DROM", "/ami")]),
        ])), status: status)
    }

    func addMember(req: Request) async throws -> Response {
        guard let org = try await LandlordService.organisation(of: req.principal, on: req.db) else { throw Abort(.notFound) }
        let v = req.formValues()
        let errors = try await LandlordService(app: req.application).addMember(organisation: org, email: v["email"] ?? "", name: v["name"] ?? "", actor: .of(req))
        guard errors.isEmpty else { return try await organisationPage(req, state: req.formState(v, errors: errors), status: .unprocessableEntity) }
        return Flash.redirect(req, to: "/ami/organisation", .success, "\(AccountService.normalise(v["email"] ?? "")) est membre de \(org.name).")
    }
}
