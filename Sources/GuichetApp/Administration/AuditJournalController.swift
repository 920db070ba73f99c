import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// `/admin/journal`: the audit trail by keyset pages, its head checked against the last signed
/// checkpoint at each view, the whole chain verified on demand, the CSV export.
struct AuditJournalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "admin", "journal", access: .admin, use: journal)
        routes.on(.GET, "admin", "journal", "verification", access: .admin, use: verification)
        routes.on(.GET, "admin", "journal.csv", access: .admin, use: journalCSV)
    }

    func page(_ req: Request, integrity: JournalPage.Integrity) async throws -> Response {
        let before = req.query[Int.self, at: "avant"]
        let records = try await AuditStore().page(before: before, limit: JournalPage.pageSize + 1, on: req.db)
        let shown = records.prefix(JournalPage.pageSize)
        let entries = shown.map { r in
            JournalPage.Entry(
                seq: r.seq, at: r.at, actorLabel: r.actorLabel,
                actorRole: Role(rawValue: r.actorRole)?.french ?? r.actorRole, action: r.action,
                object: "\(r.objectType) \(r.objectID)", detail: r.detail, clientAddress: r.clientAddress)
        }
        let next =
            records.count > JournalPage.pageSize
            ? shown.last.map { NextPage.after("/admin/journal", "avant", String($0.seq)) } : nil
        let model = JournalPage.Model(integrity: integrity, entries: entries, next: next)
        return .html(JournalPage.render(req.page(), model))
    }

    func journal(req: Request) async throws -> Response {
        let head = try await req.application.auditCheckpoints.headProblems(on: req.db)
        let integrity: JournalPage.Integrity =
            !head.problems.isEmpty
            ? .problems(head.problems)
            : head.anchored ? .headAnchored(entries: head.entries) : .notYetAnchored(entries: head.entries)
        return try await page(req, integrity: integrity)
    }

    /// The whole chain recomputed (what `guichet audit verify` does), at the administrator's request.
    func verification(req: Request) async throws -> Response {
        let all = try await AuditStore().all(on: req.db)
        let problems = try AuditService.problems(all, checkpoints: req.application.auditCheckpoints)
        return try await page(req, integrity: problems.isEmpty ? .verified(entries: all.count) : .problems(problems))
    }

    func journalCSV(req: Request) async throws -> Response {
        let csv = AuditService.csv(try await AuditStore().all(on: req.db))
        try await req.audit.record("journal.export", by: .of(req), on: req.db)
        return Response(
            status: .ok,
            headers: [
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"journal-audit.csv\"",
            ], body: .init(string: csv))
    }
}
