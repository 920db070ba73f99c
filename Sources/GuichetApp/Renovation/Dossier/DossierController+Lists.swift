import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

extension DossierController {
    /// « Ajouter un codemandeur ».
    func addCoApplicant(req: Request) async throws -> Response {
        let l = try await Self.load(req, .act)
        let values = try req.formValues()
        let version = try Self.version(values, l.dossier)
        let result = try await service(req).save(
            .coApplicants, dossier: l.dossier.id, version: version, by: Self.actor(req, l),
            change: DossierEdits.addCoApplicant(values))
        return try await answer(req, l, .coApplicants, values, result, then: "\(l.path)/codemandeurs")
    }

    /// « Retirer » a co-applicant (numbered from 1 as the page shows them).
    func removeCoApplicant(req: Request) async throws -> Response {
        let l = try await Self.load(req, .act)
        guard let index = req.parameters.get("index", as: Int.self), index >= 1,
            index <= l.dossier.answers.coApplicants.count
        else { throw Abort(.notFound) }
        let values = try req.formValues()
        let version = try Self.version(values, l.dossier)
        let result = try await service(req).save(
            .coApplicants, dossier: l.dossier.id, version: version, by: Self.actor(req, l),
            change: DossierEdits.removeCoApplicant(index))
        return try await answer(req, l, .coApplicants, values, result, then: "\(l.path)/codemandeurs")
    }

    /// « Ajouter une entreprise » to the financing plan.
    func addCompany(req: Request) async throws -> Response {
        let l = try await Self.load(req, .act)
        let values = try req.formValues()
        let version = try Self.version(values, l.dossier)
        let result = try await service(req).addCompany(
            values, dossier: l.dossier.id, version: version, by: Self.actor(req, l))
        return try await answer(req, l, .plan, values, result, then: "\(l.path)/plan-de-financement")
    }

    func removeCompany(req: Request) async throws -> Response {
        let l = try await Self.load(req, .act)
        guard let siret = req.parameters.get("siret"),
            l.dossier.answers.plan.companies.contains(where: { $0.siret.value == siret })
        else { throw Abort(.notFound) }
        let values = try req.formValues()
        let version = try Self.version(values, l.dossier)
        let result = try await service(req).save(
            .plan, dossier: l.dossier.id, version: version, by: Self.actor(req, l),
            change: DossierEdits.removeCompany(siret))
        return try await answer(req, l, .plan, values, result, then: "\(l.path)/plan-de-financement")
    }

    /// `POST …/plan-de-financement/calcul`: the plan's form computed without saving (the page's
    /// live region, `InlineScript.planLive`); `{"text": …}`.
    func computePlan(req: Request) async throws -> Response {
        let l = try await Self.load(req, .act)
        var answers = l.dossier.answers
        let problems = PlanForm.apply(try req.formValues(), to: &answers)
        let text: String
        if let first = problems.first {
            text = "Calcul en attente : " + FrenchText.sentence(first.message)
        } else {
            let parameters = try await req.application.parameters.current(on: req.db)
            let result = RenovationSimulation.run(
                answers.renovationCase, on: Self.referenceDay(req, l.dossier), parameters: parameters,
                reference: req.application.referenceData)
            text = DossierSteps.summary(result.financing)
        }
        return .json(JSONValue.object([("text", .string(text))]).serialized())
    }

    /// The review page: every answer, what keeps the dossier from being filed, « Déposer ».
    func review(_ req: Request, _ l: Loaded, _ b: DossierSteps.Base) async throws -> DossierPageModel {
        let e = try await service(req).evaluate(l.dossier, on: Self.referenceDay(req, l.dossier))
        let sections = DossierOverview.sections(
            l.dossier.answers,
            civilStatus: try await CivilStatusStore().find(user: l.dossier.beneficiaryID, on: req.db),
            amo: l.amo.map { "\($0.name) – \(l.dossier.mandate.french)" },
            documents: (e.required.filter { e.documents[$0.key] != nil }.count, e.required.count),
            subsidy: e.simulation.financing?.subsidy)
        return DossierOverview.review(b, sections: sections, problems: l.dossier.state == .draft ? e.problems : [])
    }

    /// « Déposer le dossier »: refused with every problem, each linked to its page.
    func file(req: Request) async throws -> Response {
        let l = try await Self.load(req, .act)
        let values = try req.formValues()
        let version = try Self.version(values, l.dossier)
        let (result, jobs) = try await service(req).file(
            dossier: l.dossier.id, version: version, by: Self.actor(req, l))
        switch result {
        case .success(let d):
            let runner = req.application.jobRunner()
            for job in jobs { await runner.start(job) }
            return Flash.redirect(req, to: l.path, .dossierFiled(reference: d.reference))
        case .failure(.lifecycle(let refusal)) where !refusal.problems.isEmpty:
            let b = Self.base(req, l, state: req.formState(errors: [.init(field: "depot", message: refusal.message)]))
            return .html(DossierPage.render(req.page(), try await review(req, l, b)), status: .unprocessableEntity)
        case .failure(.lifecycle(let refusal)):
            return Flash.redirect(req, to: l.path, .dossierRefused(refusal.message))
        case .failure(.form(let problems)):
            return Flash.redirect(req, to: l.path, .dossierRefused(problems.first?.message ?? ""))
        }
    }
}
