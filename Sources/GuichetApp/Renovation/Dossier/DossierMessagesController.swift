import Crypto
import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

/// A dossier's message thread between the beneficiary, its AMO and the instructors (issue #13):
/// each message e-mailed to the others, its attachment checked and scanned like a document; and
/// the files the decisions made (the agreement, the signed agreement, the refusal letter).
struct DossierMessagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let readers = DossierController.readers
        routes.on(.GET, "dossiers", ":dossier", "messages", access: readers, use: thread)
        routes.on(
            .POST, "dossiers", ":dossier", "messages", access: readers,
            body: .collect(maxSize: ByteCount(value: 11 * 1_048_576)), use: post)
        routes.on(
            .GET, "dossiers", ":dossier", "messages", ":message", "piece-jointe", access: readers, use: attachment)
        routes.on(.GET, "dossiers", ":dossier", "convention.pdf", access: readers) { req in
            try await self.file(req, \.agreementFileID, "convention")
        }
        routes.on(.GET, "dossiers", ":dossier", "convention-signee.pdf", access: readers) { req in
            try await self.file(req, \.signedFileID, "convention-signee")
        }
        routes.on(.GET, "dossiers", ":dossier", "lettre-refus.pdf", access: readers) { req in
            try await self.file(req, \.refusalFileID, "lettre-refus")
        }
    }

    static func shown(_ m: DossierMessage, dossier d: DossierRecord) -> DossierReviewPage.Message {
        DossierReviewPage.Message(
            at: AppClock.parisFormatter("dd/MM/yyyy HH:mm").string(from: m.writtenAt), author: m.authorLabel,
            body: m.body,
            attachment: m.fileName.map {
                ($0, "/dossiers/\(d.id.uuidString)/messages/\(m.id.uuidString)/piece-jointe")
            })
    }

    /// Who may write: the beneficiary, the mandated AMO, an instructor of the dossier's scope.
    static func mayWrite(_ req: Request, _ l: DossierController.Loaded) -> Bool {
        req.policy.allows(l.principal, .act, .dossier(l.dossier))
            || req.policy.allows(l.principal, .instruct, .dossier(l.dossier))
    }

    func thread(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .see)
        return .html(DossierPage.render(req.page(), try await page(req, l, req.formState())))
    }

    func page(_ req: Request, _ l: DossierController.Loaded, _ state: FormState) async throws -> DossierPageModel {
        let messages = try await ReviewStore().messages(of: l.dossier.id, withStaffNotes: false, on: req.db)
            .map { Self.shown($0, dossier: l.dossier) }
        var after = [DossierReviewPage.list(messages, caption: "Messages du dossier, le plus ancien d'abord")]
        if Self.mayWrite(req, l) {
            after.append(
                .form(MessageForm.model(action: "\(l.path)/messages", state: state, heading: "Écrire un message")))
        }
        return DossierPageModel(
            title: "Messages", context: DossierController.base(req, l, state: state).context,
            notices: state.errors.isEmpty ? [] : [(.error, state.errors.map(\.message).joined(separator: " "))],
            after: after)
    }

    struct Form: Content {
        var message: String?
        var attachment: File?
        enum CodingKeys: String, CodingKey {
            case message
            case attachment = "piece_jointe"
        }
    }

    func post(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .see)
        guard Self.mayWrite(req, l) else { throw Abort(.notFound) }
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let text = String((form.message ?? "").prefix(4_000)).trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [FieldProblem] = []
        if text.isEmpty || TextInput.hasControlCharacter(text) {
            problems.append(FieldProblem(field: "message", message: "Écrivez le message (sans caractère de contrôle)."))
        }
        let file = form.attachment.flatMap { $0.data.readableBytes > 0 ? $0 : nil }
        var attachment: (data: Data, name: String, type: String)?
        if let file {
            let bytes = Data(buffer: file.data)
            let (kind, content, scan) = await DossierService.fileProblems(
                bytes, maxBytes: req.application.guichetConfig.maxDocumentBytes, scanner: req.application.virusScanner)
            problems += (content + scan).map { FieldProblem(field: "piece_jointe", message: $0) }
            if let kind {
                attachment = (
                    bytes, TextInput.withoutControlCharacters(String(file.filename.prefix(200))), kind.rawValue
                )
            }
        }
        guard problems.isEmpty else {
            let state = req.formState(["message": text], errors: problems)
            return .html(DossierPage.render(req.page(), try await page(req, l, state)), status: .unprocessableEntity)
        }
        try await req.application.messages(db: req.db).post(
            text, file: attachment,
            to: l, staff: req.policy.allows(l.principal, .instruct, .dossier(l.dossier)), by: .of(req))
        let back =
            req.policy.allows(l.principal, .instruct, .dossier(l.dossier))
            ? "/instruction/dossiers/\(l.dossier.id.uuidString)" : "\(l.path)/messages"
        return Flash.redirect(req, to: back, .instructionDone("Message envoyé."))
    }

    func attachment(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .see)
        guard let id = req.parameters.get("message").flatMap(UUID.init(uuidString:)),
            let m = try await ReviewStore().messages(of: l.dossier.id, withStaffNotes: false, on: req.db)
                .first(where: { $0.id == id }),
            let fileID = m.fileID
        else { throw Abort(.notFound) }
        return try await DossierDocumentsController.file(req, fileID, name: m.fileName ?? "piece-jointe")
    }

    func file(
        _ req: Request, _ column: KeyPath<InstructionRecord, StoredFileID?>, _ name: String
    ) async throws
        -> Response
    {
        let l = try await DossierController.load(req, .see)
        guard let id = try await InstructionStore().find(l.dossier.id, on: req.db)?[keyPath: column] else {
            throw Abort(.notFound)
        }
        return try await DossierDocumentsController.file(req, id, name: "\(name)-\(l.dossier.reference).pdf")
    }
}
