import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

/// The landlord's side of the AMI DROM (`AMI-K`, `AMI-B`, `AMI-X`): campaigns and filings per
/// department, the template, uploads with their progress and result, sending and the receipt.
struct AMIFilingController: RouteCollection {
    /// The upload route's body limit: the largest file and the form around it.
    let uploadBodyLimit: Int

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "ami", access: .signedIn, use: home)
        routes.on(.GET, "ami", "campagnes", ":year", ":department", "modele.xlsx", access: .everyone, use: template)
        let landlord = Access.roles([.bailleur])
        routes.on(.GET, "ami", "campagnes", ":year", ":department", access: landlord, use: filing)
        routes.on(
            .POST, "ami", "campagnes", ":year", ":department", "tableau", access: landlord,
            body: .collect(maxSize: ByteCount(value: uploadBodyLimit)), use: upload)
        routes.on(
            .GET, "ami", "campagnes", ":year", ":department", "tableaux", ":upload", access: landlord, use: uploadPage)
        routes.on(
            .GET, "ami", "campagnes", ":year", ":department", "tableaux", ":upload", "resultat.json", access: landlord,
            use: uploadJSON)
        routes.on(
            .GET, "ami", "campagnes", ":year", ":department", "tableaux", ":upload", "fichier", access: landlord,
            use: uploadFile)
        routes.on(.POST, "ami", "campagnes", ":year", ":department", "envoi", access: landlord, use: send)
        routes.on(.GET, "ami", "campagnes", ":year", ":department", "accuse.pdf", access: landlord, use: receipt)
    }

    // MARK: Lookups

    struct Scope {
        let campaign: CampaignRecord
        let department: String
        let departmentName: String
        let organisation: OrganisationRecord?
    }

    /// The campaign and department of the path (404 when the campaign does not cover it).
    func scope(_ req: Request) async throws -> Scope {
        guard let year = req.parameters.get("year", as: Int.self), let department = req.parameters.get("department"),
            let campaign = try await CampaignStore().find(year: year, on: req.db), campaign.campaign.covers(department)
        else {
            throw Abort(.notFound)
        }
        return Scope(
            campaign: campaign, department: department,
            departmentName: req.application.referenceData.departments[department]?.name ?? department,
            organisation: try await LandlordService.organisation(of: req.principal, on: req.db))
    }

    func context(_ req: Request, _ s: Scope) throws -> AMIFilingService.Context {
        guard let org = s.organisation, let p = req.principal else { throw Abort(.notFound) }
        return .init(
            campaign: s.campaign, organisation: org, department: s.department, userID: p.user.id, actor: .of(req))
    }

    func path(_ s: Scope) -> String { "/ami/campagnes/\(s.campaign.campaign.year)/\(s.department)" }

    static func phaseText(_ c: Campaign, now: Date) -> String {
        switch c.window.phase(at: now) {
        case .notYetOpen: "ouvre le \(c.window.opens.french) (heure de Paris)"
        case .open: "ouverte jusqu'au \(c.window.closes.french) (heure de Paris)"
        case .closed: "close depuis le \(c.window.closes.french) (heure de Paris)"
        }
    }

    // MARK: Pages

    func home(req: Request) async throws -> Response {
        guard let org = try await LandlordService.organisation(of: req.principal, on: req.db) else {
            return .html(
                InfoPage.render(
                    req.page(title: "AMI DROM"),
                    InfoPageModel(
                        heading: "AMI DROM : dépôt des bailleurs sociaux",
                        blocks: [
                            .paragraph(
                                "Pour déposer un tableau de programmation, identifiez d'abord votre organisme (AMI-B). Si votre organisme est déjà inscrit, demandez à l'un de ses membres de vous ajouter."
                            ),
                            .links([("Inscrire mon organisme", "/ami/bailleur/inscription")]),
                        ])))
        }
        if let refusal = AMIFilingService.notAccepted(org) {
            return .html(
                InfoPage.render(
                    req.page(title: "AMI DROM"),
                    InfoPageModel(
                        heading: "AMI DROM : mes dépôts",
                        blocks: [
                            .notice(.info, refusal.message), .links([("Organisme et membres", "/ami/organisation")]),
                        ])))
        }
        let now = req.application.clock.now()
        let filings = try await FilingStore().list(organisationID: org.id, on: req.db)
        var blocks: [InfoPageModel.Block] = [
            .paragraph("Organisme : \(org.name) (SIREN \(org.identifier))."),
            .links([("Organisme et membres", "/ami/organisation")]),
        ]
        let campaigns = try await CampaignStore().all(on: req.db)
        if campaigns.isEmpty { blocks.append(.paragraph("Aucune campagne n'est ouverte pour l'instant.")) }
        let sentFormat = AppClock.parisFormatter("dd/MM/yyyy HH:mm")
        for record in campaigns {
            let c = record.campaign
            blocks.append(.heading("Campagne \(c.year) – \(Self.phaseText(c, now: now))"))
            blocks.append(
                .links(
                    c.departments.map { dep in
                        let f = filings.first { $0.campaignID == record.id && $0.department == dep }
                        let state =
                            switch f?.state {
                            case nil: "non commencé"
                            case .draft?: "brouillon"
                            case .sent?: "envoyé le \(f?.sentAt.map(sentFormat.string) ?? "")"
                            }
                        return (
                            "\(dep) \(req.application.referenceData.departments[dep]?.name ?? "") : \(state)",
                            "/ami/campagnes/\(c.year)/\(dep)"
                        )
                    }))
        }
        return .html(
            InfoPage.render(
                req.page(title: "AMI DROM"), InfoPageModel(heading: "AMI DROM : mes dépôts", blocks: blocks)))
    }

    func template(req: Request) async throws -> Response {
        let s = try await scope(req)
        let communes = req.application.referenceData.communeNames
            .filter { InseeCode($0.key)?.departmentCode == s.department }
            .map { (insee: $0.key, name: $0.value) }.sorted { $0.insee < $1.insee }
        let data = try ProgrammingTemplate.data(
            year: s.campaign.campaign.year, department: s.department, departmentName: s.departmentName,
            communes: communes)
        let name = "tableau-programmation-ami-drom-\(s.campaign.campaign.year)-\(s.department).xlsx"
        return Response(
            status: .ok,
            headers: [
                "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "Content-Disposition": "attachment; filename=\"\(name)\"",
            ], body: .init(data: data))
    }

    func filing(req: Request) async throws -> Response {
        try await filingPage(req, try await scope(req))
    }

    func filingPage(
        _ req: Request, _ s: Scope, sendState: FormState? = nil, notice: (PageModel.FlashKind, String)? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        guard let org = s.organisation else { throw Abort(.notFound) }
        let c = s.campaign.campaign
        let now = req.application.clock.now()
        let filing = try await FilingStore().find(
            campaignID: s.campaign.id, organisationID: org.id, department: s.department, on: req.db)
        let uploads = try await filing.asyncMap { try await UploadStore().list(filingID: $0.id, on: req.db) } ?? []
        let current = uploads.first { $0.id == filing?.currentUploadID }
        let paris = AppClock.parisFormatter("dd/MM/yyyy HH:mm:ss")
        let base = path(s)
        let open = c.window.phase(at: now) == .open

        var blocks: [InfoPageModel.Block] = []
        if let notice { blocks.append(.notice(notice.0, notice.1)) }
        var facts: [(String, String)] = [
            ("Organisme", "\(org.name) (SIREN \(org.identifier))"),
            ("Campagne", "\(c.year), \(Self.phaseText(c, now: now))"),
        ]
        switch filing?.state {
        case nil: facts.append(("État", "non commencé"))
        case .draft?: facts.append(("État", "brouillon : pas encore envoyé"))
        case .sent?:
            facts.append(("État", "envoyé le \(filing?.sentAt.map(paris.string) ?? "") (heure de Paris) – définitif"))
        }
        blocks.append(.definitions(facts))
        blocks.append(.links([("Télécharger le modèle de tableau (.xlsx)", "\(base)/modele.xlsx")]))

        if filing?.state == .sent {
            blocks.append(
                .notice(
                    .success,
                    "Dépôt envoyé : il ne peut plus être modifié. L'accusé de réception a été envoyé par e-mail aux membres de l'organisme."
                ))
            blocks.append(.links([("Accusé de réception (PDF)", "\(base)/accuse.pdf")]))
        } else if open {
            blocks.append(.heading(current == nil ? "Déposer le tableau de programmation" : "Remplacer le tableau"))
            blocks.append(
                .upload(
                    action: "\(base)/tableau", label: "Tableau de programmation (.xlsx)",
                    hint:
                        "Le modèle rempli, \(req.application.guichetConfig.maxUploadBytes / 1_048_576) Mo au plus. Un nouveau dépôt remplace le précédent, qui reste dans l'historique.",
                    accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    submit: current == nil ? "Déposer" : "Remplacer", csrf: req.csrfToken))
        } else {
            blocks.append(.notice(.warning, c.window.check(at: now).message))
        }

        if let current {
            blocks.append(.heading("Tableau actuel : « \(current.fileName) »"))
            switch current.status {
            case .pending, .checking:
                blocks.append(
                    .links([("Vérification en cours : suivre la progression", "\(base)/tableaux/\(current.id)")]))
            case .unreadable:
                blocks.append(
                    .notice(.error, "Fichier illisible : \(current.message ?? ""). Déposez un fichier corrigé."))
            case .checked where current.errorCount > 0:
                blocks.append(
                    .notice(
                        .error,
                        "\(FrenchFormat.integer(current.errorCount)) erreur\(current.errorCount > 1 ? "s" : "") à corriger avant l'envoi."
                    ))
                blocks.append(.links([("Voir les erreurs et les opérations lues", "\(base)/tableaux/\(current.id)")]))
            case .checked:
                blocks.append(
                    .paragraph(
                        "\(FrenchFormat.integer(current.operationCount)) opération\(current.operationCount > 1 ? "s" : "") lue\(current.operationCount > 1 ? "s" : ""), sans erreur."
                    ))
                blocks.append(
                    .links([("Voir les opérations et les pré-contrôles AMI-E", "\(base)/tableaux/\(current.id)")]))
                if filing?.state == .draft, open, let syn = current.synthesis {
                    let state =
                        sendState
                        ?? req.formState([
                            "operations": String(syn.operations), "dwellings": String(syn.dwellings),
                            "cost_price": FrenchFormat.amountInput(syn.costPrice),
                            "loan_requested": FrenchFormat.amountInput(syn.loanRequested),
                        ])
                    blocks.append(
                        .form(
                            FormPageModel(
                                heading: "Synthèse et envoi",
                                intro: [
                                    "Les champs sont pré-remplis à partir du tableau (AMI-X). Vérifiez-les : ils doivent correspondre au fichier. L'envoi est définitif."
                                ],
                                action: "\(base)/envoi",
                                fields: [
                                    .input(name: "operations", label: "Nombre d'opérations"),
                                    .input(name: "dwellings", label: "Nombre de logements"),
                                    .input(name: "cost_price", label: "Prix de revient total (€)"),
                                    .input(name: "loan_requested", label: "Prêt sollicité total (€)"),
                                    .checkbox(
                                        name: "certify",
                                        label:
                                            "Je certifie l'exactitude des informations du tableau et je suis habilité à déposer pour \(org.name)."
                                    ),
                                ],
                                submit: "Envoyer", state: state)))
                }
            }
        }
        if let filing {
            let events = try await FilingStore().events(filingID: filing.id, on: req.db)
            blocks.append(
                .table(
                    caption: "Historique", headers: ["Date (heure de Paris)", "Par", "Événement"],
                    rows: events.reversed().map { [paris.string(from: $0.at), $0.actorLabel, $0.text] }))
            blocks.append(
                .table(
                    caption: "Tableaux déposés", headers: ["Fichier", "Déposé le", "Vérification", "Statut"],
                    rows: uploads.map { u in
                        let check =
                            switch u.status {
                            case .pending, .checking: "en cours"
                            case .unreadable: "illisible"
                            case .checked:
                                "\(FrenchFormat.integer(u.operationCount)) opération(s), \(FrenchFormat.integer(u.errorCount)) erreur(s)"
                            }
                        return [
                            u.fileName, paris.string(from: u.uploadedAt), check,
                            u.supersededAt == nil ? "actuel" : "remplacé",
                        ]
                    }))
            blocks.append(
                .links(
                    uploads.map {
                        (
                            "Télécharger « \($0.fileName) » déposé le \(paris.string(from: $0.uploadedAt))",
                            "\(base)/tableaux/\($0.id)/fichier"
                        )
                    }))
        }
        blocks.append(.links([("Tous mes dépôts", "/ami")]))
        return .html(
            InfoPage.render(
                req.page(title: "AMI DROM \(c.year) – \(s.department)"),
                InfoPageModel(heading: "AMI DROM \(c.year) – \(s.department) \(s.departmentName)", blocks: blocks)),
            status: status)
    }

    // MARK: Upload and its result

    struct UploadForm: Content { var fichier: File? }

    func upload(req: Request) async throws -> Response {
        let s = try await scope(req)
        let file = (try? req.content.decode(UploadForm.self))?.fichier
        guard let file, file.data.readableBytes > 0 else {
            return try await filingPage(
                req, s, notice: (.error, "Choisissez le fichier .xlsx du tableau de programmation."),
                status: .unprocessableEntity)
        }
        guard file.data.readableBytes <= req.application.guichetConfig.maxUploadBytes else {
            return try await filingPage(
                req, s,
                notice: (
                    .error,
                    "Fichier trop volumineux : \(req.application.guichetConfig.maxUploadBytes / 1_048_576) Mo au plus."
                ),
                status: .payloadTooLarge)
        }
        let name = String(file.filename.split(separator: "/").last ?? "tableau.xlsx").prefix(200)
        switch try await AMIFilingService(app: req.application).upload(
            try context(req, s), fileName: String(name), data: Data(buffer: file.data))
        {
        case .failure(let refusal):
            return try await filingPage(
                req, s, notice: (.error, "\(refusal.message) (\(refusal.rule.rawValue))"), status: .unprocessableEntity)
        case .success(let upload):
            return req.redirect(to: "\(path(s))/tableaux/\(upload.id)", redirectType: .normal)
        }
    }

    func findUpload(_ req: Request, _ s: Scope) async throws -> UploadRecord {
        guard let org = s.organisation, let id = req.parameters.get("upload", as: UUID.self),
            let upload = try await UploadStore().find(id: id, on: req.db),
            let filing = try await FilingStore().find(id: upload.filingID, on: req.db),
            filing.organisationID == org.id, filing.campaignID == s.campaign.id, filing.department == s.department
        else {
            throw Abort(.notFound)
        }
        try req.require(.see, .filing(filing))
        return upload
    }

    func uploadJSON(req: Request) async throws -> Response {
        let s = try await scope(req)
        let u = try await findUpload(req, s)
        switch u.status {
        case .checked:
            guard let result = u.checkResult else { throw CheckResultUnreadable(upload: u.id) }
            return .json(result.json.serialized())
        case .unreadable: return AMIAPIController.error(u.message ?? "", status: .unprocessableEntity)
        case .pending, .checking:
            return .json(
                JSONValue.object([
                    ("status", .string("en cours")), ("progress", .int(u.progressDone)),
                    ("total", .int(u.progressTotal)),
                ]).serialized(),
                status: .accepted)
        }
    }

    /// The file as it was uploaded (current or replaced, kept in history), streamed.
    func uploadFile(req: Request) async throws -> Response {
        let s = try await scope(req)
        let u = try await findUpload(req, s)
        let files = req.application.files
        guard let info = try await files.info(id: u.fileID, on: req.db) else { throw Abort(.notFound) }
        return FileResponse.stream(
            info, contentType: AMIAPIController.xlsxType, disposition: "attachment", files: files, db: req.db)
    }

    func uploadPage(req: Request) async throws -> Response {
        let s = try await scope(req)
        let u = try await findUpload(req, s)
        let state: UploadPage.State
        switch u.status {
        case .pending, .checking:
            state = .checking(done: u.progressDone, total: u.progressTotal, stage: u.stage)
        case .unreadable:
            state = .unreadable(u.message ?? "")
        case .checked:
            guard let result = u.checkResult else { throw CheckResultUnreadable(upload: u.id) }
            state = .checked(result, errorCount: u.errorCount)
        }
        let model = UploadPage.Model(
            fileName: u.fileName, state: state, filingPath: path(s),
            resultPath: "\(path(s))/tableaux/\(u.id)/resultat.json")
        return .html(UploadPage.render(req.page(title: "Tableau « \(u.fileName) »"), model))
    }

    // MARK: Sending

    func send(req: Request) async throws -> Response {
        let s = try await scope(req)
        let v = try req.formValues()
        var errors: [FormState.FieldError] = []
        func integer(_ k: String, _ label: String) -> Int? {
            let t = (v[k] ?? "").filter { !$0.isWhitespace }
            guard let n = Int(t), n >= 0 else {
                errors.append(.init(field: k, message: "\(label) : nombre entier attendu."))
                return nil
            }
            return n
        }
        func money(_ k: String, _ label: String) -> Money? {
            guard let m = Money(french: v[k] ?? "") else {
                errors.append(.init(field: k, message: "\(label) : montant attendu, par exemple 1 234 567,89."))
                return nil
            }
            return m
        }
        let ops = integer("operations", "Nombre d'opérations")
        let dwellings = integer("dwellings", "Nombre de logements")
        let cost = money("cost_price", "Prix de revient total")
        let loan = money("loan_requested", "Prêt sollicité total")
        guard errors.isEmpty, let ops, let dwellings, let cost, let loan else {
            return try await filingPage(
                req, s, sendState: req.formState(v, errors: errors), status: .unprocessableEntity)
        }
        let confirmed = FilingSynthesis(operations: ops, dwellings: dwellings, costPrice: cost, loanRequested: loan)
        switch try await AMIFilingService(app: req.application).send(
            try context(req, s), confirmed: confirmed, certified: v["certify"] == "oui")
        {
        case .failure(let refusal):
            return try await filingPage(
                req, s, sendState: req.formState(v), notice: (.error, "\(refusal.message) (\(refusal.rule.rawValue))"),
                status: .unprocessableEntity)
        case .success:
            return Flash.redirect(
                req, to: path(s), .success,
                "Dépôt envoyé. L'accusé de réception est disponible ci-dessous et a été envoyé par e-mail.")
        }
    }

    func receipt(req: Request) async throws -> Response {
        let s = try await scope(req)
        guard let org = s.organisation,
            let filing = try await FilingStore().find(
                campaignID: s.campaign.id, organisationID: org.id, department: s.department, on: req.db),
            let id = filing.receiptFileID, let info = try await req.application.files.info(id: id, on: req.db)
        else { throw Abort(.notFound) }
        return FileResponse.stream(
            info, contentType: "application/pdf", disposition: "inline", files: req.application.files, db: req.db)
    }
}
