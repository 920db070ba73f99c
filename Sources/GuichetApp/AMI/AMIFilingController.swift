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
            .GET, "ami", "campagnes", ":year", ":department", "tableaux", ":upload", "progression.json",
            access: landlord, use: uploadProgress)
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

    // MARK: Pages

    func home(req: Request) async throws -> Response {
        let page = req.page()
        guard let org = try await LandlordService.organisation(of: req.principal, on: req.db) else {
            return .html(AMIHomePage.render(page, .noOrganisation))
        }
        if let refusal = AMIFilingService.notAccepted(org) {
            return .html(AMIHomePage.render(page, .notAccepted(message: refusal.message)))
        }
        let now = req.application.clock.now()
        let filings = try await FilingStore().list(organisationID: org.id, on: req.db)
        let names = req.application.referenceData.departments
        let campaigns = try await CampaignStore().all(on: req.db).map { record in
            AMIHomePage.CampaignLine(
                year: record.campaign.year, phase: CampaignPhaseText.text(record.campaign, now: now),
                departments: record.campaign.departments.map { dep in
                    let f = filings.first { $0.campaignID == record.id && $0.department == dep }
                    let filing: AMIHomePage.Filing =
                        switch f?.state {
                        case nil: .notStarted
                        case .draft?: .draft
                        case .sent?: .sent(f?.sentAt)
                        }
                    return .init(code: dep, name: names[dep]?.name ?? "", filing: filing)
                })
        }
        return .html(
            AMIHomePage.render(page, .filings(organisation: org.name, siren: org.identifier, campaigns: campaigns)))
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
        _ req: Request, _ s: Scope, sendState: FormState? = nil, notice: Notice? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        guard let org = s.organisation else { throw Abort(.notFound) }
        let c = s.campaign.campaign
        let now = req.application.clock.now()
        let filing = try await FilingStore().find(
            campaignID: s.campaign.id, organisationID: org.id, department: s.department, on: req.db)
        if let filing { try req.require(.see, .filing(filing)) }
        let uploads = try await filing.asyncMap { try await UploadStore().list(filingID: $0.id, on: req.db) } ?? []
        let current = uploads.first { $0.id == filing?.currentUploadID }
        let open = c.window.phase(at: now) == .open
        let state: FilingPage.State =
            switch filing?.state {
            case nil: .notStarted
            case .draft?: .draft
            case .sent?: .sent(filing?.sentAt)
            }
        var sendForm: FormState?
        if filing?.state == .draft, open, let current, current.status == .checked, current.errorCount == 0,
            let syn = current.synthesis
        {
            sendForm =
                sendState
                ?? req.formState([
                    "operations": FrenchFormat.integer(syn.operations),
                    "dwellings": FrenchFormat.integer(syn.dwellings),
                    "cost_price": FrenchFormat.amountInput(syn.costPrice),
                    "loan_requested": FrenchFormat.amountInput(syn.loanRequested),
                ])
        }
        let history = try await filing.asyncMap { try await FilingStore().events(filingID: $0.id, on: req.db) } ?? []
        let model = FilingPage.Model(
            year: c.year, department: s.department, departmentName: s.departmentName, organisation: org.name,
            siren: org.identifier, phase: CampaignPhaseText.text(c, now: now), state: state,
            closedMessage: open ? nil : c.window.check(at: now).message,
            maxUploadMB: req.application.guichetConfig.maxUploadBytes / 1_048_576,
            uploads: uploads.map { u in
                FilingPage.Upload(
                    id: u.id, fileName: u.fileName, uploadedAt: u.uploadedAt, check: Self.check(u),
                    isCurrent: u.id == current?.id)
            },
            sendForm: sendForm,
            history: history.reversed().map { .init(at: $0.at, actor: $0.actorLabel, text: $0.text) },
            notice: notice.map { (kind: $0.kind, text: $0.text) }, csrfToken: req.csrfToken)
        let page = req.page()
        return .html(FilingPage.render(page, model), status: status)
    }

    static func check(_ u: UploadRecord) -> FilingPage.Check {
        switch u.status {
        case .pending, .checking: .inProgress
        case .unreadable: .unreadable(u.message ?? "")
        case .checked where u.errorCount > 0: .errors(u.errorCount, operations: u.operationCount)
        case .checked: .clean(operations: u.operationCount)
        }
    }

    // MARK: Upload and its result

    struct UploadForm: Content { var fichier: File? }

    func upload(req: Request) async throws -> Response {
        let s = try await scope(req)
        let file = (try? req.content.decode(UploadForm.self))?.fichier
        guard let file, file.data.readableBytes > 0 else {
            return try await filingPage(
                req, s, notice: .chooseTableFile,
                status: .unprocessableEntity)
        }
        guard file.data.readableBytes <= req.application.guichetConfig.maxUploadBytes else {
            return try await filingPage(
                req, s,
                notice: .fileTooLarge(megabytes: req.application.guichetConfig.maxUploadBytes / 1_048_576),
                status: .payloadTooLarge)
        }
        let name = String(file.filename.split(separator: "/").last ?? "tableau.xlsx").prefix(200)
        switch try await AMIFilingService(app: req.application).upload(
            try context(req, s), fileName: String(name), data: Data(buffer: file.data))
        {
        case .failure(let refusal):
            return try await filingPage(
                req, s, notice: .refused(message: refusal.message, rule: refusal.rule),
                status: .unprocessableEntity)
        case .success(let upload):
            return req.redirect(to: "\(path(s))/tableaux/\(upload.id)", redirectType: .normal)
        }
    }

    func findUpload(_ req: Request, _ s: Scope) async throws -> UploadRecord {
        guard let org = s.organisation, let id = req.parameters.get("upload", as: UploadID.self),
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

    /// The check's progress for the page's script: `{"status": "checking"|"checked"|"unreadable",
    /// "permille": 0…1000, "stage": "…"}`, never cached.
    func uploadProgress(req: Request) async throws -> Response {
        let s = try await scope(req)
        let u = try await findUpload(req, s)
        let status: String =
            switch u.status {
            case .pending, .checking: "checking"
            case .checked: "checked"
            case .unreadable: "unreadable"
            }
        let body = JSONValue.object([
            ("status", .string(status)), ("permille", .int(u.status == .checked ? 1000 : Self.permille(u))),
            ("stage", .string(u.stage)),
        ])
        let response = Response.json(body.serialized())
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// Thousandths done, whatever unit the runner counted in.
    static func permille(_ u: UploadRecord) -> Int {
        guard u.progressTotal > 0 else { return 0 }
        return min(1000, max(0, u.progressDone.multipliedReportingOverflow(by: 1000).partialValue / u.progressTotal))
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
            state = .checking(permille: Self.permille(u), stage: u.stage)
        case .unreadable:
            state = .unreadable(u.message ?? "")
        case .checked:
            guard let result = u.checkResult else { throw CheckResultUnreadable(upload: u.id) }
            state = .checked(result, errorCount: u.errorCount)
        }
        let model = UploadPage.Model(
            fileName: u.fileName, state: state, filingPath: path(s), pagePath: "\(path(s))/tableaux/\(u.id)")
        return .html(UploadPage.render(req.page(), model))
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
            if v["certify"] != "oui" {
                errors.append(
                    .init(field: "certify", message: "Cochez la case de certification pour envoyer le dépôt."))
            }
            return try await filingPage(
                req, s, sendState: req.formState(v, errors: errors), status: .unprocessableEntity)
        }
        let confirmed = FilingSynthesis(operations: ops, dwellings: dwellings, costPrice: cost, loanRequested: loan)
        switch try await AMIFilingService(app: req.application).send(
            try context(req, s), confirmed: confirmed, certified: v["certify"] == "oui")
        {
        case .failure(let refusal) where !refusal.fields.isEmpty:
            // Each problem next to its field: which figure differs, the certification box.
            return try await filingPage(
                req, s, sendState: req.formState(v, errors: refusal.fields), status: .unprocessableEntity)
        case .failure(let refusal):
            return try await filingPage(
                req, s, sendState: req.formState(v),
                notice: .refused(message: refusal.message, rule: refusal.rule),
                status: .unprocessableEntity)
        case .success:
            return Flash.redirect(req, to: path(s), .filingSent)
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
