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
        var lines: [CampaignPages.Line] = []
        for c in try await CampaignStore().all(on: req.db) {
            let filings = try await FilingStore().list(campaignID: c.id, on: req.db)
            lines.append(
                .init(
                    year: c.campaign.year, phase: CampaignPhaseText.text(c.campaign, now: now),
                    departments: c.campaign.departments, sent: filings.filter { $0.state == .sent }.count,
                    filings: filings.count, examples: c.campaign.parameters.examples))
        }
        return .html(CampaignPages.list(req.page(), lines))
    }

    /// Department names for the form's boxes.
    func names(_ req: Request) -> [String: String] { req.application.referenceData.departments.mapValues(\.name) }

    func newForm(req: Request) async throws -> Response {
        .html(
            CampaignPages.form(
                req.page(), year: nil, departmentNames: names(req),
                req.formState(["opens_time": "00:00", "closes_time": "23:59"])))
    }

    func show(req: Request) async throws -> Response {
        guard let year = req.parameters.get("year", as: Int.self),
            let record = try await CampaignStore().find(year: year, on: req.db)
        else { throw Abort(.notFound) }
        let records = try await FilingStore().list(campaignID: record.id, on: req.db)
        let organisations = try await OrganisationStore().find(ids: Set(records.map(\.organisationID)), on: req.db)
        let uploads = try await UploadStore().find(ids: Set(records.compactMap(\.currentUploadID)), on: req.db)
        let filings = records.map { f in
            CampaignPages.Filing(
                department: f.department, landlord: organisations[f.organisationID]?.name ?? "", state: f.state,
                sentAt: f.sentAt, synthesis: f.currentUploadID.flatMap { uploads[$0]?.synthesis })
        }
        return .html(
            CampaignPages.show(
                req.page(), campaign: record.campaign, filings: filings,
                departmentNames: names(req), form: req.formState(CampaignForm.values(record.campaign))))
    }

    /// « Nouvelle campagne »: an existing year is refused with a link to its page, never replaced
    /// (issue #9: replacing it dropped departments and orphaned filings).
    func create(req: Request) async throws -> Response {
        let v = try req.formValues()
        let (parsed, errors) = CampaignForm.parse(v, zone: AppClock.paris)
        guard let campaign = parsed else {
            return .html(
                CampaignPages.form(
                    req.page(), year: nil, departmentNames: names(req),
                    req.formState(v, errors: errors)),
                status: .unprocessableEntity)
        }
        let service = CampaignService(
            clock: req.application.clock, audit: req.audit, notifier: req.application.notifier)
        switch try await service.create(campaign, by: .of(req), on: req.db) {
        case .success:
            return Flash.redirect(
                req, to: "/admin/ami/campagnes/\(campaign.year)", .campaignCreated(year: campaign.year))
        case .failure(let refusal):
            let errors = [FieldProblem(field: refusal.field, message: refusal.message)]
            return .html(
                CampaignPages.form(
                    req.page(), year: nil, departmentNames: names(req),
                    req.formState(v, errors: errors), existing: campaign.year),
                status: .unprocessableEntity)
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
                return Flash.redirect(req, to: "/admin/ami/campagnes/\(year)", .campaignSaved(year: year))
            case .failure(let refusal):
                refusals = [FieldProblem(field: refusal.field, message: refusal.message)]
            }
        }
        return .html(
            CampaignPages.form(
                req.page(), year: year, departmentNames: names(req),
                req.formState(v, errors: refusals)),
            status: .unprocessableEntity)
    }
}
