import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

extension DossierController {
    static let pageSize = 50

    /// `GET /dossiers`: a beneficiary's dossiers, or an AMO's clients' dossiers (filter by state
    /// or by a mandate to accept, search on names and references, keyset pages of 50).
    func dashboard(req: Request) async throws -> Response {
        let p = try req.signedIn()
        let reference = req.application.referenceData
        let paris = AppClock.parisFormatter("dd/MM/yyyy")
        func row(_ d: DossierSummary) -> DossierDashboard.Row {
            let commune = d.insee.flatMap(InseeCode.init).flatMap(reference.communeName) ?? "—"
            return DossierDashboard.Row(
                reference: d.reference, href: "/dossiers/\(d.id.uuidString)", beneficiary: d.beneficiaryName,
                commune: commune, state: d.state.french + (d.mandate == .requested ? " – mandat à accepter" : ""),
                next: Self.nextStep(d), updated: paris.string(from: d.updatedAt))
        }
        guard let amo = try await DossierStartController.amo(req, p) else {
            let rows = try await DossierStore().list(beneficiary: p.user.id, on: req.db).map { row(DossierSummary($0)) }
            let model = DossierDashboard.model(.init(amo: false, rows: rows, filter: req.formState(), next: nil))
            return .html(InfoPage.render(req.page(), model))
        }
        let filter = req.query[String.self, at: "etat"] ?? ""
        let search = String((req.query[String.self, at: "recherche"] ?? "").prefix(TextLimits.name))
        let cursor = req.query[String.self, at: "apres"].flatMap(TimeCursor.init(text:))
        let found = try await DossierStore().summaries(
            amo: amo.id, state: DossierState(rawValue: filter), mandate: filter == "mandat" ? .requested : nil,
            search: search, after: cursor, limit: Self.pageSize + 1, on: req.db)
        let shown = Array(found.prefix(Self.pageSize))
        let next =
            found.count > Self.pageSize
            ? shown.last.map {
                NextPage.after(
                    "/dossiers?etat=\(filter)&recherche=\(search)", "apres", DossierStore.cursor(of: $0).text)
            }
            : nil
        let deadlines = try await Self.deadlines(shown, on: req.db)
        let rows = shown.map { d in
            var r = row(d)
            r.deadline = deadlines[d.id] ?? "—"
            return r
        }
        let model = DossierDashboard.model(
            .init(amo: true, rows: rows, filter: req.formState(["etat": filter, "recherche": search]), next: next))
        return .html(InfoPage.render(req.page(), model))
    }

    /// For each dossier still open, the dated document (its own or its companies') that expires
    /// first: « Kbis de l'entreprise : 30/01/2027 » (`RENO-D` validity at filing). Two queries.
    static func deadlines(_ rows: [DossierSummary], on db: Database) async throws -> [DossierID: String] {
        let open = rows.filter(\.state.isEditable)
        let documents = try await DossierDocumentStore().dated(
            of: open.map(\.id), companies: Array(Set(open.flatMap(\.sirets))), on: db)
        var out: [DossierID: String] = [:]
        for d in open {
            let mine = documents.filter { $0.dossierID == d.id || ($0.companySiret.map(d.sirets.contains) ?? false) }
            let expiries = mine.compactMap { doc in
                doc.documentDate.flatMap { RequiredDocuments.expiry(of: doc.kind, dated: $0) }.map { (doc.kind, $0) }
            }
            if let first = expiries.min(by: { $0.1 < $1.1 }) { out[d.id] = "\(first.0.french) : \(first.1.french)" }
        }
        return out
    }

    /// What to do next on a dossier, in a few words.
    static func nextStep(_ d: DossierSummary) -> String {
        guard d.state.isEditable else { return d.state == .filed ? "Instruction par Action Logement" : "—" }
        if d.mandate == .requested { return "Acceptation du mandat par l'AMO" }
        if d.mandate == .none { return "Choix de l'AMO" }
        return d.todo.map { "Compléter : \($0.french)" } ?? "Pièces, puis dépôt"
    }
}
