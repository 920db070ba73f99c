import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// `AMI-B`: landlord registration (reviewed), the organisation's members (by invitation), and
/// the administrators' review (issue #9).
struct LandlordController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "ami", "bailleur", "inscription", access: .signedIn, use: form)
        routes.on(.POST, "ami", "bailleur", "inscription", access: .signedIn, use: register)
        routes.on(.GET, "ami", "organisation", access: .roles([.bailleur]), use: organisation)
        routes.on(.POST, "ami", "organisation", "membres", access: .roles([.bailleur]), use: invite)
        routes.on(.POST, "ami", "organisation", "membres", ":user", "retrait", access: .roles([.bailleur]), use: remove)
        routes.on(.GET, "ami", "invitations", ":token", access: .everyone, use: invitation)
        routes.on(.POST, "ami", "invitations", ":token", access: .everyone, use: accept)
        routes.on(.GET, "admin", "bailleurs", access: .admin, use: reviews)
        routes.on(.POST, "admin", "bailleurs", ":id", "decision", access: .admin, use: decide)
    }

    func form(req: Request) async throws -> Response {
        if try await LandlordService.organisation(of: req.principal, on: req.db) != nil {
            return req.redirect(to: "/ami/organisation")
        }
        var values: [String: String] = [:]
        if let p = req.principal { values = ["contact_name": p.user.displayName, "contact_email": p.user.email] }
        return .html(LandlordPages.registration(req.page(), req.formState(values)))
    }

    func register(req: Request) async throws -> Response {
        let v = try req.formValues()
        let (identification, errors) = LandlordService.validate(v)
        guard let identification, let principal = req.principal else {
            return .html(
                LandlordPages.registration(req.page(), req.formState(v, errors: errors)),
                status: .unprocessableEntity)
        }
        if try await LandlordService.organisation(of: principal, on: req.db) != nil {
            return req.redirect(to: "/ami/organisation")
        }
        switch try await LandlordService(app: req.application).register(
            identification, userID: principal.user.id, actor: .of(req))
        {
        case .refused(let errors):
            return .html(
                LandlordPages.registration(req.page(), req.formState(v, errors: errors)),
                status: .unprocessableEntity)
        case .created(let org, let contested):
            return Flash.redirect(
                req, to: "/ami/organisation", .landlordRegistered(organisation: org.name, underReview: contested))
        }
    }

    func organisation(req: Request) async throws -> Response {
        try await organisationPage(req, state: req.formState())
    }

    func organisationPage(_ req: Request, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let org = try await LandlordService.organisation(of: req.principal, on: req.db) else {
            throw Abort(.notFound)
        }
        try req.require(.see, .organisation(org))
        let members = try await LandlordService.members(of: org.id, on: req.db)
        let pending = try await InvitationStore().pending(
            organisationID: org.id, now: req.application.clock.now(), on: req.db)
        let model = LandlordPages.OrganisationModel(
            name: org.name, siren: org.identifier, status: org.status, decisionReason: org.decisionReason,
            identification: try? JSONDecoder().decode(LandlordIdentification.self, from: Data(org.details.utf8)),
            members: members.map {
                .init(
                    id: $0.id, name: $0.displayName, email: $0.email, activated: $0.activatedAt != nil,
                    isViewer: $0.id == req.principal?.user.id)
            },
            invitations: pending.map { .init(email: $0.email, expiresAt: $0.expiresAt) }, inviteForm: state,
            csrfToken: req.csrfToken)
        return .html(LandlordPages.organisation(req.page(), model), status: status)
    }

    func invite(req: Request) async throws -> Response {
        guard let org = try await LandlordService.organisation(of: req.principal, on: req.db), let p = req.principal
        else { throw Abort(.notFound) }
        let v = try req.formValues()
        let errors = try await LandlordService(app: req.application).invite(
            organisation: org, email: v["email"] ?? "", invitedBy: p.user.id, actor: .of(req))
        guard errors.isEmpty else {
            return try await organisationPage(
                req, state: req.formState(v, errors: errors), status: .unprocessableEntity)
        }
        return Flash.redirect(
            req, to: "/ami/organisation", .invitationSent(email: AccountService.normalise(v["email"] ?? "")))
    }

    func remove(req: Request) async throws -> Response {
        guard let org = try await LandlordService.organisation(of: req.principal, on: req.db), let p = req.principal,
            let userID = req.parameters.get("user", as: UserID.self)
        else { throw Abort(.notFound) }
        try req.require(.act, .organisation(org))
        switch try await LandlordService(app: req.application).remove(member: userID, from: org, actor: .of(req)) {
        case .notMember:
            throw Abort(.notFound)
        case .lastMember:
            return Flash.redirect(req, to: "/ami/organisation", .lastMemberCannotLeave)
        case .removed:
            break
        }
        if userID == p.user.id { return Flash.redirect(req, to: "/compte", .leftOrganisation(org.name)) }
        return Flash.redirect(req, to: "/ami/organisation", .memberRemoved(from: org.name))
    }

    // MARK: Invitations

    func invitation(req: Request) async throws -> Response {
        try await invitationPage(req, state: req.formState())
    }

    func invitationPage(_ req: Request, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let page = req.page()
        guard case .valid(let inv, let org) = try await LandlordService(app: req.application).invitation(token: token)
        else {
            return .html(InvitationPage.invalid(page), status: .notFound)
        }
        let visitor: InvitationPage.Visitor
        if let p = req.principal {
            visitor = p.user.email == inv.email ? .invitee : .otherAccount
        } else if try await UserStore().find(email: inv.email, on: req.db) != nil {
            visitor = .hasAccount
        } else {
            visitor = .newAccount(state)
        }
        let model = InvitationPage.Model(
            token: token, email: inv.email, organisation: org.name, siren: org.identifier, visitor: visitor,
            csrfToken: req.csrfToken)
        return .html(InvitationPage.render(page, model), status: status)
    }

    func accept(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let service = LandlordService(app: req.application)
        guard case .valid(let inv, _) = try await service.invitation(token: token) else {
            return try await invitationPage(req, state: req.formState())
        }
        let userID: UserID
        if let p = req.principal {
            userID = p.user.id
        } else {
            guard try await UserStore().find(email: inv.email, on: req.db) == nil else {
                return try await invitationPage(req, state: req.formState())
            }
            let v = try req.formValues()
            switch try await AccountService(app: req.application, db: req.db).createInvited(
                email: inv.email, name: v["name"] ?? "",
                password: v["password"] ?? "", confirm: v["password_confirm"] ?? "",
                actor: .of(req))
            {
            case .failure(let errors):
                return try await invitationPage(
                    req, state: req.formState(v, errors: errors.fields), status: .unprocessableEntity)
            case .success(let id):
                userID = id
            }
        }
        switch try await service.accept(token: token, userID: userID, actor: .of(req)) {
        case .joined(let org):
            let next = req.principal == nil ? "/connexion?suite=%2Fami" : "/ami"
            return Flash.redirect(req, to: next, .joined(org.name))
        case .refused(let message):
            return Flash.redirect(req, to: "/ami/invitations/\(token)", .invitationRefused(message))
        case .invalid:
            return try await invitationPage(req, state: req.formState())
        }
    }

    // MARK: Review by an administrator

    func reviews(req: Request) async throws -> Response { try await reviewsPage(req) }

    func reviewsPage(
        _ req: Request, refusal: RefusalAttempt? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        var pending: [LandlordReviewsPage.Pending] = []
        for o in try await OrganisationStore().list(kind: .landlord, status: .pending, on: req.db) {
            let others = try await OrganisationStore().find(kind: .landlord, identifier: o.identifier, on: req.db)
                .filter { $0.id != o.id && $0.status != .refused }
            pending.append(
                .init(
                    id: o.id, name: o.name, siren: o.identifier,
                    identification: try? JSONDecoder().decode(LandlordIdentification.self, from: Data(o.details.utf8)),
                    registeredBy: try await LandlordService.members(of: o.id, on: req.db).map(\.email),
                    receivedAt: o.createdAt,
                    contestedBy: others.map {
                        "\($0.name) (\(LandlordPages.statusText($0.status, reason: $0.decisionReason)))"
                    }))
        }
        let cursor = req.query[String.self, at: "apres"].flatMap(TimeCursor.init(text:))
        let decided = try await OrganisationStore().decided(
            kind: .landlord, after: cursor, limit: AMORequestsPage.pageSize + 1, on: req.db)
        let shown = decided.prefix(AMORequestsPage.pageSize)
        let next =
            decided.count > AMORequestsPage.pageSize
            ? shown.last.map { NextPage.after("/admin/bailleurs", "apres", OrganisationStore.cursor(of: $0).text) }
            : nil
        let model = LandlordReviewsPage.Model(
            pending: pending,
            decided: shown.map {
                .init(name: $0.name, siret: $0.identifier, status: $0.status, reason: $0.decisionReason)
            },
            next: next, csrfToken: req.csrfToken, refusal: refusal)
        return .html(LandlordReviewsPage.render(req.page(), model), status: status)
    }

    func decide(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: OrganisationID.self), let admin = req.principal,
            let org = try await OrganisationStore().find(id: id, on: req.db), org.kind == .landlord,
            org.status == .pending
        else { throw Abort(.notFound) }
        let v = try req.formValues()
        let (accept, reason, refused) = RefusalAttempt.decision(id: id, v)
        if let refused { return try await reviewsPage(req, refusal: refused, status: .unprocessableEntity) }
        guard
            try await LandlordService(app: req.application).decide(
                id: id, accept: accept, reason: reason, actor: .of(req), adminID: admin.user.id)
        else {
            throw Abort(.notFound)
        }
        return Flash.redirect(req, to: "/admin/bailleurs", .landlordReviewed(accepted: accept))
    }
}
