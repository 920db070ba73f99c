import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

extension DossierController {
    /// `GET /dossiers/:dossier/:step`: the step's page with the saved answers.
    func step(req: Request, _ step: DossierStep) async throws -> Response {
        let l = try await Self.load(req, .see)
        return try await stepPage(req, l, step, state: req.formState(Self.values(step, l.dossier.answers)))
    }

    /// The saved answers as the step's form values.
    static func values(_ step: DossierStep, _ a: DossierAnswers) -> [String: String] {
        switch step {
        case .applicant: StepForms.applicantValues(a)
        case .tenant: StepForms.tenantValues(a)
        case .dwelling: StepForms.dwellingValues(a)
        case .works: StepForms.worksValues(a)
        case .plan: PlanForm.values(a)
        default: [:]
        }
    }

    func stepPage(
        _ req: Request, _ l: Loaded, _ step: DossierStep, state: FormState, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let b = Self.base(req, l, state: state)
        let a = l.dossier.answers
        let model: DossierPageModel
        switch step {
        case .amo: model = DossierSteps.amo(b, try await amoView(req, l))
        case .applicant:
            model = DossierSteps.applicant(
                b, civilStatus: try await CivilStatusStore().find(user: l.dossier.beneficiaryID, on: req.db))
        case .coApplicants:
            model = DossierSteps.coApplicants(
                b, a.coApplicants, declared: a.coApplicantsDeclared,
                expected: max(0, (a.applicant.jointOwners ?? 1) - 1), kind: a.applicant.kind)
        case .tenant: model = DossierSteps.tenant(b)
        case .dwelling:
            let typed = state.value("postal_code").replacingOccurrences(of: " ", with: "")
            let communes = PostalCode(typed).map { req.application.referenceData.communes(postalCode: $0) } ?? []
            model = DossierSteps.dwelling(
                b, communes: communes.map { Choice($0.insee, $0.name) }, landlord: a.applicant.kind?.isLandlord == true)
        case .works: model = DossierSteps.works(b)
        case .plan:
            let e = try await service(req).evaluate(l.dossier, on: Self.referenceDay(req, l.dossier))
            var registry: [Siret: WorksCompanyRegistration] = [:]
            for c in a.plan.companies {
                registry[c.siret] = try await WorksCompanyStore().find(siret: c.siret, on: req.db)
            }
            model = DossierSteps.plan(
                b, companies: a.plan.companies, registry: registry, plan: e.simulation.financing,
                warnings: e.simulation.warnings.map(\.text),
                anah: a.plan.externalAid.contains { $0.funder == .anah })
        case .documents: return try await DossierDocumentsController.page(req, l, errors: [:])
        case .review: model = try await review(req, l, b)
        }
        return .html(DossierPage.render(req.page(), model), status: status)
    }

    func amoView(_ req: Request, _ l: Loaded) async throws -> DossierSteps.AMOView {
        let directory = try await OrganisationStore().list(kind: .amo, status: .accepted, on: req.db)
        let d = l.dossier
        var actions: Set<DossierSteps.AMOView.Action> = []
        if d.state.isEditable {
            if l.viewerIsBeneficiary { actions.insert(d.mandate == .none ? .choose : .withdraw) }
            if l.viewerIsTheAMO, d.createdByAMO, d.mandate == .none { actions.insert(.confirm) }
            if l.viewerIsTheAMO, d.mandate == .requested { actions.insert(.accept) }
        }
        return DossierSteps.AMOView(
            name: l.amo?.name, siret: l.amo?.identifier, department: l.amo?.department, mandate: d.mandate,
            actions: actions, directory: directory.map { Choice($0.id.uuidString, "\($0.name) – \($0.department)") })
    }

    /// `POST /dossiers/:dossier/:step`: reads the step's form into the answers and saves them
    /// with the version read (every problem at once; nothing written on a problem).
    /// The steps saved by their own form (the others by their buttons and lists).
    static let saved = DossierEdits.savedSteps

    func save(req: Request, _ step: DossierStep) async throws -> Response {
        let l = try await Self.load(req, .act)
        let values = try req.formValues()
        let version = try Self.version(values, l.dossier)
        guard let change = DossierEdits.save(step, values, reference: req.application.referenceData) else {
            throw Abort(.notFound)
        }
        let result = try await service(req).save(
            step, dossier: l.dossier.id, version: version, by: Self.actor(req, l), change: change)
        return try await answer(
            req, l, step, values, result, then: step == .plan ? "\(l.path)/\(step.rawValue)" : l.path)
    }

    /// A save's answer: back to `then` with its notice, or the step again with its problems.
    func answer(
        _ req: Request, _ l: Loaded, _ step: DossierStep, _ values: [String: String],
        _ result: Result<DossierRecord, DossierService.Refusal>, then: String, notice: Notice? = nil
    ) async throws -> Response {
        switch result {
        case .success:
            return Flash.redirect(req, to: then, notice ?? .dossierSaved(step: step))
        case .failure(.form(let problems)):
            // The version matched (a change since is refused first): the page keeps it.
            return try await stepPage(
                req, l, step, state: req.formState(values, errors: problems), status: .unprocessableEntity)
        case .failure(.lifecycle(let refusal)):
            return Flash.redirect(req, to: l.path, .dossierRefused(refusal.message))
        }
    }
}
