import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// `/instruction/dossiers/:dossier`: a filed dossier as staff review it, and the instructor's
/// decisions (issue #13). Staff of the dossier's scope see it; only an instructor of that scope
/// decides (`ObjectPolicy` `.instruct`). Anyone else — the beneficiary and the AMO included, the
/// page holds the staff's notes — gets 404.
struct DossierReviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let base: [PathComponent] = ["instruction", "dossiers", ":dossier"]
        routes.on(.GET, base, access: .signedIn, use: show)
        for (path, event) in Self.decisions {
            routes.on(.POST, base + [.constant(path)], access: .signedIn) { req in
                try await self.decide(req, event)
            }
        }
        routes.on(.POST, base + ["pieces", ":key"], access: .signedIn, use: review)
        routes.on(.POST, base + ["notes"], access: .signedIn, use: note)
        routes.on(.GET, base + ["pieces", ":key", "apercu"], access: .signedIn, use: preview)
        routes.on(.GET, base + ["preuve.json"], access: .signedIn) { req in try await self.evidence(req, pdf: false) }
        routes.on(.GET, base + ["preuve.pdf"], access: .signedIn) { req in try await self.evidence(req, pdf: true) }
    }

    static let decisions: [(String, Decision)] = [
        ("instruction", .start), ("correction", .sendBack), ("validation", .validate), ("refus", .refuse),
        ("annulation", .cancel),
    ]

    enum Decision: Sendable {
        case start, sendBack, validate, refuse, cancel
    }

    /// The dossier when the person is staff who sees it (`instruct`: an instructor of its scope).
    static func load(_ req: Request, instruct: Bool) async throws -> DossierController.Loaded {
        let p = try req.signedIn()
        guard let id = req.parameters.get("dossier", as: DossierID.self),
            let d = try await DossierStore().find(id: id, on: req.db),
            p.roles.contains(where: \.isStaff), d.state != .draft,
            req.policy.allows(p, instruct ? .instruct : .see, .dossier(d))
        else { throw Abort(.notFound) }
        let amo = try await d.amoID.asyncFlatMap { try await OrganisationStore().find(id: $0, on: req.db) }
        return DossierController.Loaded(dossier: d, principal: p, amo: amo)
    }

    static func actor(_ req: Request, _ p: Principal) -> DossierService.Actor {
        var audit = AuditService.Actor.of(req)
        audit = .init(
            id: audit.id, label: "\(p.user.displayName) (instructeur)", role: audit.role,
            clientAddress: audit.clientAddress, userAgent: audit.userAgent)
        return .init(audit: audit, userID: p.user.id, onBehalfOf: nil)
    }

    func show(req: Request) async throws -> Response {
        let l = try await Self.load(req, instruct: false)
        return .html(DossierPage.render(req.page(), DossierReviewPage.model(try await model(req, l, req.formState()))))
    }

    /// A refused decision or review: the page again with the problems and what was typed (422).
    func refused(
        _ req: Request, _ l: DossierController.Loaded, _ values: [String: String], _ problems: [FieldProblem]
    )
        async throws -> Response
    {
        var m = try await model(req, l, req.formState(values, errors: problems))
        m.notices.insert((.error, problems.map(\.message).joined(separator: " ")), at: 0)
        return .html(DossierPage.render(req.page(), DossierReviewPage.model(m)), status: .unprocessableEntity)
    }
}
