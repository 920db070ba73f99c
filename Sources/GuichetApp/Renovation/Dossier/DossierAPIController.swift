import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

/// The dossier's API (issue #12), with a personal API token: an AMO's software creates a dossier
/// from a test and its client's civil status, fills each step with the fields of the pages'
/// forms (same reading, same French errors), uploads documents, reads the plan and files.
struct DossierAPIController: RouteCollection {
    static let maxBody: ByteCount = "256kb"

    func boot(routes: any RoutesBuilder) throws {
        let people = DossierController.people
        let json = HTTPBodyStreamStrategy.collect(maxSize: Self.maxBody)
        routes.on(.GET, "api", "v1", "dossiers", access: people, use: list)
        routes.on(.POST, "api", "v1", "dossiers", access: people, body: json, use: create)
        routes.on(.GET, "api", "v1", "dossiers", ":dossier", access: people, use: show)
        routes.on(.PUT, "api", "v1", "dossiers", ":dossier", "etapes", ":step", access: people, body: json, use: save)
        routes.on(
            .POST, "api", "v1", "dossiers", ":dossier", "entreprises", access: people, body: json, use: addCompany)
        routes.on(.POST, "api", "v1", "dossiers", ":dossier", "mandat", access: people, body: json, use: mandate)
        routes.on(
            .POST, "api", "v1", "dossiers", ":dossier", "codemandeurs", access: people, body: json, use: addCoApplicant)
        routes.on(.DELETE, "api", "v1", "dossiers", ":dossier", "codemandeurs", ":index", access: people, use: remove)
        routes.on(.DELETE, "api", "v1", "dossiers", ":dossier", "entreprises", ":siret", access: people, use: remove)
        routes.on(.DELETE, "api", "v1", "dossiers", ":dossier", "pieces", ":key", access: people, use: remove)
        routes.on(
            .PUT, "api", "v1", "dossiers", ":dossier", "pieces", ":key", access: people,
            body: .collect(maxSize: ByteCount(value: 101 * 1_048_576)), use: upload)
        routes.on(.POST, "api", "v1", "dossiers", ":dossier", "depot", access: people, body: json, use: file)
    }

    static func error(_ message: String, _ status: HTTPResponseStatus) -> Response {
        .json(JSONValue.object([("error", .string(message))]).serialized(), status: status)
    }

    /// The body as a JSON object, or the answer to give.
    static func body(_ req: Request) -> Result<JSONValue, APIAnswer> {
        let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
        guard let value = try? JSONParser.parse(bytes), case .object = value else {
            return .failure(APIAnswer(error("Le corps doit être un objet JSON.", .unprocessableEntity)))
        }
        return .success(value)
    }

    static func version(_ body: JSONValue) -> Int? { body["version"]?.integral.flatMap { Int(exactly: $0) } }

    func show(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .see)
        return try await Self.answer(req, l.dossier.id)
    }

    static func answer(_ req: Request, _ id: DossierID, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let d = try await DossierStore().find(id: id, on: req.db) else { throw Abort(.notFound) }
        let e = try await req.application.dossierService(db: req.db).evaluate(
            d, on: DossierController.referenceDay(req, d))
        return .json(DossierJSON.dossier(e).serialized(), status: status)
    }

    func list(req: Request) async throws -> Response {
        let p = try req.signedIn()
        let cursor = req.query[String.self, at: "apres"].flatMap(TimeCursor.init(text:))
        var rows: [DossierSummary]
        if let amo = try await DossierStartController.amo(req, p) {
            rows = try await DossierStore().summaries(
                amo: amo.id, after: cursor, limit: DossierController.pageSize + 1, on: req.db)
        } else {
            rows = try await DossierStore().list(beneficiary: p.user.id, on: req.db).map(DossierSummary.init)
        }
        let next = rows.count > DossierController.pageSize ? rows[DossierController.pageSize - 1] : nil
        rows = Array(rows.prefix(DossierController.pageSize))
        return .json(
            JSONValue.object([
                ("dossiers", .array(rows.map(DossierJSON.summary))),
                ("suivant", next.map { .string(DossierStore.cursor(of: $0).text) } ?? .null),
            ]).serialized())
    }

    /// `{"test": {…answers of the eligibility test…}, "beneficiaire": {…civil status and contact…}}`.
    func create(req: Request) async throws -> Response {
        let p = try req.signedIn()
        let body: JSONValue
        switch Self.body(req) {
        case .success(let b): body = b
        case .failure(let answer): return answer.response
        }
        let answers = DossierJSON.values(body["test"]).filter { EligibilityQuestionnaire.fieldOrder.contains($0.key) }
        guard let test = try await DossierStartController.eligibleCase(req, answers) else {
            return Self.error(
                "Le test d'éligibilité (« test ») n'est pas concluant : pas de dossier.", .unprocessableEntity)
        }
        let service = req.application.dossierService(db: req.db)
        guard let amo = try await DossierStartController.amo(req, p) else {
            let actor = DossierService.Actor(audit: .of(req), userID: p.user.id, onBehalfOf: nil)
            let d = try await service.createForBeneficiary(p.user, test: test, by: actor)
            return try await Self.answer(req, d.id, status: .created)
        }
        var r = FormReader(DossierJSON.values(body["beneficiaire"]))
        let civil = CivilStatusForm.read(&r)
        let contact = DossierStartController.contact(&r)
        guard r.problems.isEmpty, let civil, let contact else {
            return .json(
                DossierJSON.problems("Bénéficiaire : informations à corriger.", r.problems).serialized(),
                status: .unprocessableEntity)
        }
        let actor = DossierService.Actor(audit: .of(req), userID: p.user.id, onBehalfOf: civil.displayName)
        switch try await service.createByAMO(
            .init(civilStatus: civil, contact: contact, test: test), amo: amo, by: actor)
        {
        case .success(let d): return try await Self.answer(req, d.id, status: .created)
        case .failure(let refusal): return Self.refused(refusal)
        }
    }

    static func refused(_ r: DossierService.Refusal) -> Response {
        switch r {
        case .form(let fields):
            return .json(
                DossierJSON.problems("Le formulaire contient des erreurs.", fields).serialized(),
                status: .unprocessableEntity)
        case .lifecycle(let refusal):
            let fields = refusal.problems.map { FieldProblem(field: $0.step.rawValue, message: $0.message) }
            return .json(DossierJSON.problems(refusal.message, fields).serialized(), status: .unprocessableEntity)
        }
    }
}

/// An answer given instead of going on (a body that is not JSON, a version missing).
struct APIAnswer: Error, @unchecked Sendable {
    let response: Response
    init(_ response: Response) { self.response = response }
}
