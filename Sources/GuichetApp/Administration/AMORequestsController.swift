import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// `/admin/amo`: the review of AMO account requests.
struct AMORequestsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "admin", "amo", access: .admin, use: amoRequests)
        routes.on(.POST, "admin", "amo", ":id", "decision", access: .admin, use: decide)
    }

    func amoRequests(req: Request) async throws -> Response { try await page(req) }

    func page(
        _ req: Request, refusal: RefusalAttempt? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let pending = try await OrganisationStore().list(kind: .amo, status: .pending, on: req.db).map { o in
            AMORequestsPage.Pending(
                id: o.id, request: AMORequest.decode(o.details), name: o.name, siret: o.identifier,
                department: req.application.referenceData.departments[o.department].map {
                    "\(o.department) – \($0.name)"
                } ?? o.department, receivedAt: o.createdAt)
        }
        let cursor = req.query[String.self, at: "apres"].flatMap(TimeCursor.init(text:))
        let decided = try await OrganisationStore().decided(
            kind: .amo, after: cursor, limit: AMORequestsPage.pageSize + 1, on: req.db)
        let shown = decided.prefix(AMORequestsPage.pageSize)
        let next =
            decided.count > AMORequestsPage.pageSize
            ? shown.last.map { NextPage.after("/admin/amo", "apres", OrganisationStore.cursor(of: $0).text) } : nil
        let model = AMORequestsPage.Model(
            pending: pending,
            decided: shown.map {
                .init(name: $0.name, siret: $0.identifier, status: $0.status, reason: $0.decisionReason)
            },
            next: next, csrfToken: req.csrfToken, refusal: refusal)
        return .html(AMORequestsPage.render(req.page(), model), status: status)
    }

    func decide(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: OrganisationID.self),
            let org = try await OrganisationStore().find(id: id, on: req.db), org.kind == .amo, org.status == .pending
        else { throw Abort(.notFound) }
        let v = try req.formValues()
        let (accept, reason, refused) = RefusalAttempt.decision(id: id, v)
        if let refused { return try await page(req, refusal: refused, status: .unprocessableEntity) }
        let service = StaffService(app: req.application, db: req.db)
        guard
            try await service.decideAMO(
                id: id, accept: accept, reason: reason, actor: .of(req), adminID: try req.signedIn().user.id)
        else { throw Abort(.notFound) }
        return Flash.redirect(req, to: "/admin/amo", .amoRequestReviewed(accepted: accept))
    }
}
