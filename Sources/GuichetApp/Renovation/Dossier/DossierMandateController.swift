import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// The AMO's mandate on a dossier (`RENO-E10`, the guide's « Informations assistant maîtrise
/// d'ouvrage »): chosen by the beneficiary or confirmed by the AMO that made the dossier,
/// accepted by the AMO, withdrawn by the beneficiary.
struct DossierMandateController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "dossiers", ":dossier", "amo", "choix", access: DossierController.people, use: choose)
        routes.on(.POST, "dossiers", ":dossier", "amo", "acceptation", access: DossierController.people, use: accept)
        routes.on(.POST, "dossiers", ":dossier", "amo", "retrait", access: DossierController.people, use: withdraw)
    }

    func choose(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .act)
        let values = try req.formValues()
        let version = try DossierController.version(values, l.dossier)
        let amo: OrganisationRecord
        if l.viewerIsBeneficiary {
            switch try await Self.chosen(values, on: req.db) {
            case .success(let found): amo = found
            case .failure(let problems):
                return try await DossierController().stepPage(
                    req, l, .amo, state: req.formState(values, errors: problems.fields), status: .unprocessableEntity)
            }
        } else {
            guard l.viewerIsTheAMO, l.dossier.createdByAMO, let own = l.amo else { throw Abort(.notFound) }
            amo = own
        }
        let result = try await req.application.dossierService(db: req.db).mandate(
            .choose(amo, byAMO: !l.viewerIsBeneficiary), dossier: l.dossier.id, version: version,
            by: DossierController.actor(req, l))
        let notice: Notice = l.viewerIsBeneficiary ? .mandateRequested(amo: amo.name) : .mandateAccepted
        return try await DossierController().answer(req, l, .amo, values, result, then: l.path, notice: notice)
    }

    /// The AMO of the directory chosen, or the one whose SIRET is given (an accepted partner).
    static func chosen(
        _ values: [String: String], on db: Database
    ) async throws -> Result<OrganisationRecord, FormProblems> {
        if let id = values["amo"].flatMap(OrganisationID.init(uuidString:)),
            let o = try await OrganisationStore().find(id: id, on: db), o.kind == .amo, o.status == .accepted
        {
            return .success(o)
        }
        var r = FormReader(values)
        guard case .some(.some(let siret)) = r.siret("siret", "SIRET de votre AMO") else {
            return .failure(
                FormProblems(
                    r.problems.isEmpty
                        ? [.init(field: "amo", message: "AMO : choisissez un AMO ou indiquez son SIRET.")] : r.problems)
            )
        }
        let found = try await OrganisationStore().find(kind: .amo, identifier: siret.value, on: db).first {
            $0.status == .accepted
        }
        guard let found else {
            return .failure(
                FormProblems([
                    .init(
                        field: "siret",
                        message: "SIRET de votre AMO : aucun AMO partenaire d'Action Logement n'a ce SIRET.")
                ]))
        }
        return .success(found)
    }

    func accept(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .see)
        guard l.viewerIsTheAMO, let amo = l.amo else { throw Abort(.notFound) }
        let values = try req.formValues()
        let version = try DossierController.version(values, l.dossier)
        let result = try await req.application.dossierService(db: req.db).mandate(
            .accept(amo), dossier: l.dossier.id, version: version, by: DossierController.actor(req, l))
        return try await DossierController().answer(
            req, l, .amo, values, result, then: l.path, notice: .mandateAccepted)
    }

    func withdraw(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .act)
        guard l.viewerIsBeneficiary else { throw Abort(.notFound) }
        let values = try req.formValues()
        let version = try DossierController.version(values, l.dossier)
        let result = try await req.application.dossierService(db: req.db).mandate(
            .withdraw, dossier: l.dossier.id, version: version, by: DossierController.actor(req, l))
        return try await DossierController().answer(
            req, l, .amo, values, result, then: l.path, notice: .mandateWithdrawn)
    }
}
