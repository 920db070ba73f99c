import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// Account use cases (issue #3): sign-up and activation (`RENO-C`: link valid 12 hours),
/// sign-in with throttling, sign-out, forgotten password (link valid 1 hour, single use),
/// change of password and of e-mail. Answers never reveal whether an e-mail has an account.
struct AccountService {
    typealias Errors = [FieldProblem]

    static let activationLifetime: TimeInterval = 12 * 3600
    static let resetLifetime: TimeInterval = 3600
    static let emailChangeLifetime: TimeInterval = 24 * 3600

    let db: Database
    let clock: AppClock
    let bcryptCost: Int
    let notifier: Notifier
    let passwordPolicy: PasswordPolicy
    var passwords: Passwords { Passwords(cost: bcryptCost) }
    var links: OneTimeLinks { OneTimeLinks(clock: clock, notifier: notifier) }

    static func normalise(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func emailProblem(_ email: String) -> String? { EmailAddress.problem(email) }

    func passwordErrors(
        _ password: String, confirm: String, email: String?, name: String? = nil, field: String = "password"
    ) -> Errors {
        var e = passwordPolicy.problems(password, email: email, name: name).map {
            FieldProblem(field: field, message: $0)
        }
        if password != confirm {
            e.append(.init(field: field + "_confirm", message: "Les deux mots de passe saisis sont différents."))
        }
        return e
    }

    // MARK: Sign-up and activation

    /// Creates a beneficiary account and sends the activation link. Refused input → its errors.
    func signUp(
        email raw: String, name: String, password: String, confirm: String, actor: AuditService.Actor
    ) async throws -> Errors {
        let email = Self.normalise(raw)
        var errors: Errors = []
        if let p = Self.emailProblem(email) { errors.append(.init(field: "email", message: p)) }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(.init(field: "name", message: "Indiquez vos nom et prénom."))
        } else if let long = TextLimits.problem(name, field: "name", label: "Nom et prénom", max: TextLimits.name) {
            errors.append(long)
        }
        errors += passwordErrors(password, confirm: confirm, email: email, name: name)
        if !errors.isEmpty { return errors }
        let now = clock.now()
        let quota = MailQuota(kind: "signup")
        guard try await quota.clientAllowed(actor.clientAddress, now: now, on: db) else {
            return [.init(field: "email", message: MailQuota.tooManyMessage)]
        }
        let hash = try passwords.hash(password)
        try await db.write { tx in
            let body =
                "Bonjour,\n\nUne demande de création de compte a été faite avec votre adresse, qui a déjà un "
                + "compte sur Guichet.\nSi c'était vous, connectez-vous : "
                + "\(notifier.link("/connexion"))\nMot de passe oublié : "
                + "\(notifier.link("/mot-de-passe-oublie"))\nSinon, ignorez ce message."
            guard
                try await Self.claimNewAddress(
                    email, client: actor.clientAddress, quota: quota, now: now, existingAccountBody: body,
                    notifier: notifier, on: tx)
            else { return }
            let user = try await UserStore().create(
                email: email, passwordHash: hash, displayName: name.trimmingCharacters(in: .whitespaces), on: tx)
            try await UserStore().grant(userID: user.id, role: .beneficiaire, on: tx)
            try await sendActivation(user: user, on: tx)
            try await AuditService(clock: clock).record(
                "compte.inscription", by: actor, object: ("utilisateur", user.id.uuidString), on: tx)
        }
        return []
    }

    /// Sign-up's answer that reveals no account, in `tx`: counts the client's and the address's
    /// quotas; when the address already has an account, its owner is e-mailed `existingAccountBody`
    /// (at most a few times an hour) and the answer is false; true when the account may be made.
    static func claimNewAddress(
        _ email: String, client: String, quota: MailQuota, now: Date, existingAccountBody: String,
        notifier: Notifier, on tx: Database
    ) async throws -> Bool {
        let mayMail = try await quota.targetAllowed(email, now: now, on: tx)
        try await quota.count(client: client, target: email, now: now, on: tx)
        guard try await UserStore().find(email: email, on: tx) != nil else { return true }
        if mayMail {
            try await notifier.email(
                to: email, subject: "Tentative de création de compte", body: existingAccountBody, on: tx)
        }
        return false
    }

    /// Refused account input, as form errors.
    struct Refused: Error, Sendable { let fields: Errors }

