import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

/// « Pièces justificatives » (`RENO-D`): upload (checked by content and size, scanned by ClamAV),
/// replace, delete and download each document; the receipt of a filed dossier.
struct DossierDocumentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let people = DossierController.people
        routes.on(
            .POST, "dossiers", ":dossier", "pieces", ":key", access: people,
            body: .collect(maxSize: ByteCount(value: 101 * 1_048_576)), use: upload)
        routes.on(.POST, "dossiers", ":dossier", "pieces", ":key", "suppression", access: people, use: delete)
        routes.on(
            .GET, "dossiers", ":dossier", "pieces", ":key", "fichier", access: DossierController.readers, use: download)
        routes.on(.GET, "dossiers", ":dossier", "accuse.pdf", access: DossierController.readers, use: receipt)
    }

    /// The checklist, with the problems of a refused upload at its document.
    static func page(
        _ req: Request, _ l: DossierController.Loaded, errors: [String: [String]], typedDates: [String: String] = [:],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let e = try await req.application.dossierService(db: req.db).evaluate(
            l.dossier, on: DossierController.referenceDay(req, l.dossier))
        let paris = AppClock.parisFormatter("dd/MM/yyyy HH:mm")
        let items = e.required.map { r in
            DossierDocumentsPage.Item(
                document: r,
                given: e.documents[r.key].map { d in
                    .init(
                        name: d.fileName, size: DocumentFile.size(d.size), sha256: d.sha256,
                        date: d.documentDate?.french,
                        uploadedAt: paris.string(from: d.uploadedAt), downloadURL: "\(l.path)/pieces/\(r.key)/fichier")
                }, errors: errors[r.key] ?? [], typedDate: typedDates[r.key] ?? "")
        }
        let model = DossierDocumentsPage.Model(
            base: DossierController.base(req, l, state: req.formState()), items: items,
            maxSize: DocumentFile.megabytes(req.application.guichetConfig.maxDocumentBytes),
            scanningOff: !req.application.virusScanner.isEnabled)
        return .html(DossierDocumentsPage.render(req.page(), model), status: status)
    }

    /// The required document named by the route, or 404.
    static func document(_ req: Request, _ l: DossierController.Loaded) throws -> RequiredDocument {
        guard let key = req.parameters.get("key"),
            let d = RequiredDocuments.list(l.dossier.answers).first(where: { $0.key == key })
        else { throw Abort(.notFound) }
        return d
    }

    struct Form: Content {
        var fichier: File?
        var documentDate: String?
        var version: String?
        enum CodingKeys: String, CodingKey {
            case fichier, version
            case documentDate = "document_date"
        }
    }

    func upload(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .act)
        let document = try Self.document(req, l)
        let form = (try? req.content.decode(Form.self)) ?? Form()
        let version = try DossierController.version(["version": form.version ?? ""], l.dossier)
        let typed = TextInput.withoutControlCharacters(String((form.documentDate ?? "").prefix(20)))
        let (date, dateProblem) = DossierService.documentDate(typed, of: document)
        var problems = dateProblem.map { [$0] } ?? []
        guard let file = form.fichier else {
            return try await Self.page(
                req, l, errors: [document.key: ["Choisissez le fichier de la pièce."]], status: .unprocessableEntity)
        }
        let service = req.application.dossierService(db: req.db)
        let upload = DossierService.Upload(
            document: document, fileName: file.filename, data: Data(buffer: file.data), date: date)
        let (kind, more) = await service.check(
            upload, maxBytes: req.application.guichetConfig.maxDocumentBytes, scanner: req.application.virusScanner)
        problems += problems.isEmpty ? more : more.filter { !$0.contains("indiquez la date") }
        guard problems.isEmpty, let kind else {
            return try await Self.page(
                req, l, errors: [document.key: problems], typedDates: [document.key: typed],
                status: .unprocessableEntity)
        }
        let result = try await service.store(
            upload, kind: kind, dossier: l.dossier.id, version: version, files: req.application.files,
            by: DossierController.actor(req, l))
        return try await Self.answer(req, l, result, .documentStored(document.kind.french))
    }

    func delete(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .act)
        let document = try Self.document(req, l)
        let version = try DossierController.version(try req.formValues(), l.dossier)
        let result = try await req.application.dossierService(db: req.db).remove(
            document, dossier: l.dossier.id, version: version, files: req.application.files,
            by: DossierController.actor(req, l))
        return try await Self.answer(req, l, result, .documentDeleted(document.kind.french))
    }

    static func answer(
        _ req: Request, _ l: DossierController.Loaded,
        _ result: Result<DossierRecord, DossierService.Refusal>, _ notice: Notice
    ) async throws -> Response {
        switch result {
        case .success:
            return Flash.redirect(req, to: "\(l.path)/pieces", notice)
        case .failure(.lifecycle(let refusal)): return Flash.redirect(req, to: l.path, .dossierRefused(refusal.message))
        case .failure(.form(let problems)):
            return Flash.redirect(req, to: l.path, .dossierRefused(problems.first?.message ?? ""))
        }
    }

    func download(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .see)
        let document = try Self.document(req, l)
        guard let doc = try await DossierDocumentStore().document(document.key, of: l.dossier, on: req.db) else {
            throw Abort(.notFound)
        }
        return try await Self.file(
            req, doc.fileID, name: "\(document.key).\(DocumentFile.Kind(rawValue: doc.contentType)?.extension ?? "bin")"
        )
    }

    func receipt(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .see)
        guard let id = l.dossier.receiptFileID else { throw Abort(.notFound) }
        return try await Self.file(req, id, name: "accuse-reception-\(l.dossier.reference).pdf")
    }

    static func file(_ req: Request, _ id: StoredFileID, name: String) async throws -> Response {
        guard let stored = try await req.application.files.get(id: id, on: req.db) else { throw Abort(.notFound) }
        let res = Response(status: .ok, body: .init(data: stored.data))
        res.headers.contentType = HTTPMediaType.fileExtension(String(name.split(separator: ".").last ?? "")) ?? .binary
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return res
    }
}
