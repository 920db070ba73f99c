import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// `/admin/taches`: the background jobs; an abandoned one can be started again.
struct JobsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "admin", "taches", access: .admin, use: jobs)
        routes.on(.POST, "admin", "taches", ":id", "relance", access: .admin, use: retry)
    }

    func jobs(req: Request) async throws -> Response {
        let cursor = req.query[String.self, at: "avant"].flatMap(TimeCursor.init(text:))
        let jobs = try await JobStore().page(state: nil, before: cursor, limit: JobsPage.pageSize + 1, on: req.db)
        let shown = jobs.prefix(JobsPage.pageSize)
        let counts = try await JobStore().counts(on: req.db)
        let next =
            jobs.count > JobsPage.pageSize
            ? shown.last.map {
                NextPage.after("/admin/taches", "avant", TimeCursor(at: $0.createdAt, id: $0.id.rawValue).text)
            }
            : nil
        let model = JobsPage.Model(
            counts: JobState.allCases.map { .init(state: $0.french, count: counts[$0] ?? 0) },
            rows: shown.map { job in
                JobsPage.Row(
                    id: job.id, kind: JobKind(rawValue: job.kind)?.french ?? job.kind, state: job.state.french,
                    isDead: job.state == .dead, attempts: job.attempts, maxAttempts: job.maxAttempts,
                    createdAt: job.createdAt, runAt: job.runAt, lastError: job.lastError)
            },
            next: next, csrfToken: req.csrfToken)
        return .html(JobsPage.render(req.page(), model))
    }

    func retry(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: JobID.self) else { throw Abort(.notFound) }
        guard try await JobStore().retry(id: id, now: req.application.clock.now(), on: req.db) else {
            throw Abort(.notFound)
        }
        try await req.audit.record("tâche.relance", by: .of(req), object: ("tâche", id.uuidString), on: req.db)
        return Flash.redirect(req, to: "/admin/taches", .jobRetried)
    }
}
