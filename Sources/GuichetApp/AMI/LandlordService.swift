import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// `AMI-B`: landlord organisations, by consent and review (issue #9).
/// - Registering creates a *pending* organisation that an administrator reviews; a SIREN that
///   is already registered is not refused but sent to that review, so a squatter cannot block
///   its real holder. Only an accepted organisation files.
/// - Members join by an invitation the invitee accepts (a single-use link valid 7 days, its token
///   stored hashed); an account is created on acceptance when needed; the inviter gets the same
///   answer whatever the address. Staff accounts are never landlord members.
/// - A member can leave or remove another member, never the last one.
struct LandlordService: Sendable {
    let db: Database
    let clock: AppClock
    let notifier: Notifier
    let reference: ReferenceData

    static let invitationLifetime: TimeInterval = 7 * 24 * 3600
    static let staffRefusal =
        "Les comptes du personnel d'Action Logement ne peuvent pas être membres d'un bailleur social."

    /// The organisation a landlord member acts for (the first one held).
    static func organisation(of p: Principal?, on db: Database) async throws -> OrganisationRecord? {
        guard let id = p?.organisations(for: .bailleur).first else { return nil }
        return try await OrganisationStore().find(id: id, on: db)
    }

    static func isStaff(_ grants: [RoleGrantRecord]) -> Bool {
        grants.contains { $0.role.isStaff }
    }

    static func validate(_ v: [String: String]) -> (LandlordIdentification?, [FieldProblem]) {
        func t(_ k: String) -> String { (v[k] ?? "").trimmingCharacters(in: .whitespaces) }
        var errors: [FieldProblem] = []
        let siren = Siren(t("siren"))
        if siren == nil {
            errors.append(
                .init(field: "siren", message: "SIREN invalide : 9 chiffres avec une clé de contrôle valide (AMI-B)."))
        }
        if t("name").isEmpty {
            errors.append(.init(field: "name", message: "Indiquez la raison sociale de l'organisme."))
        }
        let kind = LandlordKind(rawValue: t("kind"))
        if kind == nil {
            errors.append(
                .init(field: "kind", message: "Choisissez le statut de l'organisme : OPH, ESH, SEM ou autre."))
        }
        if t("address").isEmpty { errors.append(.init(field: "address", message: "Indiquez l'adresse du siège.")) }
        if PostalCode(t("postal_code")) == nil {
            errors.append(.init(field: "postal_code", message: "Code postal invalide : 5 chiffres."))
        }
        if t("city").isEmpty { errors.append(.init(field: "city", message: "Indiquez la commune.")) }
        if t("contact_name").isEmpty {
            errors.append(.init(field: "contact_name", message: "Indiquez le nom du contact."))
        }
        let (email, contactProblems) = ContactFields.read(t)
        errors += contactProblems
        errors += TextLimits.problems(
            v.mapValues { $0.trimmingCharacters(in: .whitespaces) },
            [
                ("name", "Raison sociale", TextLimits.organisation), ("address", "Adresse", TextLimits.line),
                ("city", "Commune", TextLimits.name), ("contact_name", "Nom du contact", TextLimits.name),
            ])
        guard errors.isEmpty, let siren, let kind else { return (nil, errors) }
        return (
            LandlordIdentification(
                name: t("name"), siren: siren, kind: kind, address: t("address"), postalCode: t("postal_code"),
                city: t("city"), contactName: t("contact_name"), contactEmail: email, contactPhone: t("contact_phone")),
            []
        )
    }

    enum Registered {
        case created(OrganisationRecord, contested: Bool)
        case refused([FieldProblem])
    }

