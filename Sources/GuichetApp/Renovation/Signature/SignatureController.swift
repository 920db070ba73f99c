import Crypto
import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

/// `/dossiers/:dossier/signature…`: the beneficiary reads the agreement page by page, accepts the
/// conditions, receives a code, types it, checks the recapitulation and signs (`RENO-C`, issue
/// #13). The AMO may read the agreement but not sign: « L'AMO n'a pas de délégation de signature ».
struct SignatureController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let readers = DossierController.readers
        let people = DossierController.people
        routes.on(.GET, "dossiers", ":dossier", "signature", access: readers, use: read)
        routes.on(.GET, "dossiers", ":dossier", "signature", "conditions", access: people, use: conditions)
        routes.on(.POST, "dossiers", ":dossier", "signature", "conditions", access: people, use: accept)
        routes.on(.GET, "dossiers", ":dossier", "signature", "code", access: people, use: code)
        routes.on(.POST, "dossiers", ":dossier", "signature", "envoi", access: people, use: send)
        routes.on(.POST, "dossiers", ":dossier", "signature", "recapitulatif", access: people, use: recap)
        routes.on(.POST, "dossiers", ":dossier", "signature", "signer", access: people, use: sign)
    }

    static let amoCannotSign = "Seul le bénéficiaire signe la convention : l'AMO n'a pas de délégation de signature."

    func service(_ req: Request) -> SignatureService { req.application.signatureService(db: req.db) }

    static func client(_ req: Request) -> SignatureService.Client {
        .init(ip: req.clientAddress, userAgent: req.userAgent)
    }

    /// The dossier awaiting signature, for its beneficiary (`beneficiaryOnly`: anyone else who
    /// may see it is told why not, with 403).
    static func load(_ req: Request, beneficiaryOnly: Bool) async throws -> DossierController.Loaded {
        let l = try await DossierController.load(req, .see)
        guard l.dossier.state == .awaitingSignature else {
            throw Abort(
                .conflict, reason: "Cette convention n'attend pas de signature (dossier « \(l.dossier.state.french) »)."
            )
        }
        if beneficiaryOnly, !l.viewerIsBeneficiary { throw Abort(.forbidden, reason: amoCannotSign) }
        return l
    }

    static func context(_ req: Request, _ l: DossierController.Loaded) -> DossierContext {
        DossierController.base(req, l, state: req.formState()).context
    }

    func agreementPages(_ req: Request, _ d: DossierRecord) async throws -> [[PDFText.Line]] {
        guard let id = try await InstructionStore().find(d.id, on: req.db)?.agreementFileID,
            let stored = try await req.application.files.get(id: id, on: req.db)
        else { throw Abort(.notFound) }
        return try PDFText.pages(stored.data)
    }

    func read(req: Request) async throws -> Response {
        let l = try await Self.load(req, beneficiaryOnly: false)
        let pages = try await agreementPages(req, l.dossier)
        let number = min(max(1, req.query[Int.self, at: "page"] ?? 1), max(1, pages.count))
        var notices: [(PageModel.FlashKind, String)] = []
        if l.viewerIsBeneficiary {
            try await service(req).viewed(l.dossier, page: number, of: pages.count, client: Self.client(req))
        } else {
            notices.append((.info, Self.amoCannotSign))
        }
        let read = try await Self.pagesRead(req, l.dossier)
        let lines = PDFText.reading(pages.indices.contains(number - 1) ? pages[number - 1] : []).map {
            PageLine($0.text, bold: $0.bold)
        }
        let model = SignaturePages.reading(
            context: Self.context(req, l), path: l.path, number: number, count: pages.count, lines: lines,
            allRead: l.viewerIsBeneficiary && read.count >= pages.count, notices: notices)
        return .html(DossierPage.render(req.page(), model))
    }

    static func pagesRead(_ req: Request, _ d: DossierRecord) async throws -> Set<String> {
        Set(try await SignatureStore().events(of: d.id, on: req.db).filter { $0.kind == .viewed }.map(\.detail))
    }

    func conditions(req: Request) async throws -> Response {
        let l = try await Self.load(req, beneficiaryOnly: true)
        let model = SignaturePages.conditionsPage(context: Self.context(req, l), path: l.path, state: req.formState())
        return .html(DossierPage.render(req.page(), model))
    }

    func accept(req: Request) async throws -> Response {
        let l = try await Self.load(req, beneficiaryOnly: true)
        let values = try req.formValues()
        let count = try await agreementPages(req, l.dossier).count
        var problems: [FieldProblem] = []
        if try await Self.pagesRead(req, l.dossier).count < count {
            problems.append(
                FieldProblem(field: "accepte", message: "Lisez chaque page de la convention avant de continuer."))
        }
        if values["accepte"] != "oui" {
            problems.append(FieldProblem(field: "accepte", message: "Cochez la case pour accepter les conditions."))
        }
        guard problems.isEmpty else {
            let model = SignaturePages.conditionsPage(
                context: Self.context(req, l), path: l.path, state: req.formState(values, errors: problems))
            return .html(DossierPage.render(req.page(), model), status: .unprocessableEntity)
        }
        _ = try await service(req).acceptConditions(l.dossier, client: Self.client(req))
        return req.redirect(to: "\(l.path)/signature/code")
    }
}
