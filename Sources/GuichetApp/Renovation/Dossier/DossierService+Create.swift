import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// From the eligibility test to an account and a dossier (the guide's « Création du compte »):
/// the beneficiary creates their account (12-hour activation e-mail), or an AMO creates it for its
/// client (the beneficiary chooses a password within 12 hours); the test's answers become the
/// dossier's first answers, the civil status is kept read-only (it signs the agreement).
extension DossierService {
    struct NewBeneficiary: Sendable {
        let civilStatus: CivilStatus
        let contact: ContactDetails
        let test: RenovationCase
    }

    /// The AMO creates its client's account and dossier, the AMO prefilled on it.
    func createByAMO(
        _ b: NewBeneficiary, amo: OrganisationRecord, by actor: Actor
    ) async throws
        -> Result<DossierRecord, Refusal>
    {
        let email = AccountService.normalise(b.contact.email)
        let now = clock.now()
        return try await db.write(refusable: { tx -> Result<DossierRecord, Refusal> in
            if try await UserStore().find(email: email, on: tx) != nil {
                return .failure(
                    .form([
                        .init(
                            field: "email",
                            message:
                                "Adresse e-mail : cette adresse a déjà un compte ; le bénéficiaire "
                                + "crée son dossier depuis "
                                + "son compte et vous choisit comme AMO.")
                    ]))
            }
            let user = try await UserStore().create(
                email: email, passwordHash: "", displayName: b.civilStatus.displayName, phone: b.contact.mobile, on: tx)
            let dossier = try await createAccountAndDossier(
                user: user, b, amo: amo, now: now, by: actor, on: tx)
            let link = try await OneTimeLinks(clock: clock, notifier: notifier).issue(
                for: user.id, purpose: "reset", lifetime: AccountService.activationLifetime, path: "/reinitialisation",
                on: tx)
            try await notifier.email(
                to: email, subject: "Votre compte Guichet a été créé par votre AMO",
                body:
                    "Bonjour \(b.civilStatus.displayName),\n\n\(amo.name), votre assistant à maîtrise d'ouvrage, a "
                    + "créé votre compte et votre dossier \(dossier.reference) d'aide à la rénovation énergétique.\n"
                    + "Pour activer votre compte, choisissez votre mot de passe dans les 12 heures :\n\(link)\n\n"
                    + "Passé ce délai, utilisez « Mot de passe oublié » sur la page de connexion.",
                on: tx)
            return .success(dossier)
        })
    }

    /// The beneficiary creates their account and dossier. The answer is the same whether or not
    /// the address already had an account (no account is revealed): the owner of an existing
    /// account is e-mailed instead.
    func createBySelf(_ b: NewBeneficiary, passwordHash: String, by actor: AuditService.Actor) async throws -> Bool {
        let email = AccountService.normalise(b.contact.email)
        let now = clock.now()
        let quota = MailQuota(kind: "signup")
        guard try await quota.clientAllowed(actor.clientAddress, now: now, on: db) else { return false }
        try await db.write { tx in
            let body =
                "Bonjour,\n\nUn compte a été demandé avec votre adresse, qui a déjà un compte sur Guichet.\n"
                + "Connectez-vous pour créer votre dossier : \(notifier.link("/connexion"))\nMot de passe "
                + "oublié : \(notifier.link("/mot-de-passe-oublie"))"
            guard
                try await AccountService.claimNewAddress(
                    email, client: actor.clientAddress, quota: quota, now: now, existingAccountBody: body,
                    notifier: notifier, on: tx)
            else { return }
            let user = try await UserStore().create(
                email: email, passwordHash: passwordHash, displayName: b.civilStatus.displayName,
                phone: b.contact.mobile,
                on: tx)
            let who = Actor(audit: actor, userID: user.id, onBehalfOf: nil)
            _ = try await createAccountAndDossier(user: user, b, amo: nil, now: now, by: who, on: tx)
            try await AccountService.sendActivation(
                user: user, links: OneTimeLinks(clock: clock, notifier: notifier), notifier: notifier, on: tx)
        }
        return true
    }

    /// A signed-in beneficiary's dossier for another dwelling (`RENO-E9`: one per dwelling, several
    /// per household).
    func createForBeneficiary(_ user: UserRecord, test: RenovationCase, by actor: Actor) async throws -> DossierRecord {
        let now = clock.now()
        return try await db.write { tx in
            var answers = DossierAnswers(fromTest: test)
            let previous = try await DossierStore().list(beneficiary: user.id, on: tx).first
            answers.applicant.contact = previous?.answers.applicant.contact
            let dossier = try await DossierStore().create(
                .init(
                    beneficiaryID: user.id, beneficiaryName: user.displayName, amoID: nil, mandate: .none,
                    createdByAMO: false, answers: answers),
                year: clock.today.year, now: now, on: tx)
            try await history(dossier, "Dossier créé.", now: now, by: actor, on: tx)
            return dossier
        }
    }

    private func history(_ d: DossierRecord, _ text: String, now: Date, by actor: Actor, on tx: Database) async throws {
        try await TransitionStore.addHistory(
            d.subject, at: now,
            actor: HistoryActor(
                id: actor.userID, label: actor.audit.label, role: actor.audit.role, onBehalfOf: actor.onBehalfOf),
            from: "", to: DossierState.draft.rawValue, text: text, on: tx)
        try await AuditService(clock: clock).record(
            "dossier.création", by: actor.audit, object: ("dossier", d.id.uuidString), detail: d.reference, on: tx)
    }

    /// The role, the civil status and the dossier of a new account, with the creation's history.
    private func createAccountAndDossier(
        user: UserRecord, _ b: NewBeneficiary, amo: OrganisationRecord?, now: Date, by actor: Actor, on tx: Database
    ) async throws -> DossierRecord {
        try await UserStore().grant(userID: user.id, role: .beneficiaire, on: tx)
        try await CivilStatusStore().put(b.civilStatus, user: user.id, at: now, on: tx)
        var answers = DossierAnswers(fromTest: b.test)
        answers.applicant.contact = b.contact
        let dossier = try await DossierStore().create(
            .init(
                beneficiaryID: user.id, beneficiaryName: user.displayName, amoID: amo?.id, mandate: .none,
                createdByAMO: amo != nil, answers: answers),
            year: clock.today.year, now: now, on: tx)
        let text = amo.map { "Compte et dossier créés par l'AMO « \($0.name) »." } ?? "Compte et dossier créés."
        try await history(dossier, text, now: now, by: actor, on: tx)
        return dossier
    }
}
