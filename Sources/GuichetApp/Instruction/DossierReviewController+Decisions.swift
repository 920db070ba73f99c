import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

extension DossierReviewController {
    /// A decision of the instruction table; refused, the page again with the reason (422).
    func decide(_ req: Request, _ decision: Decision) async throws -> Response {
        let l = try await Self.load(req, instruct: true)
        let values = try req.formValues()
        let version = try DossierController.version(values, l.dossier)
        let event: InstructionEvent
        switch decision {
        case .start: event = .startInstruction
        case .validate: event = .validate
        case .sendBack: event = .sendBack(try await sendBackItems(values, l.dossier, on: req.db))
        case .refuse: event = .refuse(Self.lines(values["motifs"]))
        case .cancel: event = .cancel(Self.bounded(values["motif"] ?? ""))
        }
        let (result, jobs) = try await req.application.instructionService(db: req.db).decide(
            event, dossier: l.dossier.id, version: version, by: Self.actor(req, l.principal),
            as: .staff(l.principal.user.id))
        switch result {
        case .success(let d):
            await req.application.queueCounts.clear()
            let runner = req.application.jobRunner()
            for job in jobs { await runner.start(job) }
            let path = "/instruction/dossiers/\(d.id.uuidString)"
            return Flash.redirect(req, to: path, .instructionDone("Dossier « \(d.state.french) »."))
        case .failure(let refusal):
            let field = decision == .cancel ? "motif" : decision == .refuse ? "motifs" : "points"
            return try await refused(req, l, values, [FieldProblem(field: field, message: refusal.message)])
        }
    }

    /// The points typed, each prefixed with its step (« Logement : … », linked on the dossier's
    /// page), then every document refused at review with its reason.
    func sendBackItems(_ values: [String: String], _ d: DossierRecord, on db: Database) async throws -> [String] {
        let step = values["etape"].flatMap(DossierStep.init(rawValue:))
        var items = Self.lines(values["points"]).map { line in step.map { "\($0.french) : \(line)" } ?? line }
        let reviews = try await ReviewStore().reviews(of: d.id, on: db)
        for r in RequiredDocuments.list(d.answers) {
            guard let review = reviews[r.key], review.verdict == .rejected else { continue }
            items.append(
                "\(DossierStep.documents.french) : \(r.holderLabel) – \(r.kind.french) à remplacer"
                    + (review.reason.map { " (\($0))" } ?? ""))
        }
        return items
    }

    static func lines(_ text: String?) -> [String] {
        bounded(text ?? "", max: 4_000).split(whereSeparator: \.isNewline).map(String.init).prefix(30).map { $0 }
    }

    /// At most `max` characters (control characters were refused with the form, `formValues`).
    static func bounded(_ text: String, max: Int = 500) -> String { String(text.prefix(max)) }

    /// An instructor's verdict on a document as it is now (its hash): a refusal needs its reason.
    func review(req: Request) async throws -> Response {
        let l = try await Self.load(req, instruct: true)
        let values = try req.formValues()
        guard let key = req.parameters.get("key") else { throw Abort(.notFound) }
        guard let doc = try await DossierDocumentStore().document(key, of: l.dossier, on: req.db) else {
            throw Abort(.notFound)
        }
        let reason = Self.bounded(values["raison"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let verdict = values["avis"].flatMap(DocumentReview.Verdict.init(rawValue:)) else {
            return try await refused(
                req, l, values, [FieldProblem(field: "avis", message: "Choisissez « Acceptée » ou « Refusée ».")])
        }
        if verdict == .rejected, reason.isEmpty {
            return try await refused(
                req, l, values, [FieldProblem(field: "raison", message: "Indiquez pourquoi la pièce est refusée.")])
        }
        let now = req.application.clock.now()
        let actor = AuditService.Actor.of(req)
        try await req.db.write { tx in
            try await ReviewStore().review(
                .init(
                    key: key, sha256: doc.sha256, verdict: verdict, reason: reason.isEmpty ? nil : reason,
                    reviewedBy: l.principal.user.id, reviewedAt: now), of: l.dossier.id, on: tx)
            try await AuditService(clock: req.application.clock).record(
                "dossier.pièce.\(verdict == .accepted ? "acceptée" : "refusée")", by: actor,
                object: (DossierRecord.subjectKind, l.dossier.id.uuidString), detail: "\(key) \(reason)", on: tx)
        }
        return Flash.redirect(
            req, to: "/instruction/dossiers/\(l.dossier.id.uuidString)",
            .instructionDone("Pièce \(verdict.rawValue)."))
    }

    /// A note between staff, never shown to the beneficiary or the AMO.
    func note(req: Request) async throws -> Response {
        let l = try await Self.load(req, instruct: false)
        let values = try req.formValues()
        let text = Self.bounded(values["note"] ?? "", max: 4_000).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            return try await refused(req, l, values, [FieldProblem(field: "note", message: "Écrivez la note.")])
        }
        let message = DossierMessage(
            id: UUID(), staffOnly: true, authorID: l.principal.user.id,
            authorLabel: "\(l.principal.user.displayName) (Action Logement)", body: text, fileID: nil, fileName: nil,
            writtenAt: req.application.clock.now())
        try await ReviewStore().add(message, to: l.dossier.id, on: req.db)
        return Flash.redirect(
            req, to: "/instruction/dossiers/\(l.dossier.id.uuidString)", .instructionDone("Note enregistrée."))
    }

    /// A document shown inside the review page (PDF or image), framed by this site only.
    func preview(req: Request) async throws -> Response {
        let l = try await Self.load(req, instruct: false)
        guard let key = req.parameters.get("key") else { throw Abort(.notFound) }
        guard let doc = try await DossierDocumentStore().document(key, of: l.dossier, on: req.db),
            let stored = try await req.application.files.get(id: doc.fileID, on: req.db),
            ["application/pdf", "image/jpeg", "image/png"].contains(doc.contentType)
        else { throw Abort(.notFound) }
        // Framed by this site only; an image allows nothing else, a PDF is left to the browser's
        // viewer (which a `default-src 'none'` or a sandbox would stop).
        let policy =
            doc.contentType == "application/pdf"
            ? "frame-ancestors 'self'" : "default-src 'none'; img-src 'self'; frame-ancestors 'self'"
        return Response(
            status: .ok,
            headers: [
                "Content-Type": doc.contentType, "Content-Disposition": "inline; filename=\"\(key)\"",
                "X-Frame-Options": "SAMEORIGIN", "Cache-Control": "no-store", "Content-Security-Policy": policy,
            ], body: .init(data: stored.data))
    }

    /// The signature's evidence, as stored (JSON) or laid out (PDF), for staff.
    func evidence(_ req: Request, pdf: Bool) async throws -> Response {
        let l = try await Self.load(req, instruct: false)
        guard let id = try await InstructionStore().find(l.dossier.id, on: req.db)?.evidenceFileID,
            let stored = try await req.application.files.get(id: id, on: req.db)
        else { throw Abort(.notFound) }
        let name = "preuve-signature-\(l.dossier.reference)"
        guard pdf else {
            return DossierQueueController.download(stored.data, name: name + ".json", type: "application/json")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let evidence = try decoder.decode(SignatureEvidence.self, from: stored.data)
        return DossierQueueController.download(
            SignatureEvidencePDF.render(evidence, jsonSHA256: stored.sha256), name: name + ".pdf",
            type: "application/pdf")
    }
}
