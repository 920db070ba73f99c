import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

extension DossierReviewController {
    /// Everything the review shows, read for this request.
    func model(
        _ req: Request, _ l: DossierController.Loaded, _ form: FormState
    ) async throws
        -> DossierReviewPage.Model
    {
        let d = l.dossier
        let service = req.application.dossierService(db: req.db)
        let filedDay = DossierController.referenceDay(req, d)
        let e = try await service.evaluate(d, on: filedDay)
        let today = try await service.simulate(d, on: req.application.clock.today)
        guard let instruction = try await InstructionStore().find(d.id, on: req.db) else { throw Abort(.notFound) }
        let civil = try await CivilStatusStore().find(user: d.beneficiaryID, on: req.db)
        let amo = l.amo.map { "\($0.name) – \(d.mandate.french)" }
        func sections(_ answers: DossierAnswers) -> [DossierOverview.Section] {
            DossierOverview.sections(
                answers, civilStatus: civil, amo: amo,
                documents: (e.required.filter { e.documents[$0.key] != nil }.count, e.required.count),
                subsidy: e.simulation.financing?.subsidy)
        }
        let path = "/instruction/dossiers/\(d.id.uuidString)"
        var m = DossierReviewPage.Model(
            context: DossierController.base(req, l, state: form).context, path: path,
            dossierPath: "/dossiers/\(d.id.uuidString)", version: d.version, state: d.state,
            mayInstruct: req.policy.allows(l.principal, .instruct, .dossier(d)), form: form)
        m.sections = sections(d.answers)
        m.trace = RuleTraceComparison.compare(
            filed: instruction.decision.flatMap(Self.filedCriteria) ?? [],
            today: FiledDecision(e, simulation: today).criteria)
        m.changes = try await changes(d, sections, on: req.db)
        m.documents = try await documents(e, path: path, on: req.db)
        m.history = DossierController.lines(
            try await TransitionStore.history(kind: DossierRecord.subjectKind, id: d.id.rawValue, on: req.db))
        (m.notes, m.messages) = try await Self.thread(d, on: req.db)
        m.files = Self.files(d, instruction, path: path)
        if let first = instruction.firstValidationBy {
            let who = try await UserStore().find(id: first, on: req.db)?.displayName ?? "un instructeur"
            m.notices.append((.info, "Validation proposée par \(who) : un autre instructeur doit la confirmer."))
            m.validateLabel = "Confirmer la validation (second instructeur)"
        }
        if let granted = instruction.granted {
            m.notices.append((.info, "Montant accordé (subvention et prêt) : \(FrenchFormat.money(granted))."))
        }
        return m
    }

    static func filedCriteria(_ json: String) -> [RuleTraceComparison.Decision]? {
        (try? JSONDecoder().decode(FiledDecision.self, from: Data(json.utf8)))?.criteria
    }

    /// The filing before the last against the last: field by field, document by document.
    func changes(
        _ d: DossierRecord, _ sections: (DossierAnswers) -> [DossierOverview.Section], on db: Database
    ) async throws -> [DossierChanges.Change] {
        let (filedText, previousText) = try await InstructionStore().snapshots(of: d.id, on: db)
        guard let filed = FilingSnapshot.read(filedText), let previous = FilingSnapshot.read(previousText) else {
            return []
        }
        func docs(_ s: FilingSnapshot) -> [String: DossierChanges.Document] {
            s.documents.mapValues { DossierChanges.Document(label: $0.label, sha256: $0.sha256) }
        }
        return DossierChanges.answers(sections(previous.answers), sections(filed.answers))
            + DossierChanges.documents(docs(previous), docs(filed))
    }

    func documents(_ e: DossierEvaluation, path: String, on db: Database) async throws -> [DossierReviewPage.Document] {
        let reviews = try await ReviewStore().reviews(of: e.dossier.id, on: db)
        let day = AppClock.parisFormatter("dd/MM/yyyy")
        return e.required.compactMap { r in
            guard let doc = e.documents[r.key] else { return nil }
            let review = reviews[r.key].flatMap { $0.sha256 == doc.sha256 ? $0 : nil }
            let verdict =
                review.map { $0.verdict.rawValue.capitalized + ($0.reason.map { " : \($0)" } ?? "") } ?? "À examiner"
            return DossierReviewPage.Document(
                key: r.key, label: "\(r.holderLabel) – \(r.kind.french)",
                details: [
                    ("Fichier", "\(doc.fileName) (\(FrenchFormat.integer(doc.size / 1024 + 1)) Ko)"),
                    ("Date du document", doc.documentDate?.french ?? "—"),
                    ("Déposée le", day.string(from: doc.uploadedAt)), ("SHA-256", doc.sha256), ("Avis", verdict),
                ], previewURL: "\(path)/pieces/\(r.key)/apercu", image: doc.contentType != "application/pdf")
        }
    }

    static func thread(
        _ d: DossierRecord, on db: Database
    ) async throws -> (
        [DossierReviewPage.Message], [DossierReviewPage.Message]
    ) {
        let all = try await ReviewStore().messages(of: d.id, withStaffNotes: true, on: db).map { m in
            (m.staffOnly, DossierMessagesController.shown(m, dossier: d))
        }
        return (all.filter(\.0).map(\.1), all.filter { !$0.0 }.map(\.1))
    }

    static func files(_ d: DossierRecord, _ i: InstructionRecord, path: String) -> [(String, String)] {
        let base = "/dossiers/\(d.id.uuidString)"
        var out: [(String, String)] = []
        if d.receiptFileID != nil { out.append(("Accusé de réception (PDF)", "\(base)/accuse.pdf")) }
        if i.agreementFileID != nil { out.append(("Convention (PDF)", "\(base)/convention.pdf")) }
        if i.signedFileID != nil { out.append(("Convention signée (PDF)", "\(base)/convention-signee.pdf")) }
        if i.evidenceFileID != nil {
            out.append(("Fichier de preuve de la signature (PDF)", "\(path)/preuve.pdf"))
            out.append(("Fichier de preuve de la signature (JSON)", "\(path)/preuve.json"))
        }
        if i.refusalFileID != nil { out.append(("Lettre de refus (PDF)", "\(base)/lettre-refus.pdf")) }
        return out
    }
}