    /// Creates a pending organisation with the person as its first member, for review.
    func register(_ id: LandlordIdentification, userID: UserID, actor: AuditService.Actor) async throws -> Registered {
        let grants = try await UserStore().grants(userID: userID, on: db)
        if Self.isStaff(grants) { return .refused([.init(field: "siren", message: Self.staffRefusal)]) }
        let notifier = self.notifier
        let clock = self.clock
        let postal = reference.communesByPostalCode[id.postalCode]?.first
        let department = postal.flatMap { InseeCode($0.insee)?.departmentCode } ?? String(id.postalCode.prefix(2))
        return try await db.write { tx in
            let holders = try await OrganisationStore().find(kind: .landlord, identifier: id.siren.value, on: tx).filter
            {
                $0.status != .refused
            }
            let details = String(decoding: try JSONEncoder().encode(id), as: UTF8.self)
            let org = try await OrganisationStore().create(
                kind: .landlord, name: id.name, identifier: id.siren.value, department: department,
                status: .pending, details: details, on: tx)
            _ = try await UserStore().grant(userID: userID, role: .bailleur, organisationID: org.id, on: tx)
            try await AuditService(clock: clock).record(
                "bailleur.inscription", by: actor, object: ("organisation", org.id.uuidString),
                detail:
                    "SIREN \(id.siren) \(id.kind.rawValue)\(holders.isEmpty ? "" : " (SIREN déjà inscrit : revue)")",
                on: tx)
            try await notifier.reviewersOfFirstPending(
                kind: .landlord, organisation: org.id,
                what: "inscriptions de bailleurs sociaux", path: "/admin/bailleurs", on: tx)
            return .created(org, contested: !holders.isEmpty)
        }
    }

    /// An administrator accepts or refuses a pending organisation; its members are told.
    func decide(
        id: OrganisationID, accept: Bool, reason: String, actor: AuditService.Actor, adminID: UserID
    ) async throws -> Bool {
        let notifier = self.notifier
        let decision = OrganisationDecision(accept: accept, reason: reason, adminID: adminID)
        return try await decision.apply(
            to: id, kind: .landlord, history: "Inscription", by: actor,
            writer: LifecycleWriter(clock: clock, notifier: notifier), on: db
        ) { org, tx in
            let text =
                accept
                ? "L'inscription de \(org.name) (SIREN \(org.identifier)) à l'AMI DROM est acceptée : vous pouvez "
                    + "déposer ses tableaux de programmation : \(notifier.link("/ami"))"
                : "L'inscription de \(org.name) (SIREN \(org.identifier)) à l'AMI DROM n'a pas été acceptée."
                    + (reason.isEmpty ? "" : "\nMotif : \(reason)")
            return try await Self.members(of: org.id, on: tx).map {
                .init(to: $0.email, subject: "Inscription de \(org.name) à l'AMI DROM", body: "Bonjour,\n\n\(text)")
            }
        }
    }

    /// Invites a person by e-mail. The answer does not depend on the address (issue #9): the
    /// invitation is sent in every case, within the mail quota, and only its acceptance decides.
    func invite(
        organisation: OrganisationRecord, email raw: String, invitedBy: UserID, actor: AuditService.Actor
    ) async throws -> [FieldProblem] {
        let email = AccountService.normalise(raw)
        if let p = AccountService.emailProblem(email) { return [.init(field: "email", message: p)] }
        let now = clock.now()
        let quota = MailQuota(kind: "invitation")
        guard try await quota.clientAllowed(actor.clientAddress, now: now, on: db) else {
            return [.init(field: "email", message: MailQuota.tooManyMessage)]
        }
        let notifier = self.notifier
        let clock = self.clock
        let token = Tokens.random()
        try await db.write { tx in
            let mayMail = try await quota.targetAllowed(email, now: now, on: tx)
            try await quota.count(client: actor.clientAddress, target: email, now: now, on: tx)
            _ = try await InvitationStore().create(
                organisationID: organisation.id, email: email, tokenHash: Tokens.digest(token),
                invitedBy: invitedBy, now: now, expiresAt: now.addingTimeInterval(Self.invitationLifetime), on: tx)
            if mayMail {
                try await notifier.email(
                    to: email, subject: "Invitation à rejoindre \(organisation.name) sur Guichet",
                    body:
                        "Bonjour,\n\n\(actor.label) vous invite à rejoindre les membres de \(organisation.name) "
                        + "(SIREN \(organisation.identifier)) sur Guichet, pour déposer ses tableaux de "
                        + "programmation à l'AMI DROM.\n\nPour accepter, ouvrez ce lien dans les 7 jours "
                        + ":\n\(notifier.link("/ami/invitations/\(token)"))\n\nSi vous ne connaissez pas cet "
                        + "organisme, ignorez ce message : rien ne change sans votre accord.",
                    on: tx)
            }
            try await AuditService(clock: clock).record(
                "bailleur.invitation", by: actor, object: ("organisation", organisation.id.uuidString),
                detail: email, on: tx)
        }
        return []
    }

