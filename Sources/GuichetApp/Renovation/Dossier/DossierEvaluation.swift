import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// Everything the pages and the filing decide on, computed from a dossier: the task list, the
/// documents required and given, the engine's result (eligibility and plan) on a reference date,
/// the criteria that need stored data, and what keeps the dossier from being filed.
struct DossierEvaluation: Sendable {
    let dossier: DossierRecord
    let required: [RequiredDocument]
    let documents: [String: DossierDocumentRecord]
    let simulation: SimulationResult
    let storedCriteria: [Criterion]
    let progress: DossierProgress
    let problems: [FilingProblem]

    /// The documents required and not given yet, as the task list names them.
    static func missingDocuments(_ required: [RequiredDocument], _ given: [String: DossierDocumentRecord]) -> [String] {
        required.filter { given[$0.key] == nil }.map { "\($0.holderLabel) : \($0.kind.french)" }
    }

    /// Dated documents whose date is not valid on `day` (`RENO-D`).
    static func documentProblems(
        _ required: [RequiredDocument], _ given: [String: DossierDocumentRecord], on day: Day
    ) -> [String] {
        required.compactMap { r in
            guard let d = given[r.key] else { return nil }
            return RequiredDocuments.validity(of: r.kind, dated: d.documentDate, filingOn: day).map {
                "\(r.holderLabel) : \($0)"
            }
        }
    }
}

extension DossierService {
    /// The engine's run on the dossier's answers on `day`, with the parameters in force.
    func simulate(_ d: DossierRecord, on day: Day, tx: Database? = nil) async throws -> SimulationResult {
        let parameters = try await self.parameters.current(on: tx ?? db)
        return RenovationSimulation.run(d.answers.renovationCase, on: day, parameters: parameters, reference: reference)
    }

    /// The evaluation of a dossier on `day` (today for a draft, the filing date once filed).
    func evaluate(_ d: DossierRecord, on day: Day, tx: Database? = nil) async throws -> DossierEvaluation {
        let db = tx ?? self.db
        let required = RequiredDocuments.list(d.answers)
        let sirets = d.answers.plan.companies.map(\.siret.value)
        // A company's document: the shared one while the dossier may change (a Kbis renewed for a
        // refiling counts), the copy frozen at filing once it is filed.
        let given = Dictionary(
            try await DossierDocumentStore().documents(of: d.id, companies: sirets, on: db).map { ($0.key, $0) },
            uniquingKeysWith: { own, shared in d.state.isEditable ? shared : own })
        let simulation = try await simulate(d, on: day, tx: db)
        let stored = try await storedCriteria(d, on: db)
        let progress = DossierProgress.evaluate(
            d.answers, mandate: d.mandate, missingDocuments: DossierEvaluation.missingDocuments(required, given))
        let problems = DossierFilingCheck.problems(
            .init(
                progress: progress, simulation: simulation, storedCriteria: stored,
                documentProblems: DossierEvaluation.documentProblems(required, given, on: day)))
        return DossierEvaluation(
            dossier: d, required: required, documents: given, simulation: simulation, storedCriteria: stored,
            progress: progress, problems: problems)
    }

    /// `RENO-E9` (one live dossier per dwelling), `RENO-E10` (an AMO mandated), `RENO-E11` (RGE).
    func storedCriteria(_ d: DossierRecord, on db: Database) async throws -> [Criterion] {
        var out: [Criterion] = []
        if let insee = d.answers.dwelling.insee, let address = d.answers.dwelling.address {
            let others = try await DossierStore().live(
                insee: insee, addressKey: DossierEligibility.normalisedAddress(address), excluding: d.id, on: db)
            out.append(
                DossierEligibility.oneAidPerDwelling(
                    address: address, insee: insee,
                    live: others.map {
                        .init(reference: $0.reference, address: $0.answers.dwelling.address ?? "", insee: insee)
                    }))
        }
        if d.mandate != .accepted {
            out.append(Criterion(.e10, .missing, "Choisissez un AMO : son accompagnement est obligatoire."))
        }
        if !d.answers.plan.companies.isEmpty {
            out.append(DossierEligibility.rge(d.answers.plan.financingInput.companies))
        }
        return out
    }
}
