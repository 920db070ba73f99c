import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// Accounts created by an administrator (or from the shell for the first one), and decisions
/// on AMO account requests.
struct StaffService {
    let clock: AppClock
    let notifier: Notifier
    let bcryptCost: Int
    let db: Database

    struct Created: Sendable {
        let user: UserRecord
        let activationLink: String
    }

    /// Parses a scope: department codes (`01`…`976`, `2A`) or region codes prefixed `R` (`R84`).
    static func parseScope(_ text: String, reference: ReferenceData) -> (codes: [String], unknown: [String]) {
        let items = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map { $0.uppercased() }
        var codes: [String] = []
        var unknown: [String] = []
        let regions = Set(reference.departments.values.map(\.regionCode))
        for i in items {
            if i.hasPrefix("R"), regions.contains(String(i.dropFirst())) {
                codes.append(i)
            } else if reference.departments[i] != nil {
                codes.append(i)
            } else {
                unknown.append(i)
            }
        }
        return (codes, unknown)
    }

    /// Creates a staff account (or adds the roles to an existing one) and sends an activation link.
    /// `scopeProblems` (read by the caller from the typed scope) are refused with the others, so
    /// that every problem of the form is listed at once (issue #11).
    func createStaff(
        email raw: String, name: String, roles: [Role], scope: [String], scopeProblems: [FieldProblem] = [],
        actor: AuditService.Actor
    ) async throws -> StaffResult {
        let email = AccountService.normalise(raw)
        var errors: [FieldProblem] = []
        if let p = AccountService.emailProblem(email) { errors.append(.init(field: "email", message: p)) }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(.init(field: "name", message: "Indiquez le nom."))
        } else if let long = TextLimits.problem(name, field: "name", label: "Nom", max: TextLimits.name) {
            errors.append(long)
        }
        errors += scopeProblems
        if roles.isEmpty || !roles.allSatisfy(\.isStaff) {
            errors.append(.init(field: "role", message: "Choisissez un rôle : instructeur, comité ou administrateur."))
        }
        if !errors.isEmpty { return .refused(errors) }
        let notifier = self.notifier
        let created = try await db.write { tx -> Created in
            let user: UserRecord
            if let existing = try await UserStore().find(email: email, on: tx) {
                user = existing
            } else {
                // An unusable random password until the person chooses one through the link.
                user = try await UserStore().create(
                    email: email, passwordHash: try Passwords(cost: bcryptCost).hash(Tokens.random()),
                    displayName: name.trimmingCharacters(in: .whitespaces), on: tx)
            }
            let held = Set(try await UserStore().grants(userID: user.id, on: tx).map(\.role))
            for r in roles where !held.contains(r) {
                try await UserStore().grant(userID: user.id, role: r, scope: r == .instructeur ? scope : [], on: tx)
            }
            let link = try await OneTimeLinks(clock: clock, notifier: notifier)
                .issue(
                    for: user.id, purpose: "reset", lifetime: AccountService.activationLifetime,
                    path: "/reinitialisation", on: tx)
            try await notifier.email(
                to: email, subject: "Votre accès à Guichet",
                body:
                    "Bonjour \(user.displayName),\n\nUn accès \(roles.map(\.french).joined(separator: ", ")) vous a "
                    + "été ouvert sur Guichet. Choisissez votre mot de passe dans les 12 heures :\n\(link)",
                on: tx)
            try await AuditService(clock: clock).record(
                "compte.création-personnel", by: actor, object: ("utilisateur", user.id.uuidString),
                detail: roles.map(\.french).joined(separator: ", ")
                    + (scope.isEmpty ? "" : " ; périmètre " + scope.joined(separator: ",")), on: tx)
            return Created(user: user, activationLink: link)
        }
        return .created(created)
    }

    enum StaffResult {
        case created(Created)
        case refused([FieldProblem])
    }

    /// Accepts or refuses a pending AMO request. Accepting opens an AMO account to the commercial
    /// contact (activation link by e-mail). False when the request is unknown or already decided.
    func decideAMO(
        id: OrganisationID, accept: Bool, reason: String, actor: AuditService.Actor, adminID: UserID
    ) async throws -> Bool {
        let notifier = self.notifier
        let clock = self.clock
        let cost = self.bcryptCost
        let decision = OrganisationDecision(accept: accept, reason: reason, adminID: adminID)
        return try await decision.apply(
            to: id, kind: .amo, history: "Demande de compte AMO", by: actor,
            writer: LifecycleWriter(clock: clock, notifier: notifier), on: db
        ) { org, tx in
            let details = AMORequest.decode(org.details)
            guard accept else {
                return [
                    .init(
                        to: details.contactEmail, subject: "Votre demande de compte AMO",
                        body: "Bonjour \(details.contactName),\n\nLa demande de compte AMO de \(org.name) (SIRET "
                            + "\(org.identifier)) n'a pas été acceptée.\(reason.isEmpty ? "" : "\nMotif : \(reason)")")
                ]
            }
            let user: UserRecord
            if let existing = try await UserStore().find(email: details.contactEmail, on: tx) {
                user = existing
            } else {
                user = try await UserStore().create(
                    email: details.contactEmail, passwordHash: try Passwords(cost: cost).hash(Tokens.random()),
                    displayName: details.contactName, phone: details.contactPhone, on: tx)
            }
            try await UserStore().grant(userID: user.id, role: .amo, organisationID: org.id, on: tx)
            let link = try await OneTimeLinks(clock: clock, notifier: notifier)
                .issue(
                    for: user.id, purpose: "reset", lifetime: AccountService.activationLifetime,
                    path: "/reinitialisation", on: tx)
            return [
                .init(
                    to: details.contactEmail, subject: "Votre compte AMO est ouvert",
                    body: "Bonjour \(details.contactName),\n\nLa demande de compte AMO de \(org.name) (SIRET "
                        + "\(org.identifier)) est acceptée. Choisissez votre mot de passe dans les 12 heures :\n\(link)"
                )
            ]
        }
    }
}
