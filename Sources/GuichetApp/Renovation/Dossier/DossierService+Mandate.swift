import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// The AMO's mandate (`RENO-E10`): the beneficiary chooses an AMO of the directory or gives the
/// SIRET of the AMO already under contract, the AMO accepts; an AMO that created the dossier
/// confirms itself (« Je choisis cet AMO »); the beneficiary may withdraw the mandate.
extension DossierService {
    enum MandateAction: Sendable {
        case choose(OrganisationRecord, byAMO: Bool)
        case accept(OrganisationRecord)
        case withdraw
    }

    func mandate(
        _ action: MandateAction, dossier id: DossierID, version: Int, by actor: Actor
    ) async throws
        -> Result<DossierRecord, Refusal>
    {
        let now = clock.now()
        return try await db.write(refusable: { tx -> Result<DossierRecord, Refusal> in
            guard let d = try await DossierStore().locked(id: id, on: tx) else {
                throw ChangedMeanwhile(subjectKind: DossierRecord.subjectKind, id: id.rawValue)
            }
            switch action {
            case .choose(let amo, let byAMO):
                guard amo.kind == .amo, amo.status == .accepted else {
                    return .failure(
                        .form([
                            .init(field: "siret", message: "Cet AMO n'est pas un partenaire agréé d'Action Logement.")
                        ]))
                }
                return try await apply(
                    .chooseAMO(name: amo.name, byAMO: byAMO), to: d.choosing(amo.id), version: version, now: now,
                    by: actor,
                    extraColumns: [.init("amo_id", amo.id)], on: tx)
            case .accept(let amo):
                return try await apply(
                    .acceptMandate(name: amo.name), to: d, version: version, now: now, by: actor, on: tx)
            case .withdraw:
                let name =
                    try await d.amoID.asyncMap { try await OrganisationStore().find(id: $0, on: tx)?.name } ?? nil
                return try await apply(
                    .withdrawMandate(name: name ?? "AMO"), to: d, version: version, now: now, by: actor, on: tx)
            }
        })
    }
}
