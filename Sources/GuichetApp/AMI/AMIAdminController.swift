import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// Administration of the AMI DROM campaigns (`AMI-K`): calendar in Paris time, departments and
/// envelopes, quotités and barème; the filings received.
struct AMIAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "admin", "ami", access: .admin, use: list)
        routes.on(.GET, "admin", "ami", "campagnes", "nouvelle", access: .admin, use: newForm)
        routes.on(.GET, "admin", "ami", "campagnes", ":year", access: .admin, use: show)
        routes.on(.POST, "admin", "ami", "campagnes", access: .admin, use: create)
        routes.on(.POST, "admin", "ami", "campagnes", ":year", access: .admin, use: update)
    }

    func list(req: Request) async throws -> Response {
        let now = req.application.clock.now()
        let campaigns = try await CampaignStore().all(on: req.db)
        var rows: [[String]] = []
        for c in campaigns {
            let filings = try await FilingStore().list(campaignID: c.id, on: req.db)
            rows.append([
                String(c.campaign.year), AMIFilingController.phaseText(c.campaign, now: now),
                c.campaign.departments.joined(separator: ", "),
                "\(filings.filter { $0.state == .sent }.count) envoyé(s) / \(filings.count)",
                c.campaign.parameters.examples ? "exemples" : "décidés",
            ])
        }
        return .html(
            InfoPage.render(
                req.page(title: "Campagnes AMI DROM"),
                InfoPageModel(
                    heading: "Campagnes AMI DROM",
                    blocks: [
                        .table(
                            caption: "Campagnes",
                            headers: ["Année", "Calendrier", "Départements", "Dépôts", "Paramètres"], rows: rows),
                        .links(
                            campaigns.map {
                                (
                                    "Campagne \($0.campaign.year) : paramètres et dépôts",
                                    "/admin/ami/campagnes/\($0.campaign.year)"
                                )
                            }
                                + [("Nouvelle campagne", "/admin/ami/campagnes/nouvelle")]),
                    ])))
    }

    /// The campaign form: a new campaign (`year` nil) or the given year's.
    func form(_ req: Request, _ state: FormState, year: Int? = nil) -> FormPageModel {
        let names = req.application.referenceData.departments.mapValues(\.name)
        var fields = CampaignForm.fields(departmentNames: names)
        if year != nil {
            fields.append(
                .input(
                    name: "motive", label: "Motif du changement de clôture",
                    hint:
                        "Obligatoire si la date ou l'heure de clôture change : il est consigné au journal et envoyé aux bailleurs ayant un dépôt en brouillon."
                ))
        }
        return FormPageModel(
            heading: "Paramètres de la campagne",
            intro: [
                "Les heures sont celles de Paris, quel que soit le fuseau du serveur (AMI-K). Les quotités et le barème ne figurent pas dans les textes : ils sont décidés par Action Logement."
            ],
            action: year.map { "/admin/ami/campagnes/\($0)" } ?? "/admin/ami/campagnes", fields: fields,
            submit: "Enregistrer la campagne", state: state)
    }

    func newForm(req: Request) async throws -> Response {
        .html(
            FormPage.render(
                req.page(title: "Nouvelle campagne AMI DROM"),
                form(req, req.formState(["opens_time": "00:00", "closes_time": "23:59"]))))
    }

    func show(req: Request) async throws -> Response {
        guard let year = req.parameters.get("year", as: Int.self),
            let record = try await CampaignStore().find(year: year, on: req.db)
        else { throw Abort(.notFound) }
        let c = record.campaign
        var rows: [[String]] = []
        let paris = AppClock.parisFormatter("dd/MM/yyyy HH:mm")
        for f in try await FilingStore().list(campaignID: record.id, on: req.db) {
            let org = try await OrganisationStore().find(id: f.organisationID, on: req.db)
            let upload =
                try await f.currentUploadID.asyncMap { try await UploadStore().find(id: $0, on: req.db) } ?? nil
            rows.append([
                f.department, org?.name ?? "", f.state.rawValue, f.sentAt.map(paris.string) ?? "—",
                upload?.synthesis.map { "\($0.operations) op., \($0.dwellings) lgts, \($0.loanRequested.formatted())" }
                    ?? "—",
            ])
        }
        var blocks: [InfoPageModel.Block] = []
        if c.parameters.examples {
            blocks.append(.notice(.warning, "Paramètres d'exemple : quotités et barème de démonstration, non décidés."))
        }
        blocks.append(.definitions(c.departments.map { ("Enveloppe \($0)", c.envelopes[$0]?.formatted() ?? "—") }))
        blocks.append(
            .table(
                caption: "Dépôts", headers: ["Département", "Bailleur", "État", "Envoyé le", "Synthèse"], rows: rows))
        blocks.append(.form(form(req, req.formState(CampaignForm.values(c)), year: year)))
        return .html(
            InfoPage.render(
                req.page(title: "Campagne \(year)"), InfoPageModel(heading: "Campagne AMI DROM \(year)", blocks: blocks)
            ))
    }

    /// « Nouvelle campagne »: an existing year is refused with a link to its page, never replaced
    /// (issue #9: replacing it dropped departments and orphaned filings).
    func create(req: Request) async throws -> Response {
        let v = try req.formValues()
        let (parsed, errors) = CampaignForm.parse(v, zone: AppClock.paris)
        guard let campaign = parsed else {
            return .html(
                FormPage.render(req.page(title: "Campagne AMI DROM"), form(req, req.formState(v, errors: errors))),
                status: .unprocessableEntity)
        }
        let service = CampaignService(
            clock: req.application.clock, audit: req.audit, notifier: req.application.notifier)
        switch try await service.create(campaign, by: .of(req), on: req.db) {
        case .success:
            return Flash.redirect(
                req, to: "/admin/ami/campagnes/\(campaign.year)", .success, "Campagne \(campaign.year) créée.")
        case .failure(let refusal):
            let errors = [FormState.FieldError(field: refusal.field, message: refusal.message)]
            return .html(
                InfoPage.render(
                    req.page(title: "Campagne AMI DROM"),
                    InfoPageModel(
                        heading: "Nouvelle campagne AMI DROM",
                        blocks: [
                            .links([("Modifier la campagne \(campaign.year)", "/admin/ami/campagnes/\(campaign.year)")]
                            ),
                            .form(form(req, req.formState(v, errors: errors))),
                        ])), status: .unprocessableEntity)
        }
    }

    /// Changes a campaign: a department with filings stays; a new closing instant needs a motive,
    /// goes to the audit trail and is e-mailed to the landlords with a draft (issue #9).
    func update(req: Request) async throws -> Response {
        guard let year = req.parameters.get("year", as: Int.self),
            let record = try await CampaignStore().find(year: year, on: req.db)
        else {
            throw Abort(.notFound)
        }
        let v = try req.formValues()
        let (parsed, errors) = CampaignForm.parse(v, zone: AppClock.paris)
        let service = CampaignService(
            clock: req.application.clock, audit: req.audit, notifier: req.application.notifier)
        var refusals = errors
        if let campaign = parsed {
            switch try await service.update(record, to: campaign, motive: v["motive"] ?? "", by: .of(req), on: req.db) {
            case .success:
                return Flash.redirect(
                    req, to: "/admin/ami/campagnes/\(year)", .success, "Campagne \(year) enregistrée.")
            case .failure(let refusal):
                refusals = [FormState.FieldError(field: refusal.field, message: refusal.message)]
            }
        }
        return .html(
            FormPage.render(
                req.page(title: "Campagne \(year)"), form(req, req.formState(v, errors: refusals), year: year)),
            status: .unprocessableEntity)
    }
}
