import Vapor
import GuichetDomain
import GuichetPersistence
import GuichetViews
import GuichetFormats

/// Administration: staff accounts, AMO requests, audit trail, renovation parameters.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "admin", access: .admin, use: dashboard)
        routes.on(.GET, "admin", "comptes", access: .admin, use: accounts)
        routes.on(.POST, "admin", "comptes", access: .admin, use: createAccount)
        routes.on(.GET, "admin", "amo", access: .admin, use: amoRequests)
        routes.on(.POST, "admin", "amo", ":id", "decision", access: .admin, use: decide)
        routes.on(.GET, "admin", "journal", access: .admin, use: journal)
        routes.on(.GET, "admin", "journal.csv", access: .admin, use: journalCSV)
        routes.on(.GET, "admin", "parametres", access: .admin, use: parameters)
        routes.on(.POST, "admin", "parametres", access: .admin, use: addParameter)
    }

    func dashboard(req: Request) async throws -> Response {
        let pending = try await OrganisationStore().list(kind: "amo", status: "pending", on: req.db).count
        let outbox = try await OutboxStore().pendingCount(on: req.db)
        return .html(InfoPage.render(req.page(title: "Administration"), InfoPageModel(heading: "Administration", blocks: [
            .links([("Comptes du personnel", "/admin/comptes"), ("Demandes de compte AMO (\(pending) en attente)", "/admin/amo"),
                    ("Journal d'audit", "/admin/journal"), ("Paramètres de l'aide à la rénovation", "/admin/parametres")]),
            .paragraph("Messages en attente d'envoi : \(outbox)."),
        ])))
    }

    // MARK: Staff accounts

    func accountsPage(_ req: Request, state: FormState? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        var rows: [[String]] = []
        for u in try await UserStore().all(on: req.db) {
            let roles = try await UserStore().grants(userID: u.id, on: req.db)
                .map { ($0.role) + ($0.scope.isEmpty ? "" : " (\($0.scope.joined(separator: ", ")))") }
            rows.append([u.displayName, u.email, roles.joined(separator: ", "), u.activatedAt == nil ? "non activé" : "actif"])
        }
        let form = FormPageModel(heading: "Créer un compte du personnel", intro: ["La personne reçoit un lien (valable 12 heures) pour choisir son mot de passe."],
                                 action: "/admin/comptes",
                                 fields: [.input(name: "name", label: "Nom et prénom"), .input(name: "email", label: "Adresse e-mail", type: "email"),
                                          .radios(name: "role", legend: "Rôle", choices: [Choice("instructeur", "Instructeur"), Choice("comite", "Membre du comité"), Choice("administrateur", "Administrateur")]),
                                          .input(name: "scope", label: "Périmètre (instructeurs)", hint: "Départements (01, 974…) ou régions préfixées R (R84), séparés par des virgules")],
                                 submit: "Créer le compte", state: state ?? req.formState())
        return .html(InfoPage.render(req.page(title: "Comptes"), InfoPageModel(heading: "Comptes", blocks: [
            .table(caption: "Comptes", headers: ["Nom", "E-mail", "Rôles", "État"], rows: rows), .form(form),
        ])), status: status)
    }

    func accounts(req: Request) async throws -> Response { try await accountsPage(req) }

    func createAccount(req: Request) async throws -> Response {
        let v = req.formValues()
        let (scope, unknown) = StaffService.parseScope(v["scope"] ?? "", reference: req.application.referenceData)
        var errors: [FormState.FieldError] = unknown.isEmpty ? [] : [.init(field: "scope", message: "Codes inconnus : \(unknown.joined(separator: ", ")).")]
        let role = Role(rawValue: v["role"] ?? "")
        if role == .instructeur && scope.isEmpty && errors.isEmpty { errors.append(.init(field: "scope", message: "Un instructeur a un périmètre : au moins un département ou une région.")) }
        if errors.isEmpty {
            switch try await StaffService(app: req.application, db: req.db).createStaff(email: v["email"] ?? "", name: v["name"] ?? "",
                                                                                      roles: role.map { [$0] } ?? [], scope: scope, actor: .of(req)) {
            case .created(let c): return Flash.redirect(req, to: "/admin/comptes", .success, "Compte créé pour \(c.user.email) : un lien lui a été envoyé.")
            case .refused(let e): errors = e
            }
        }
        return try await accountsPage(req, state: req.formState(v, errors: errors), status: .unprocessableEntity)
    }

    // MARK: AMO requests

    func amoRequests(req: Request) async throws -> Response {
        var blocks: [InfoPageModel.Block] = []
        let pending = try await OrganisationStore().list(kind: "amo", status: "pending", on: req.db)
        if pending.isEmpty { blocks.append(.paragraph("Aucune demande en attente.")) }
        for o in pending {
            let d = AMORequest.decode(o.details)
            blocks.append(.heading("\(o.name) — SIRET \(o.identifier)"))
            blocks.append(.table(caption: nil, headers: ["Élément", "Valeur"], rows: [
                ["Département", o.department], ["Représentant légal", "\(d.legalCivility) \(d.legalUsageName) (né(e) \(d.legalBirthName), le \(d.legalBirthDate) à \(d.legalBirthCity))"],
                ["Contact commercial", "\(d.contactName) — \(d.contactEmail) — \(d.contactPhone)"],
                ["Reçue le", o.createdAt.map(AccountController.frenchDate) ?? ""],
            ]))
            blocks.append(.button(action: "/admin/amo/\(o.id.uuidString)/decision", label: "Accepter", hidden: [("decision", "accept")], csrf: req.csrfToken))
            blocks.append(.form(FormPageModel(heading: "Refuser", action: "/admin/amo/\(o.id.uuidString)/decision",
                                              fields: [.input(name: "reason", label: "Motif du refus (envoyé au demandeur)")],
                                              submit: "Refuser la demande", state: FormState(values: ["decision": "refuse"], csrfToken: req.csrfToken))))
        }
        let decided = try await OrganisationStore().list(kind: "amo", on: req.db).filter { $0.status != "pending" }
        blocks.append(.table(caption: "Demandes traitées", headers: ["Raison sociale", "SIRET", "Décision", "Motif"],
                             rows: decided.map { [$0.name, $0.identifier, $0.status == "accepted" ? "acceptée" : "refusée", $0.decisionReason ?? ""] }))
        return .html(InfoPage.render(req.page(title: "Demandes AMO"), InfoPageModel(heading: "Demandes de compte AMO", blocks: blocks)))
    }

    func decide(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        let v = req.formValues()
        let accept = v["decision"] == "accept"
        let reason = (v["reason"] ?? "").trimmingCharacters(in: .whitespaces)
        if !accept && reason.isEmpty { return Flash.redirect(req, to: "/admin/amo", .error, "Indiquez le motif du refus.") }
        guard try await StaffService(app: req.application, db: req.db).decideAMO(id: id, accept: accept, reason: reason, actor: .of(req), adminID: req.principal!.user.id) else {
            throw Abort(.notFound)
        }
        return Flash.redirect(req, to: "/admin/amo", .success, accept ? "Demande acceptée : le contact a reçu son lien d'accès." : "Demande refusée.")
    }

    // MARK: Audit trail

    func journal(req: Request) async throws -> Response {
        let all = try await AuditStore().all(on: req.db)
        let check = AuditService.verify(all)
        let recent = all.suffix(200).reversed()
        return .html(InfoPage.render(req.page(title: "Journal d'audit"), InfoPageModel(heading: "Journal d'audit", blocks: [
            .paragraph(check.firstBroken == nil ? "Chaînage vérifié : \(check.entries) entrées intactes."
                                                : "ALERTE : chaînage rompu à l'entrée n° \(check.firstBroken!) (\(check.reason ?? "")) ."),
            .links([("Exporter tout le journal (CSV)", "/admin/journal.csv")]),
            .table(caption: "200 dernières entrées", headers: ["N°", "Date", "Acteur", "Rôle", "Action", "Objet", "Adresse"],
                   rows: recent.map { [String($0.seq), AccountController.frenchDate($0.at), $0.actorLabel, $0.actorRole, $0.action,
                                       "\($0.objectType) \($0.objectID)", $0.clientAddress] }),
        ])))
    }

    func journalCSV(req: Request) async throws -> Response {
        let csv = AuditService.csv(try await AuditStore().all(on: req.db))
        try await req.audit.record("journal.export", by: .of(req), on: req.db)
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                               "Content-Disposition": "attachment; filename=\"journal-audit.csv\""], body: .init(string: csv))
    }

    // MARK: Parameters (issue #4)

    static let editable: [(id: String, label: String, kind: String)] = [
        ("P-S-PO", "Plafond de subvention, propriétaire occupant", "euros"), ("P-S-PB", "Plafond de subvention, bailleur ou SCI", "euros"),
        ("P-L-MAX", "Montant maximum du prêt", "euros"), ("P-L-DUR", "Durée maximum du prêt (mois)", "entier"),
        ("P-L-DEF", "Différé maximum (mois)", "entier"), ("P-L-RATE", "Taux plancher du prêt (%)", "taux"),
        ("P-ANNEX", "Enveloppe des frais annexes (% du plafond)", "entier"), ("P-RAC", "Reste à charge déclenchant le prêt", "euros"),
        ("P-ACOMPTE", "Acompte maximum (% de la part de l'entreprise)", "entier"), ("P-ENDET", "Taux d'endettement signalé (%)", "entier"),
    ]

    func parametersPage(_ req: Request, state: FormState? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let p = try await req.application.parameters.current(on: req.db)
        var rows: [[String]] = []
        func add<V>(_ s: DatedSeries<V>, _ show: (V) -> String) {
            for e in s.entries { rows.append([s.id, s.label, e.validFrom.french, show(e.value), e.source]) }
        }
        add(p.subsidyCeilingOwnerOccupier) { $0.formatted(dropZeroCents: true) }
        add(p.subsidyCeilingLandlord) { $0.formatted(dropZeroCents: true) }
        add(p.loanMaximum) { $0.formatted(dropZeroCents: true) }
        add(p.loanMaximumMonths) { "\($0) mois" }
        add(p.deferralMaximumMonths) { "\($0) mois" }
        add(p.loanRateFloor) { $0.frenchPercent }
        add(p.amoCaps) { "cas 1 : \($0.ownerOccupierAlone.formatted(dropZeroCents: true)) ; cas 2 : \($0.ownerOccupierWithAid.formatted(dropZeroCents: true)) ; cas 3 : \($0.landlordAlone.formatted(dropZeroCents: true)) ; cas 4 : \($0.landlordWithAid.formatted(dropZeroCents: true))" }
        add(p.annexEnvelopePercent) { "\($0) %" }
        add(p.remainingCostThreshold) { $0.formatted(dropZeroCents: true) }
        add(p.depositPercent) { "\($0) %" }
        add(p.debtRatioAlertPercent) { "\($0) %" }
        let history = try await ParameterStore().all(on: req.db).map { ["v\($0.number)", $0.createdAt.map(AccountController.frenchDate) ?? "", $0.author, $0.note] }
        let form = FormPageModel(heading: "Nouvelle valeur à partir d'une date",
                                 intro: ["Chaque modification crée une nouvelle version des paramètres ; les calculs indiquent la version utilisée."],
                                 action: "/admin/parametres",
                                 fields: [.select(name: "series", label: "Paramètre", choices: Self.editable.map { Choice($0.id, "\($0.id) — \($0.label)") }),
                                          .input(name: "valid_from", label: "En vigueur à partir du", hint: "JJ/MM/AAAA"),
                                          .input(name: "value", label: "Valeur", hint: "Montant en euros, nombre entier, ou taux en % (1,5)"),
                                          .input(name: "source", label: "Source", hint: "Texte ou décision qui fixe cette valeur")],
                                 submit: "Enregistrer la nouvelle version", state: state ?? req.formState())
        return .html(InfoPage.render(req.page(title: "Paramètres"), InfoPageModel(heading: "Paramètres de l'aide à la rénovation (\(p.version))", blocks: [
            .table(caption: "Valeurs datées", headers: ["Id", "Paramètre", "À partir du", "Valeur", "Source"], rows: rows),
            .form(form),
            .table(caption: "Versions", headers: ["Version", "Date", "Auteur", "Note"], rows: history),
        ])), status: status)
    }

    func parameters(req: Request) async throws -> Response { try await parametersPage(req) }

    func addParameter(req: Request) async throws -> Response {
        let v = req.formValues()
        var errors: [FormState.FieldError] = []
        let series = Self.editable.first { $0.id == v["series"] }
        if series == nil { errors.append(.init(field: "series", message: "Choisissez un paramètre.")) }
        let day = AMOController.frenchDate((v["valid_from"] ?? "").trimmingCharacters(in: .whitespaces))
        if day == nil { errors.append(.init(field: "valid_from", message: "Date invalide : format JJ/MM/AAAA.")) }
        let source = (v["source"] ?? "").trimmingCharacters(in: .whitespaces)
        if source.isEmpty { errors.append(.init(field: "source", message: "Indiquez la source de la valeur.")) }
        let raw = (v["value"] ?? "").trimmingCharacters(in: .whitespaces)
        var p = try await req.application.parameters.current(on: req.db)
        if let series, let day, errors.isEmpty {
            let ok: Bool
            switch series.kind {
            case "euros":
                if let m = FrenchInput.euros(raw), m.cents > 0 {
                    let d = Dated(from: day, m, source: source)
                    switch series.id {
                    case "P-S-PO": p.subsidyCeilingOwnerOccupier = p.subsidyCeilingOwnerOccupier.adding(d)
                    case "P-S-PB": p.subsidyCeilingLandlord = p.subsidyCeilingLandlord.adding(d)
                    case "P-L-MAX": p.loanMaximum = p.loanMaximum.adding(d)
                    default: p.remainingCostThreshold = p.remainingCostThreshold.adding(d)
                    }
                    ok = true
                } else { ok = false }
            case "taux":
                if let r = Rate(decimal: raw.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces), percent: true) {
                    p.loanRateFloor = p.loanRateFloor.adding(Dated(from: day, r, source: source)); ok = true
                } else { ok = false }
            default:
                if let n = Int(raw), (0...1000).contains(n) {
                    let d = Dated(from: day, n, source: source)
                    switch series.id {
                    case "P-L-DUR": p.loanMaximumMonths = p.loanMaximumMonths.adding(d)
                    case "P-L-DEF": p.deferralMaximumMonths = p.deferralMaximumMonths.adding(d)
                    case "P-ANNEX": p.annexEnvelopePercent = p.annexEnvelopePercent.adding(d)
                    case "P-ACOMPTE": p.depositPercent = p.depositPercent.adding(d)
                    default: p.debtRatioAlertPercent = p.debtRatioAlertPercent.adding(d)
                    }
                    ok = true
                } else { ok = false }
            }
            if !ok { errors.append(.init(field: "value", message: "Valeur illisible pour \(series.id) (\(series.kind)).")) }
        }
        guard errors.isEmpty, let series, let day else { return try await parametersPage(req, state: req.formState(v, errors: errors), status: .unprocessableEntity) }
        let principal = req.principal!
        let label = try await req.application.parameters.publish(p, author: principal.user.email, note: "\(series.id) à partir du \(day.french) : \(raw) (\(source))", on: req.db)
        try await req.audit.record("paramètres.version", by: .of(req), object: ("paramètres", label), detail: "\(series.id) \(day.iso) \(raw)", on: req.db)
        return Flash.redirect(req, to: "/admin/parametres", .success, "Version \(label) enregistrée.")
    }
}
