import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// From an eligible test to an account and a dossier: a visitor creates their account
/// (`/renovation/compte`), an AMO its client's, a beneficiary a dossier for another dwelling
/// (`/dossiers/nouveau`). The test's answers travel with the form (`test_…` fields) and are
/// decided again on submission: only an eligible result makes a dossier.
struct DossierStartController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "renovation", "compte", access: .everyone, use: visitorForm)
        routes.on(.POST, "renovation", "compte", access: .everyone, use: visitorCreate)
        routes.on(.GET, "dossiers", "nouveau", access: DossierController.people, use: newForm)
        routes.on(.POST, "dossiers", "nouveau", access: DossierController.people, use: create)
    }

    static let prefix = "test_"

    /// The test's answers from the query (a link from the result) or the form (carried).
    static func answers(query req: Request) -> [String: String] {
        var out: [String: String] = [:]
        for key in EligibilityQuestionnaire.fieldOrder {
            if let v = req.query[String.self, at: key] ?? req.query[String.self, at: prefix + key], v.count <= 200 {
                out[key] = v
            }
        }
        return out
    }

    static func answers(form values: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for key in EligibilityQuestionnaire.fieldOrder {
            if let v = values[prefix + key], v.count <= 200 { out[key] = v }
        }
        return out
    }

    static func carried(_ answers: [String: String]) -> [(String, String)] {
        EligibilityQuestionnaire.fieldOrder.compactMap { k in answers[k].map { (prefix + k, $0) } }
    }

    /// The test decided again: the case when eligible, nil otherwise.
    static func eligibleCase(_ req: Request, _ answers: [String: String]) async throws -> RenovationCase? {
        let reference = req.application.referenceData
        let (c, errors) = EligibilityQuestionnaire(answers: answers).parse(reference: reference)
        guard errors.isEmpty else { return nil }
        let parameters = try await req.application.parameters.current(on: req.db)
        let result = RenovationSimulation.run(
            c, on: req.application.clock.today, parameters: parameters, reference: reference)
        return result.eligibility.eligible ? c : nil
    }

    static func notEligible(_ req: Request) -> Response {
        Flash.redirect(
            req, to: "/renovation/eligibilite",
            .dossierRefused("Le test d'éligibilité n'est pas concluant : reprenez-le avant de créer un dossier"))
    }

    func visitorForm(req: Request) async throws -> Response {
        let answers = Self.answers(query: req)
        if req.principal != nil { return req.redirect(to: "/dossiers/nouveau?" + (req.url.query ?? "")) }
        guard try await Self.eligibleCase(req, answers) != nil else { return Self.notEligible(req) }
        let form = DossierStart.form(.visitor, state: req.formState(), carried: Self.carried(answers))
        return .html(FormPage.render(req.page(), form))
    }

    func visitorCreate(req: Request) async throws -> Response {
        let values = try req.formValues()
        let answers = Self.answers(form: values)
        guard let test = try await Self.eligibleCase(req, answers) else { return Self.notEligible(req) }
        var r = FormReader(values)
        let civil = CivilStatusForm.read(&r)
        let contact = Self.contact(&r)
        let accounts = AccountService(app: req.application, db: req.db)
        var problems = r.problems
        problems += accounts.passwordErrors(
            values["password"] ?? "", confirm: values["confirm"] ?? "", email: contact?.email, name: civil?.displayName)
        guard problems.isEmpty, let civil, let contact else {
            let form = DossierStart.form(
                .visitor, state: req.formState(values, errors: problems), carried: Self.carried(answers))
            return .html(FormPage.render(req.page(), form), status: .unprocessableEntity)
        }
        let hash = try accounts.passwords.hash(values["password"] ?? "")
        let done = try await req.application.dossierService(db: req.db).createBySelf(
            .init(civilStatus: civil, contact: contact, test: test), passwordHash: hash, by: .of(req))
        guard done else {
            let form = DossierStart.form(
                .visitor,
                state: req.formState(values, errors: [.init(field: "email", message: MailQuota.tooManyMessage)]),
                carried: Self.carried(answers))
            return .html(FormPage.render(req.page(), form), status: .tooManyRequests)
        }
        return .html(InfoPage.render(req.page(), DossierStart.checkYourMail))
    }

    /// Contact details: the e-mail checked as accounts check it.
    static func contact(_ r: inout FormReader) -> ContactDetails? {
        let email = r.text("email", "Adresse e-mail", max: TextLimits.email).map(AccountService.normalise)
        if let email, let problem = AccountService.emailProblem(email) { r.problem("email", problem) }
        let mobile = r.text("mobile", "Téléphone portable", max: 20)
        let landline = r.text("landline", "Autre numéro de téléphone", max: 20, optional: true)
        guard let email, let mobile, let landline, AccountService.emailProblem(email) == nil else { return nil }
        return ContactDetails(email: email, mobile: mobile, landline: landline)
    }

    func newForm(req: Request) async throws -> Response {
        let p = try req.signedIn()
        let answers = Self.answers(query: req)
        guard try await Self.eligibleCase(req, answers) != nil else { return Self.notEligible(req) }
        let who = try await Self.who(req, p)
        return .html(
            FormPage.render(req.page(), DossierStart.form(who, state: req.formState(), carried: Self.carried(answers))))
    }

    static func who(_ req: Request, _ p: Principal) async throws -> DossierStart.Who {
        if let amo = try await Self.amo(req, p) { return .amo(name: amo.name) }
        return .beneficiary
    }

    /// The AMO organisation the person acts for (an accepted one).
    static func amo(_ req: Request, _ p: Principal) async throws -> OrganisationRecord? {
        p.acceptedOrganisation(for: .amo)
    }

    func create(req: Request) async throws -> Response {
        let p = try req.signedIn()
        let values = try req.formValues()
        let answers = Self.answers(form: values)
        guard let test = try await Self.eligibleCase(req, answers) else { return Self.notEligible(req) }
        let service = req.application.dossierService(db: req.db)
        guard let amo = try await Self.amo(req, p) else {
            guard p.has(.beneficiaire) else { throw Abort(.forbidden) }
            let actor = DossierService.Actor(audit: .of(req), userID: p.user.id, onBehalfOf: nil)
            let d = try await service.createForBeneficiary(p.user, test: test, by: actor)
            return Flash.redirect(req, to: "/dossiers/\(d.id.uuidString)", .dossierSaved(step: .amo))
        }
        var r = FormReader(values)
        let civil = CivilStatusForm.read(&r)
        let contact = Self.contact(&r)
        let actor = DossierService.Actor(audit: .of(req), userID: p.user.id, onBehalfOf: civil?.displayName)
        let result: Result<DossierRecord, DossierService.Refusal>
        if r.problems.isEmpty, let civil, let contact {
            result = try await service.createByAMO(
                .init(civilStatus: civil, contact: contact, test: test), amo: amo, by: actor)
        } else {
            result = .failure(.form(r.problems))
        }
        switch result {
        case .success(let d):
            return Flash.redirect(req, to: "/dossiers/\(d.id.uuidString)", .dossierCreated(reference: d.reference))
        case .failure(.form(let problems)):
            let form = DossierStart.form(
                .amo(name: amo.name), state: req.formState(values, errors: problems), carried: Self.carried(answers))
            return .html(FormPage.render(req.page(), form), status: .unprocessableEntity)
        case .failure(.lifecycle(let refusal)):
            return Flash.redirect(req, to: "/dossiers", .dossierRefused(refusal.message))
        }
    }
}
