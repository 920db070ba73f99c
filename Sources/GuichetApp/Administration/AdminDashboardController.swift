import GuichetPersistence
import GuichetViews
import Vapor

/// `/admin`: what waits for an administrator.
struct AdminDashboardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "admin", access: .admin, use: dashboard)
    }

    func dashboard(req: Request) async throws -> Response {
        let model = AdminDashboard.Model(
            pendingAMORequests: try await OrganisationStore().list(kind: .amo, status: .pending, on: req.db).count,
            pendingLandlords: try await OrganisationStore().list(kind: .landlord, status: .pending, on: req.db).count,
            outboxPending: try await OutboxStore().pendingCount(on: req.db),
            deadJobs: try await JobStore().counts(on: req.db)[.dead] ?? 0,
            recentFilings: try await SentFilings(db: req.db, reference: req.application.referenceData).list(
                departments: nil, limit: 10))
        return .html(AdminDashboard.render(req.page(), model))
    }
}
