import Vapor
import Fluent
import GuichetDomain
import GuichetPersistence

/// `guichet serve --demo`: demonstration organisations and one account per role, each with a
/// one-time password printed at start-up. Refuses a database that holds non-demo accounts.
struct DemoSeeder {
    struct Refused: Error, CustomStringConvertible {
        var description: String { "Mode démonstration refusé : la base contient des comptes réels. Utilisez une base vide (GUICHET_DATA_DIR ou DATABASE_URL distincts)." }
    }

    let app: Application

    /// Returns (e-mail, role, one-time password) for each demo account.
    func seed() async throws -> [(String, Role, String)] {
        let db = app.db
        guard try await UserStore().countNonDemo(on: db) == 0 else { throw Refused() }
        let passwords = Passwords(cost: app.bcryptCost)
        return try await db.transaction { tx in
            var out: [(String, Role, String)] = []
            func org(_ kind: String, _ name: String, _ id: String, _ dep: String) async throws -> UUID {
                if let existing = try await OrganisationStore().find(kind: kind, identifier: id, on: tx).first { return existing.id }
                return try await OrganisationStore().create(kind: kind, name: name, identifier: id, department: dep, status: "accepted",
                                                            details: "{}", isDemo: true, on: tx).id
            }
            let amo = try await org("amo", "Rénov'Conseil Démo", "73282932000074", "01")
            let landlord = try await org("bailleur", "Habitat Social Démo", "732829320", "974")
            let accounts: [(Role, String, String, UUID?, [String])] = [
                (.beneficiaire, "beneficiaire@demo.guichet.invalid", "Bénédicte Démo", nil, []),
                (.amo, "amo@demo.guichet.invalid", "Amaury Démo (AMO)", amo, []),
                (.bailleur, "bailleur@demo.guichet.invalid", "Bastien Démo (bailleur)", landlord, []),
                (.instructeur, "instructeur@demo.guichet.invalid", "Inès Démo (instructrice)", nil, ["R84", "974"]),
                (.comite, "comite@demo.guichet.invalid", "Corentin Démo (comité)", nil, []),
                (.administrateur, "admin@demo.guichet.invalid", "Adèle Démo (administratrice)", nil, []),
            ]
            for (role, email, name, orgID, scope) in accounts {
                let otp = Tokens.oneTimePassword()
                let hash = try passwords.hash(otp)
                let user: UserRecord
                if let existing = try await UserStore().find(email: email, on: tx) {
                    try await UserStore().setPassword(id: existing.id, hash: hash, on: tx)
                    user = existing
                } else {
                    user = try await UserStore().create(email: email, passwordHash: hash, displayName: name, activatedAt: app.clock.now(), isDemo: true, on: tx)
                    try await UserStore().grant(userID: user.id, role: role.rawValue, organisationID: orgID, scope: scope, on: tx)
                }
                out.append((email, role, otp))
            }
            try await AuditService(clock: app.clock).record("démonstration.initialisation", by: .system, on: tx)
            return out
        }
    }
}