    /// An account for an invited address (issue #9): the invitation link proved the address, so
    /// the account is active at once; the invitee then accepts with it.
    func createInvited(
        email: String, name: String, password: String, confirm: String,
        actor: AuditService.Actor
    ) async throws -> Result<UserID, Refused> {
        let display = name.trimmingCharacters(in: .whitespaces)
        var errors: Errors = display.isEmpty ? [.init(field: "name", message: "Indiquez vos nom et prénom.")] : []
        if let long = TextLimits.problem(display, field: "name", label: "Nom et prénom", max: TextLimits.name) {
            errors.append(long)
        }
        errors += passwordErrors(password, confirm: confirm, email: email, name: display)
        if !errors.isEmpty { return .failure(Refused(fields: errors)) }
        let hash = try passwords.hash(password)
        let now = clock.now()
        return try await db.write(refusable: { tx in
            if try await UserStore().find(email: email, on: tx) != nil {
                return .failure(
                    Refused(fields: [
                        .init(field: "name", message: "Cette adresse a déjà un compte : connectez-vous pour accepter.")
                    ]))
            }
            let user = try await UserStore().create(
                email: email, passwordHash: hash, displayName: display, activatedAt: now, on: tx)
            try await AuditService(clock: clock).record(
                "compte.inscription-invitation", by: actor, object: ("utilisateur", user.id.uuidString), on: tx)
            return .success(user.id)
        })
    }

    func sendActivation(user: UserRecord, on tx: Database) async throws {
        try await Self.sendActivation(user: user, links: links, notifier: notifier, on: tx)
    }

    /// The 12-hour activation e-mail (`RENO-C`). An account made by an AMO has no password yet:
    /// its link leads to choosing one (which activates it).
    static func sendActivation(user: UserRecord, links: OneTimeLinks, notifier: Notifier, on tx: Database) async throws
    {
        if user.passwordHash.isEmpty {
            let link = try await links.issue(
                for: user.id, purpose: "reset", lifetime: activationLifetime, path: "/reinitialisation", on: tx)
            try await notifier.email(
                to: user.email, subject: "Activez votre compte Guichet",
                body:
                    "Bonjour \(user.displayName),\n\nPour activer votre compte, choisissez votre mot de passe dans les "
                    + "12 heures :\n\(link)",
                on: tx)
            return
        }
        let link = try await links.issue(
            for: user.id, purpose: "activation", lifetime: Self.activationLifetime, path: "/activation", on: tx)
        try await notifier.email(
            to: user.email, subject: "Activez votre compte Guichet",
            body:
                "Bonjour \(user.displayName),\n\nPour activer votre compte, ouvrez ce lien dans les 12 heures "
                + ":\n\(link)\n\nPassé ce délai, utilisez « Mot de passe oublié » sur la page de connexion pour "
                + "recevoir un nouveau lien.",
            on: tx)
    }

    enum Activation: Equatable { case activated, expired, invalid }

    func activate(token: String, actor: AuditService.Actor) async throws -> Activation {
        try await db.write { tx in
            switch try await TokenStore().consume(
                tokenHash: Tokens.digest(token), purposes: ["activation"], now: clock.now(), on: tx)
            {
            case .unknown: return .invalid
            case .expired: return .expired
            case .ok(let t):
                try await UserStore().activate(id: t.userID, at: clock.now(), on: tx)
                try await AuditService(clock: clock).record(
                    "compte.activation", by: actor, object: ("utilisateur", t.userID.uuidString), on: tx)
                return .activated
            }
        }
    }

    // MARK: Sign-in

    enum SignIn: Equatable {
        case success(token: String, userID: UserID)
        case invalid
        case notActivated
        case wait(seconds: Int)
        case locked
    }

