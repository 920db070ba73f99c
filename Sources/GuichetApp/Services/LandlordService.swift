import Vapor
import Fluent
import GuichetDomain
import GuichetPersistence
import GuichetViews

/// `AMI-B`: landlord organisations: identification (SIREN checked), members.
struct LandlordService: Sendable {
    let app: Application

    /// The organisation a landlord member acts for (the first one held).
    static func organisation(of p: Principal?, on db: Database) async throws -> OrganisationRecord? {
        guard let id = p?.organisations(for: .bailleur).first else { return nil }
        return try await OrganisationStore().find(id: id, on: db)
    }

    static func validate(_ v: [String: String]) -> (LandlordIdentification?, [FormState.FieldError]) {
        func t(_ k: String) -> String { (v[k] ?? "").trimmingCharacters(in: .whitespaces) }
        var errors: [FormState.FieldError] = []
        let siren = Siren(t("siren"))
        if siren == nil { errors.append(.init(field: "siren", message: "SIREN invalide : 9 chiffres avec une clé de contrôle valide (AMI-B).")) }
        if t("name").isEmpty { errors.append(.init(field: "name", message: "Indiquez la raison sociale de l'organisme.")) }
        let kind = LandlordKind(rawValue: t("kind"))
        if kind == nil { errors.append(.init(field: "kind", message: "Choisissez le statut de l'organisme : OPH, ESH, SEM ou autre.")) }
        if t("address").isEmpty { errors.append(.init(field: "address", message: "Indiquez l'adresse du siège.")) }
        if PostalCode(t("postal_code")) == nil { errors.append(.init(field: "postal_code", message: "Code postal invalide : 5 chiffres.")) }
        if t("city").isEmpty { errors.append(.init(field: "city", message: "Indiquez la commune.")) }
        if t("contact_name").isEmpty { errors.append(.init(field: "contact_name", message: "Indiquez le nom du contact.")) }
        let email = AccountService.normalise(t("contact_email"))
        if let p = AccountService.emailProblem(email) { errors.append(.init(field: "contact_email", message: p)) }
        if !(10...15).contains(t("contact_phone").filter(\.isNumber).count) {
            errors.append(.init(field: "contact_phone", message: "Numéro de téléphone invalide (10 chiffres)."))
        }
        guard errors.isEmpty, let siren, let kind else { return (nil, errors) }
        return (LandlordIdentification(name: t("name"), siren: siren.value, kind: kind, address: t("address"), postalCode: t("postal_code"),
                                       city: t("city"), contactName: t("contact_name"), contactEmail: email, contactPhone: t("contact_phone")), [])
    }

    enum Registered { case created(OrganisationRecord), refused([FormState.FieldError]) }

    /// Creates the organisation and makes the person its first member.
    func register(_ id: LandlordIdentification, userID: UUID, actor: AuditService.Actor) async throws -> Registered {
        try await app.db.transaction { tx in
            if try await !OrganisationStore().find(kind: "bailleur", identifier: id.siren, on: tx).isEmpty {
                return .refused([.init(field: "siren", message: "Cet organisme (SIREN \(id.siren)) est déjà inscrit : demandez à l'un de ses membres de vous ajouter.")])
            }
            let details = String(decoding: try JSONEncoder().encode(id), as: UTF8.self)
            let postal = app.referenceData.communesByPostalCode[id.postalCode]?.first
            let department = postal.flatMap { InseeCode($0.insee)?.departmentCode } ?? String(id.postalCode.prefix(2))
            let org = try await OrganisationStore().create(kind: "bailleur", name: id.name, identifier: id.siren, department: department,
                                                           status: "accepted", details: details, on: tx)
            try await UserStore().grant(userID: userID, role: Role.bailleur.rawValue, organisationID: org.id, on: tx)
            try await AuditService(clock: app.clock).record("bailleur.inscription", by: actor, object: ("organisation", org.id.uuidString),
                                                           detail: "SIREN \(id.siren) \(id.kind.rawValue)", on: tx)
            return .created(org)
        }
    }

    /// Adds a member by e-mail: an existing account gets the landlord role for the organisation;
    /// otherwise an account is created with an activation link.
    func addMember(organisation: OrganisationRecord, email raw: String, name: String, actor: AuditService.Actor) async throws -> [FormState.FieldError] {
        let email = AccountService.normalise(raw)
        if let p = AccountService.emailProblem(email) { return [.init(field: "email", message: p)] }
        let notifier = app.notifier
        return try await app.db.transaction { tx in
            if let user = try await UserStore().find(email: email, on: tx) {
                let grants = try await UserStore().grants(userID: user.id, on: tx)
                if grants.contains(where: { $0.role == Role.bailleur.rawValue && $0.organisationID == organisation.id }) {
                    return [.init(field: "email", message: "Cette personne est déjà membre de \(organisation.name).")]
                }
                try await UserStore().grant(userID: user.id, role: Role.bailleur.rawValue, organisationID: organisation.id, on: tx)
                try await notifier.email(to: email, subject: "Accès AMI DROM pour \(organisation.name)",
                    body: "Bonjour \(user.displayName),\n\n\(actor.label) vous a ajouté aux membres de \(organisation.name) sur Guichet. Vous pouvez déposer les tableaux de programmation de l'organisme : \(notifier.link("/ami"))", on: tx)
            } else {
                let display = name.trimmingCharacters(in: .whitespaces)
                guard !display.isEmpty else { return [.init(field: "name", message: "Indiquez le nom de la personne à ajouter.")] }
                let user = try await UserStore().create(email: email, passwordHash: try Passwords(cost: app.bcryptCost).hash(Tokens.random()),
                                                        displayName: display, on: tx)
                try await UserStore().grant(userID: user.id, role: Role.bailleur.rawValue, organisationID: organisation.id, on: tx)
                let link = try await OneTimeLinks(clock: app.clock, notifier: notifier)
                    .issue(for: user.id, purpose: "reset", lifetime: AccountService.activationLifetime, path: "/reinitialisation", on: tx)
                try await notifier.email(to: email, subject: "Votre accès à Guichet pour \(organisation.name)",
                    body: "Bonjour \(display),\n\n\(actor.label) vous a ajouté aux membres de \(organisation.name) sur Guichet (AMI DROM). Choisissez votre mot de passe dans les 12 heures :\n\(link)", on: tx)
            }
            try await AuditService(clock: app.clock).record("bailleur.membre-ajouté", by: actor, object: ("organisation", organisation.id.uuidString),
                                                           detail: email, on: tx)
            return []
        }
    }

    func members(of organisationID: UUID, on db: Database) async throws -> [UserRecord] {
        var out: [UserRecord] = []
        for g in try await UserStore().grants(role: Role.bailleur.rawValue, on: db) where g.organisationID == organisationID {
            if let u = try await UserStore().find(id: g.userID, on: db) { out.append(u) }
        }
        return out.sorted { $0.email < $1.email }
    }
}
