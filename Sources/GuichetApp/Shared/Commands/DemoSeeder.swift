import Fluent
import GuichetDomain
import GuichetPersistence
import Vapor

/// `guichet serve --demo`: demonstration organisations and one account per role, each with a
/// one-time password printed at start-up. Refuses a database that holds non-demo accounts.
struct DemoSeeder {
    struct Refused: Error, CustomStringConvertible {
        var description: String {
            "Mode démonstration refusé : la base contient des comptes réels. Utilisez une base vide (GUICHET_DATA_DIR "
                + "ou DATABASE_URL distincts)."
        }
    }

    let app: Application

    /// Returns (e-mail, role, one-time password) for each demo account.
    func seed() async throws -> [(String, Role, String)] {
        let db = app.db
        guard try await UserStore().countNonDemo(on: db) == 0 else { throw Refused() }
        let passwords = Passwords(cost: app.bcryptCost)
        return try await db.write { tx in
            var out: [(String, Role, String)] = []
            func org(
                _ kind: OrganisationKind, _ name: String, _ id: String, _ dep: String
            ) async throws -> OrganisationID {
                if let existing = try await OrganisationStore().find(kind: kind, identifier: id, on: tx).first {
                    return existing.id
                }
                return try await OrganisationStore().create(
                    kind: kind, name: name, identifier: id, department: dep, status: .accepted,
                    details: "{}", isDemo: true, on: tx
                ).id
            }
            let amo = try await org(.amo, "Rénov'Conseil Démo", "73282932000074", "01")
            let amo2 = try await org(.amo, "Habitat Conseil Démo", "35600000000048", "69")
            let landlord = try await org(.landlord, "Habitat Social Démo", "732829320", "974")
            let accounts: [(Role, String, String, OrganisationID?, [String])] = [
                (.beneficiaire, "beneficiaire@demo.guichet.invalid", "Bénédicte Démo", nil, []),
                (.beneficiaire, "beneficiaire2@demo.guichet.invalid", "Bernard Démo", nil, []),
                (.amo, "amo@demo.guichet.invalid", "Amaury Démo (AMO)", amo, []),
                (.amo, "amo2@demo.guichet.invalid", "Anne Démo (AMO)", amo2, []),
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
                    user = try await UserStore().create(
                        email: email, passwordHash: hash, displayName: name, activatedAt: app.clock.now(), isDemo: true,
                        on: tx)
                    try await UserStore().grant(
                        userID: user.id, role: role, organisationID: orgID, scope: scope, on: tx)
                }
                out.append((email, role, otp))
            }
            for campaign in Self.demoCampaigns(today: app.clock.today)
            where try await CampaignStore().find(year: campaign.year, on: tx) == nil {
                _ = try await CampaignStore().save(campaign, now: app.clock.now(), on: tx)
            }
            try await DemoDossiers(app: app, tx: tx).seed(amos: [amo, amo2])
            try await AuditService(clock: app.clock).record("démonstration.initialisation", by: .system, on: tx)
            return out
        }
    }

    /// `AMI-K`: the 2024 campaign as the sources describe it (29/04/2024 – 30/09/2024 23:59,
    /// Paris), and, so that the demonstration can be used today, a campaign of the current year
    /// open for three months. Envelopes, quotités and barème are EXAMPLES (not in the sources).
    static func demoCampaigns(today: Day) -> [Campaign] {
        let envelopes: [String: Money] = [
            "971": .euros(8_000_000), "972": .euros(8_000_000), "973": .euros(6_000_000),
            "974": .euros(15_000_000), "976": .euros(5_000_000),
        ]
        let parameters = CampaignParameters(
            quotites: [
                .lls: .percent(30), .llts: .percent(35), .pls: .percent(20), .pli: .percent(15), .li: .percent(15),
            ],
            bareme: [
                .lls: .euros(40_000), .llts: .euros(35_000), .pls: .euros(50_000), .pli: .euros(60_000),
                .li: .euros(60_000),
            ],
            examples: true)
        let paris = TimeZone(identifier: "Europe/Paris")!
        var out = [
            Campaign(
                year: 2024, departments: Campaign.overseasDepartments,
                window: CampaignWindow(
                    opens: CivilTime(day: Day(year: 2024, month: 4, day: 29)!, hour: 0, minute: 0)!,
                    closes: CivilTime(day: Day(year: 2024, month: 9, day: 30)!, hour: 23, minute: 59)!, zone: paris)!,
                envelopes: envelopes, parameters: parameters)
        ]
        if today.year != 2024 {
            out.append(
                Campaign(
                    year: today.year, departments: Campaign.overseasDepartments,
                    window: CampaignWindow(
                        opens: CivilTime(day: today, hour: 0, minute: 0)!,
                        closes: CivilTime(day: today.adding(months: 3), hour: 23, minute: 59)!, zone: paris)!,
                    envelopes: envelopes, parameters: parameters))
        }
        return out
    }
}