    enum InvitationState: Equatable {
        case valid(InvitationRecord, OrganisationRecord)
        case expired, unknown
    }

    func invitation(token: String) async throws -> InvitationState {
        guard let inv = try await InvitationStore().find(tokenHash: Tokens.digest(token), on: db),
            inv.acceptedAt == nil,
            let org = try await OrganisationStore().find(id: inv.organisationID, on: db), org.status != .refused
        else { return .unknown }
        return inv.expiresAt < clock.now() ? .expired : .valid(inv, org)
    }

    enum Acceptance: Equatable {
        case joined(OrganisationRecord)
        case refused(String)
        case invalid
    }

    /// The invitee accepts: the account of the invited address gets the landlord role for the
    /// organisation. `userID` is the signed-in person (whose e-mail must be the invited one) or
    /// the account just created for the invited address.
    func accept(token: String, userID: UserID, actor: AuditService.Actor) async throws -> Acceptance {
        guard case .valid(let inv, let org) = try await invitation(token: token) else { return .invalid }
        let clock = self.clock
        let result = try await db.write(refusable: { tx -> Result<Acceptance, AcceptRefusal> in
            guard let user = try await UserStore().find(id: userID, on: tx) else { return .success(.invalid) }
            guard user.email == inv.email else {
                return .failure(
                    AcceptRefusal(
                        message: "Cette invitation a été envoyée à une autre adresse e-mail que celle de votre compte.")
                )
            }
            let grants = try await UserStore().grants(userID: userID, on: tx)
            if Self.isStaff(grants) { return .failure(AcceptRefusal(message: Self.staffRefusal)) }
            guard try await InvitationStore().accept(id: inv.id, by: userID, at: clock.now(), on: tx) else {
                return .success(.invalid)
            }
            if !grants.contains(where: { $0.role == .bailleur && $0.organisationID == org.id }) {
                _ = try await UserStore().grant(userID: userID, role: .bailleur, organisationID: org.id, on: tx)
            }
            try await AuditService(clock: clock).record(
                "bailleur.membre-ajouté", by: actor, object: ("organisation", org.id.uuidString),
                detail: user.email, on: tx)
            return .success(.joined(org))
        })
        switch result {
        case .success(let acceptance): return acceptance
        case .failure(let refusal): return .refused(refusal.message)
        }
    }

    struct AcceptRefusal: Error, Sendable { let message: String }

    enum Removal: Equatable { case removed, notMember, lastMember }

    /// A member leaves, or removes another member; never the last one.
    func remove(
        member userID: UserID, from organisation: OrganisationRecord, actor: AuditService.Actor
    ) async throws -> Removal {
        let clock = self.clock
        let result = try await db.write(refusable: { tx -> Result<Bool, RemovalRefusal> in
            let members = try await Self.members(of: organisation.id, on: tx)
            guard let member = members.first(where: { $0.id == userID }) else {
                return .failure(RemovalRefusal(reason: .notMember))
            }
            guard members.count > 1 else { return .failure(RemovalRefusal(reason: .lastMember)) }
            try await UserStore().revoke(userID: userID, role: .bailleur, organisationID: organisation.id, on: tx)
            try await AuditService(clock: clock).record(
                "bailleur.membre-retiré", by: actor, object: ("organisation", organisation.id.uuidString),
                detail: member.email, on: tx)
            return .success(true)
        })
        switch result {
        case .success: return .removed
        case .failure(let refusal): return refusal.reason
        }
    }

    struct RemovalRefusal: Error, Sendable { let reason: Removal }

    static func members(of organisationID: OrganisationID, on db: Database) async throws -> [UserRecord] {
        try await UserStore().members(of: organisationID, role: .bailleur, on: db)
    }
}