    func signIn(email raw: String, password: String, actor: AuditService.Actor) async throws -> SignIn {
        let email = Self.normalise(raw)
        let now = clock.now()
        let since = now.addingTimeInterval(-LoginThrottle.window)
        let attempts = AttemptStore()
        let accountKey = "account:\(email)"
        let addressKey = "ip:\(actor.clientAddress)"
        let accountFailures = try await attempts.recent(kind: "login", key: accountKey, since: since, on: db)
        let addressFailures = try await attempts.recent(kind: "login", key: addressKey, since: since, on: db)
        for failures in [accountFailures, addressFailures] {
            switch LoginThrottle.decide(failures: failures.map(\.timeIntervalSince1970), now: now.timeIntervalSince1970)
            {
            case .allowed: continue
            case .wait(let s): return .wait(seconds: s)
            case .locked: return .locked
            }
        }
        let user = try await UserStore().find(email: email, on: db)
        guard let user, passwords.verify(password, hash: user.passwordHash) else {
            if user == nil { passwords.dummyVerify(password) }
            try await db.write { tx in
                try await attempts.record(kind: "login", key: accountKey, at: now, on: tx)
                try await attempts.record(kind: "login", key: addressKey, at: now, on: tx)
                try await AuditService(clock: clock).record(
                    "connexion.échec", by: actor, object: ("e-mail", email), on: tx)
                if let user, LoginThrottle.crossesLock(failuresBefore: accountFailures.count) {
                    try await notifier.email(
                        to: user.email, subject: "Compte temporairement verrouillé",
                        body:
                            "Bonjour,\n\n\(LoginThrottle.lockAt) tentatives de connexion ont échoué sur votre compte "
                            + "en moins de 15 minutes. Par sécurité, la connexion est bloquée pendant 15 "
                            + "minutes.\nSi ce n'était pas vous, changez votre mot de passe : "
                            + "\(notifier.link("/mot-de-passe-oublie"))",
                        on: tx)
                    try await AuditService(clock: clock).record(
                        "compte.verrouillage", by: .system, object: ("utilisateur", user.id.uuidString), on: tx)
                }
            }
            return .invalid
        }
        guard user.activatedAt != nil else { return .notActivated }
        let token = Tokens.random()
        try await db.write { tx in
            try await attempts.clear(kind: "login", key: accountKey, on: tx)
            _ = try await SessionStore().create(
                tokenHash: Tokens.digest(token), userID: user.id, csrfToken: Tokens.random(), now: now,
                expiresAt: now.addingTimeInterval(SessionMiddleware.absoluteLifetime), on: tx)
            let who = AuditService.Actor(
                id: user.id, label: user.email, role: "connexion", clientAddress: actor.clientAddress,
                userAgent: actor.userAgent)
            try await AuditService(clock: clock).record(
                "connexion.réussie", by: who, object: ("utilisateur", user.id.uuidString), on: tx)
        }
        return .success(token: token, userID: user.id)
    }

    // MARK: Forgotten password

    /// Sends a reset link (or a new activation link to an account never activated). Rate-limited
    /// per e-mail (3 an hour) and per address (20 an hour); the answer is the same in every case.
    func forgotPassword(email raw: String, actor: AuditService.Actor) async throws {
        let email = Self.normalise(raw)
        let now = clock.now()
        let hourAgo = now.addingTimeInterval(-3600)
        let attempts = AttemptStore()
        let byEmail = try await attempts.recent(kind: "reset", key: "account:\(email)", since: hourAgo, on: db).count
        let byAddress = try await attempts.recent(
            kind: "reset", key: "ip:\(actor.clientAddress)", since: hourAgo, on: db
        ).count
        guard byEmail < 3, byAddress < 20 else { return }
        try await db.write { tx in
            try await attempts.record(kind: "reset", key: "account:\(email)", at: now, on: tx)
            try await attempts.record(kind: "reset", key: "ip:\(actor.clientAddress)", at: now, on: tx)
            guard let user = try await UserStore().find(email: email, on: tx) else { return }
            if user.activatedAt == nil {
                try await sendActivation(user: user, on: tx)
            } else {
                let link = try await links.issue(
                    for: user.id, purpose: "reset", lifetime: Self.resetLifetime, path: "/reinitialisation", on: tx)
                try await notifier.email(
                    to: user.email, subject: "Réinitialisation de votre mot de passe",
                    body:
                        "Bonjour \(user.displayName),\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans "
                        + "l'heure (il ne sert qu'une fois) :\n\(link)\n\nSi vous n'avez rien demandé, ignorez ce "
                        + "message.",
                    on: tx)
            }
            try await AuditService(clock: clock).record(
                "mot-de-passe.demande", by: actor, object: ("utilisateur", user.id.uuidString), on: tx)
        }
    }

    enum Reset: Equatable {
        case done, expired, invalid
        case refused(Errors)
    }

