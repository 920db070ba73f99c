import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

extension DossierAPIController {
    /// The dossier, the body and the version it was read at; or the answer to give.
    func prepared(
        _ req: Request, _ action: ObjectPolicy.Action
    ) async throws -> Result<
        (DossierController.Loaded, JSONValue, Int), APIAnswer
    > {
        let l = try await DossierController.load(req, action)
        switch Self.body(req) {
        case .failure(let answer): return .failure(answer)
        case .success(let body):
            guard let version = Self.version(body) else {
                return .failure(
                    APIAnswer(Self.error("« version » (entier) attendue : celle du dossier lu.", .unprocessableEntity)))
            }
            return .success((l, body, version))
        }
    }

    /// `PUT …/etapes/{etape}` with the fields of the step's form and the version read.
    func save(req: Request) async throws -> Response {
        guard let step = req.parameters.get("step").flatMap(DossierStep.init(rawValue:)),
            DossierController.saved.contains(step)
        else { throw Abort(.notFound) }
        let (l, body, version): (DossierController.Loaded, JSONValue, Int)
        switch try await prepared(req, .act) {
        case .failure(let answer): return answer.response
        case .success(let p): (l, body, version) = p
        }
        let values = DossierJSON.values(body)
        guard let change = DossierEdits.save(step, values, reference: req.application.referenceData) else {
            throw Abort(.notFound)
        }
        let result = try await req.application.dossierService(db: req.db).save(
            step, dossier: l.dossier.id, version: version, by: DossierController.actor(req, l), change: change)
        return try await outcome(req, l, result)
    }

    func outcome(
        _ req: Request, _ l: DossierController.Loaded, _ result: Result<DossierRecord, DossierService.Refusal>
    ) async throws -> Response {
        switch result {
        case .success: return try await Self.answer(req, l.dossier.id)
        case .failure(let refusal): return Self.refused(refusal)
        }
    }

    /// `POST …/entreprises`: a works company of the plan (the form « Ajouter une entreprise »).
    func addCompany(req: Request) async throws -> Response {
        let (l, body, version): (DossierController.Loaded, JSONValue, Int)
        switch try await prepared(req, .act) {
        case .failure(let answer): return answer.response
        case .success(let p): (l, body, version) = p
        }
        let values = DossierJSON.values(body)
        let result = try await req.application.dossierService(db: req.db).addCompany(
            values, dossier: l.dossier.id, version: version, by: DossierController.actor(req, l))
        return try await outcome(req, l, result)
    }

    /// `POST …/mandat`: the AMO confirms the dossier it created, or accepts a beneficiary's request.
    func mandate(req: Request) async throws -> Response {
        let (l, _, version): (DossierController.Loaded, JSONValue, Int)
        switch try await prepared(req, .see) {
        case .failure(let answer): return answer.response
        case .success(let p): (l, _, version) = p
        }
        guard l.viewerIsTheAMO, let amo = l.amo else { throw Abort(.notFound) }
        let action: DossierService.MandateAction =
            l.dossier.mandate == .requested ? .accept(amo) : .choose(amo, byAMO: true)
        let result = try await req.application.dossierService(db: req.db).mandate(
            action, dossier: l.dossier.id, version: version, by: DossierController.actor(req, l))
        return try await outcome(req, l, result)
    }

    /// `PUT …/pieces/{cle}?version=…&date=JJ/MM/AAAA`, the body being the file.
    func upload(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .act)
        let document = try DossierDocumentsController.document(req, l)
        guard let version = req.query[Int.self, at: "version"] else {
            return Self.error("Paramètre « version » (entier) attendu : celle du dossier lu.", .unprocessableEntity)
        }
        let (date, dateProblem) = DossierService.documentDate(req.query[String.self, at: "date"] ?? "", of: document)
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let service = req.application.dossierService(db: req.db)
        let name = String((req.query[String.self, at: "nom"] ?? "\(document.key).pdf").prefix(TextLimits.line))
        let u = DossierService.Upload(document: document, fileName: name, data: data, date: date)
        let (kind, problems) = await service.check(
            u, maxBytes: req.application.guichetConfig.maxDocumentBytes, scanner: req.application.virusScanner)
        // Every problem at once, the date's first (its « indiquez la date » twin left out).
        let fileProblems = dateProblem == nil ? problems : problems.filter { !$0.contains("indiquez la date") }
        guard dateProblem == nil, fileProblems.isEmpty, let kind else {
            let fields =
                (dateProblem.map { [FieldProblem(field: "date", message: $0)] } ?? [])
                + fileProblems.map { FieldProblem(field: "fichier", message: $0) }
            return .json(DossierJSON.problems("Pièce refusée.", fields).serialized(), status: .unprocessableEntity)
        }
        let result = try await service.store(
            u, kind: kind, dossier: l.dossier.id, version: version, files: req.application.files,
            by: DossierController.actor(req, l))
        return try await outcome(req, l, result)
    }

    /// `POST …/depot` with the version read: the dossier filed, or every problem with its step.
    func file(req: Request) async throws -> Response {
        let (l, _, version): (DossierController.Loaded, JSONValue, Int)
        switch try await prepared(req, .act) {
        case .failure(let answer): return answer.response
        case .success(let p): (l, _, version) = p
        }
        let (result, jobs) = try await req.application.dossierService(db: req.db).file(
            dossier: l.dossier.id, version: version, by: DossierController.actor(req, l))
        if case .success = result {
            let runner = req.application.jobRunner()
            for job in jobs { await runner.start(job) }
        }
        return try await outcome(req, l, result)
    }
}
