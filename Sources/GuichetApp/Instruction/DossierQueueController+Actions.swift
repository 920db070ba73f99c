import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

extension DossierQueueController {
    static let exportHeaders = [
        "Référence", "Bénéficiaire", "Département", "État", "AMO", "Montant accordé (€)", "Déposé le", "Attribué à",
    ]

    /// The filtered list (every page, up to `exportLimit`) as CSV or XLSX.
    func export(_ req: Request, xlsx: Bool) async throws -> Response {
        let p = try req.signedIn()
        let q = Query(req, principal: p)
        let rows = try await InstructionQueueStore().rows(q.filter, after: nil, limit: Self.exportLimit, on: req.db)
        try await req.audit.record(
            "dossiers.export", by: .of(req), detail: "\(rows.count) dossiers, \(q.query())", on: req.db)
        let day = AppClock.parisFormatter("dd/MM/yyyy")
        let name =
            "dossiers-renovation-\(AppClock.parisFormatter("yyyy-MM-dd").string(from: req.application.clock.now()))"
        if !xlsx {
            var csv = CSVWriter.byteOrderMark + CSVWriter.line(Self.exportHeaders)
            for r in rows {
                csv += CSVWriter.line([
                    r.reference, r.beneficiaryName, r.department ?? "", r.state.french, r.amoName ?? "",
                    r.granted.map { FrenchFormat.money($0).replacingOccurrences(of: " €", with: "") } ?? "",
                    r.filedAt.map(day.string) ?? "", r.assignee ?? "",
                ])
            }
            return Self.download(Data(csv.utf8), name: name + ".csv", type: "text/csv; charset=utf-8")
        }
        typealias Cell = XLSXWriter.Cell
        let header: [Cell?] = Self.exportHeaders.map { Cell(.text($0), style: .header) }
        let body: [[Cell?]] = rows.map { r in
            [
                Cell(.text(r.reference)), Cell(.text(r.beneficiaryName)), Cell(.text(r.department ?? "")),
                Cell(.text(r.state.french)), Cell(.text(r.amoName ?? "")),
                r.granted.map { Cell(.number(Double($0.cents) / 100), style: .amount) },
                r.filedAt.map { Cell(.date(Day(instant: $0, in: AppClock.paris)), style: .date) },
                Cell(.text(r.assignee ?? "")),
            ]
        }
        let sheet = XLSXWriter.Sheet(
            name: "Dossiers", rows: [header] + body,
            columns: [18, 28, 12, 34, 28, 18, 14, 24].map { XLSXWriter.Column(width: $0) }, frozenRows: 1)
        let data = try XLSXWriter().write([sheet])
        return Self.download(
            data, name: name + ".xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    static func download(_ data: Data, name: String, type: String) -> Response {
        Response(
            status: .ok,
            headers: [
                "Content-Type": type, "Content-Disposition": "attachment; filename=\"\(name)\"",
                "Cache-Control": "no-store",
            ], body: .init(data: data))
    }

    /// The ticked dossiers (each reached through the policy: one outside the scope is skipped),
    /// assigned to the instructor, unassigned, or reminded.
    func selection(req: Request) async throws -> Response {
        let p = try req.signedIn()
        let values = try req.formValues()
        let ids = values.compactMap { key, value -> DossierID? in
            guard key.hasPrefix("id_"), value == "oui" else { return nil }
            return DossierID(uuidString: String(key.dropFirst(3)))
        }
        var mine: [DossierRecord] = []
        for id in ids.prefix(Self.pageSize) {
            guard let d = try await DossierStore().find(id: id, on: req.db),
                req.policy.allows(p, .instruct, .dossier(d))
            else { continue }
            mine.append(d)
        }
        let back = values["retour"].flatMap { LocalRedirect.isLocalPath($0) ? $0 : nil } ?? "/instruction/dossiers"
        guard !mine.isEmpty else {
            return Flash.redirect(req, to: back, .instructionRefused("Cochez au moins un dossier de votre périmètre."))
        }
        let message = try await apply(values["action"] ?? "", to: mine, req: req, principal: p)
        return Flash.redirect(req, to: back, .instructionDone(message))
    }

    func apply(
        _ action: String, to dossiers: [DossierRecord], req: Request, principal p: Principal
    ) async throws
        -> String
    {
        let ids = dossiers.map(\.id)
        let actor = AuditService.Actor.of(req)
        switch action {
        case "attribuer", "retirer":
            let who = action == "attribuer" ? p.user.id : nil
            try await req.db.write { tx in
                try await InstructionStore().assign(ids, to: who, on: tx)
                try await AuditService(clock: req.application.clock).record(
                    "dossiers.attribution", by: actor,
                    detail: "\(action) : " + dossiers.map(\.reference).joined(separator: ", "),
                    on: tx)
            }
            return action == "attribuer"
                ? "\(dossiers.count) dossier(s) vous sont attribués." : "\(dossiers.count) attribution(s) retirée(s)."
        case "relancer":
            let waiting = dossiers.filter { $0.state == .toCorrect || $0.state == .awaitingSignature }
            try await req.application.instructionService(db: req.db).remind(waiting, by: actor)
            return "\(waiting.count) relance(s) envoyée(s) (dossiers à corriger ou en attente de signature)."
        default:
            throw Abort(.badRequest, reason: "Action inconnue.")
        }
    }
}