    func resetPassword(
        token: String, password: String, confirm: String, actor: AuditService.Actor
    ) async throws -> Reset {
        // Check the password before spending the token.
        let errors = passwordErrors(password, confirm: confirm, email: nil)
        if !errors.isEmpty { return .refused(errors) }
        let hash = try passwords.hash(password)
        return try await db.write { tx in
            switch try await TokenStore().consume(
                tokenHash: Tokens.digest(token), purposes: ["reset"], now: clock.now(), on: tx)
            {
            case .unknown: return .invalid
            case .expired: return .expired
            case .ok(let t):
                guard let user = try await UserStore().find(id: t.userID, on: tx) else { return .invalid }
                try await UserStore().setPassword(id: user.id, hash: hash, on: tx)
                try await UserStore().activate(id: user.id, at: clock.now(), on: tx)
                try await SessionStore().deleteAll(userID: user.id, on: tx)
                try await notifier.email(
                    to: user.email, subject: "Mot de passe modifié",
                    body:
                        "Bonjour \(user.displayName),\n\nLe mot de passe de votre compte vient d'être modifié. Si ce "
                        + "n'était pas vous, contactez Action Logement.",
                    on: tx)
                try await AuditService(clock: clock).record(
                    "mot-de-passe.réinitialisation", by: actor, object: ("utilisateur", user.id.uuidString), on: tx)
                return .done
            }
        }
    }

    // MARK: Account changes

    func changePassword(
        _ p: Principal, current: String, new: String, confirm: String, actor: AuditService.Actor
    ) async throws -> Errors {
        guard passwords.verify(current, hash: p.user.passwordHash) else {
            return [.init(field: "current_password", message: "Mot de passe actuel incorrect.")]
        }
        let errors = passwordErrors(new, confirm: confirm, email: p.user.email, name: p.user.displayName)
        if !errors.isEmpty { return errors }
        let hash = try passwords.hash(new)
        try await db.write { tx in
            try await UserStore().setPassword(id: p.user.id, hash: hash, on: tx)
            try await SessionStore().deleteAll(userID: p.user.id, except: p.session?.id, on: tx)
            try await notifier.email(
                to: p.user.email, subject: "Mot de passe modifié",
                body:
                    "Bonjour \(p.user.displayName),\n\nLe mot de passe de votre compte vient d'être modifié. Si ce "
                    + "n'était pas vous, contactez Action Logement.",
                on: tx)
            try await AuditService(clock: clock).record(
                "mot-de-passe.changement", by: actor, object: ("utilisateur", p.user.id.uuidString), on: tx)
        }
        return []
    }

    func requestEmailChange(
        _ p: Principal, newEmail raw: String, password: String, actor: AuditService.Actor
    ) async throws -> Errors {
        let email = Self.normalise(raw)
        if let problem = Self.emailProblem(email) { return [.init(field: "email", message: problem)] }
        guard passwords.verify(password, hash: p.user.passwordHash) else {
            return [.init(field: "password", message: "Mot de passe incorrect.")]
        }
        try await db.write { tx in
            if try await UserStore().find(email: email, on: tx) != nil {
                try await notifier.email(
                    to: email, subject: "Changement d'adresse refusé",
                    body:
                        "Bonjour,\n\nQuelqu'un a demandé à utiliser votre adresse pour un autre compte Guichet ; elle "
                        + "est déjà utilisée, la demande n'a pas abouti.",
                    on: tx)
                return
            }
            let link = try await links.issue(
                for: p.user.id, purpose: "email", lifetime: Self.emailChangeLifetime, path: "/compte/email",
                payload: email, on: tx)
            try await notifier.email(
                to: email, subject: "Confirmez votre nouvelle adresse",
                body:
                    "Bonjour \(p.user.displayName),\n\nPour utiliser cette adresse sur Guichet, ouvrez ce lien dans "
                    + "les 24 heures :\n\(link)",
                on: tx)
            try await notifier.email(
                to: p.user.email, subject: "Demande de changement d'adresse",
                body:
                    "Bonjour \(p.user.displayName),\n\nUn changement d'adresse e-mail vers \(email) a été demandé. Si "
                    + "ce n'était pas vous, changez votre mot de passe.",
                on: tx)
            try await AuditService(clock: clock).record(
                "email.demande", by: actor, object: ("utilisateur", p.user.id.uuidString), detail: email, on: tx)
        }
        return []
    }

    func confirmEmailChange(token: String, actor: AuditService.Actor) async throws -> Activation {
        try await db.write { tx in
            switch try await TokenStore().consume(
                tokenHash: Tokens.digest(token), purposes: ["email"], now: clock.now(), on: tx)
            {
            case .unknown: return .invalid
            case .expired: return .expired
            case .ok(let t):
                guard try await UserStore().find(email: t.payload, on: tx) == nil else { return .invalid }
                try await UserStore().setEmail(id: t.userID, email: t.payload, on: tx)
                try await AuditService(clock: clock).record(
                    "email.changement", by: actor, object: ("utilisateur", t.userID.uuidString), detail: t.payload,
                    on: tx)
                return .activated
            }
        }
    }
}
