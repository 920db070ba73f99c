import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import Vapor

extension DossierAPIController {
    /// `POST …/codemandeurs`: one more owner, with the fields of « Ajouter un codemandeur ».
    func addCoApplicant(req: Request) async throws -> Response {
        let (l, body, version): (DossierController.Loaded, JSONValue, Int)
        switch try await prepared(req, .act) {
        case .failure(let answer): return answer.response
        case .success(let p): (l, body, version) = p
        }
        let values = DossierJSON.values(body)
        let result = try await req.application.dossierService(db: req.db).save(
            .coApplicants, dossier: l.dossier.id, version: version, by: DossierController.actor(req, l),
            change: DossierEdits.addCoApplicant(values))
        return try await outcome(req, l, result)
    }

    /// `DELETE …/codemandeurs/{numéro}`, `…/entreprises/{siret}`, `…/pieces/{clé}` with
    /// `?version=…`: what the pages' « Retirer » and « Supprimer » buttons do.
    func remove(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .act)
        guard let version = req.query[Int.self, at: "version"] else {
            return Self.error("Paramètre « version » (entier) attendu : celle du dossier lu.", .unprocessableEntity)
        }
        let service = req.application.dossierService(db: req.db)
        let actor = DossierController.actor(req, l)
        if req.parameters.get("key") != nil {
            let document = try DossierDocumentsController.document(req, l)
            let result = try await service.remove(
                document, dossier: l.dossier.id, version: version, files: req.application.files, by: actor)
            return try await outcome(req, l, result)
        }
        if let siret = req.parameters.get("siret") {
            guard l.dossier.answers.plan.companies.contains(where: { $0.siret.value == siret }) else {
                throw Abort(.notFound)
            }
            let result = try await service.save(
                .plan, dossier: l.dossier.id, version: version, by: actor, change: DossierEdits.removeCompany(siret))
            return try await outcome(req, l, result)
        }
        guard let index = req.parameters.get("index", as: Int.self), index >= 1,
            index <= l.dossier.answers.coApplicants.count
        else { throw Abort(.notFound) }
        let result = try await service.save(
            .coApplicants, dossier: l.dossier.id, version: version, by: actor,
            change: DossierEdits.removeCoApplicant(index))
        return try await outcome(req, l, result)
    }
}
