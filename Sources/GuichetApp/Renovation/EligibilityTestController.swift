import GuichetDomain
import GuichetViews
import Vapor

/// `GET /renovation/eligibilite`: the public eligibility test. Every answer travels in the query
/// string (nothing is stored, nothing changes), so the test works without JavaScript or account.
struct EligibilityTestController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "renovation", "eligibilite", access: .everyone, use: test)
    }

    func test(req: Request) async throws -> Response {
        var answers: [String: String] = [:]
        for key in EligibilityQuestionnaire.fieldOrder {
            if let v = req.query[String.self, at: key], v.count <= 200 { answers[key] = v }
        }
        let questionnaire = EligibilityQuestionnaire(answers: answers)
        let reference = req.application.referenceData
        let (c, errors) = questionnaire.parse(reference: reference)
        let today = req.application.clock.today
        let parameters = try await req.application.parameters.current(on: req.db)
        let result = RenovationSimulation.run(c, on: today, parameters: parameters, reference: reference)
        let e = result.eligibility

        if let next = questionnaire.next(for: c, eligibility: e, reference: reference) {
            let asked = Set(next.questions.map(Self.name))
            let carried = EligibilityQuestionnaire.fieldOrder.compactMap { k in
                answers[k].flatMap { asked.contains(k) ? nil : (k, $0) }
            }
            let step = EligibilityTestPages.StepModel(
                step: next.step.prefix(1).uppercased() + next.step.dropFirst(), stepNumber: next.number, stepCount: 5,
                questions: next.questions, carried: carried,
                state: FormState(values: answers, errors: errors.filter { asked.contains($0.field) }))
            return .html(EligibilityTestPages.step(req.page(), step))
        }

        let query = EligibilityQuestionnaire.fieldOrder.compactMap { k in
            answers[k].map { "\(k)=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        }
        let editQuery = query.dropLast().joined(separator: "&")
        var model = EligibilityTestPages.ResultModel(
            eligible: e.eligible,
            criteria: e.criteria.map {
                .init(
                    rule: $0.rule.rawValue, status: $0.status.rawValue, title: Self.title($0.rule), message: $0.message)
            },
            facts: Self.facts(e),
            warnings: result.warnings.map(\.text),
            restartURL: "/renovation/eligibilite",
            editURL: "/renovation/eligibilite" + (editQuery.isEmpty ? "" : "?" + editQuery),
            parametersVersion: result.parametersVersion)
        let all = query.joined(separator: "&")
        if let p = req.principal {
            model.next = p.has(.amo) ? .amo(answers: all) : p.has(.beneficiaire) ? .beneficiary(answers: all) : .staff
        } else {
            model.next = .visitor(answers: all)
        }
        return .html(EligibilityTestPages.result(req.page(), model))
    }

    static func name(_ q: EligibilityTestPages.Question) -> String {
        switch q {
        case .radios(let name, _, _, _), .input(let name, _, _, _, _), .select(let name, _, _, _): name
        }
    }

    static func title(_ rule: RuleID) -> String {
        switch rule {
        case .e1: "Statut du demandeur"
        case .e2: "Indivision"
        case .e3: "SCI"
        case .e4: "Situation professionnelle"
        case .e5: "Ressources"
        case .e6: "Localisation du logement"
        case .e7: "Résidence principale"
        case .e8: "Travaux"
        default: rule.rawValue
        }
    }

    static func facts(_ e: EligibilityResult) -> [(String, String)] {
        var f: [(String, String)] = []
        if let z = e.zone { f.append(("Zone A/B/C", z.rawValue)) }
        if let acv = e.actionCoeurDeVille { f.append(("Commune Action Cœur de Ville", acv ? "oui" : "non")) }
        if let ceiling = e.incomeCeiling {
            f.append(("Plafond de ressources « modeste »", ceiling.formatted(dropZeroCents: true)))
        }
        if let cat = e.incomeCategory {
            f.append(("Catégorie de revenus", cat == .tresModeste ? "très modeste" : "modeste"))
        }
        return f
    }
}
