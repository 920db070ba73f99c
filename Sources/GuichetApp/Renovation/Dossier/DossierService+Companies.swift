import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

extension DossierService {
    /// « Ajouter une entreprise »: a company new to the registry is registered with its bank
    /// details in the same transaction as the dossier's plan; a known one keeps its details.
    func addCompany(
        _ values: [String: String], dossier id: DossierID, version: Int, by actor: Actor
    ) async throws
        -> Result<DossierRecord, Refusal>
    {
        let now = clock.now()
        return try await db.write(refusable: { tx -> Result<DossierRecord, Refusal> in
            let d = try await locked(id, at: version, on: tx)
            let known =
                try await Siret(values["siret"] ?? "").asyncMap {
                    try await WorksCompanyStore().find(siret: $0, on: tx)
                } ?? nil
            switch PlanForm.readCompany(values, existing: d.answers.plan.companies, known: known) {
            case .failure(let problems): return .failure(.form(problems.fields))
            case .success(let (company, registration)):
                if case .failure(let refusal) = DossierLifecycle.transition(d.state, .save(.plan), mandate: d.mandate) {
                    return .failure(.lifecycle(refusal))
                }
                if let registration {
                    try await WorksCompanyStore().registerIfAbsent(registration, by: actor.userID, at: now, on: tx)
                }
                var answers = d.answers
                answers.plan.companies.append(company)
                return try await apply(
                    .save(.plan), to: d, version: version, answers: answers, now: now, by: actor, on: tx)
            }
        })
    }
}
