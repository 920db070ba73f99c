import Foundation
import GuichetAppTestSupport
import GuichetDomain
import SQLKit
import Testing
import VaporTesting

@testable import GuichetApp
@testable import GuichetPersistence

/// Issue #11, where a person lands: each role after signing in, and what an instructor's scope
/// holds (the sent AMI filings of their departments and regions, read-only).
@Suite struct LandingTests {
    @Test(arguments: [
        ([Role.administrateur], "/admin"), ([.instructeur], "/instruction"), ([.comite], "/instruction"),
        ([.bailleur], "/ami"), ([.beneficiaire], "/dossiers"), ([.amo], "/dossiers"),
        ([.bailleur, .administrateur], "/admin"),
    ])
    func eachRoleLandsOnItsPage(roles: [Role], expected: String) {
        #expect(AuthController.landing(for: roles) == expected)
    }

    @Test func signingInWithoutAPageToReturnToLandsByRole() async throws {
        try await TestApp.run { app in
            _ = try await AdministrationTests.admin(app)
            let page = try await Browser(app).get("/connexion")
            #expect(page.text.contains(#"action="/connexion""#), "no ?suite= without a page to return to")
            // The administrator signed in by AdministrationTests.admin landed on the overview.
            let again = Browser(app)
            let res = try await again.post(
                "/connexion", ["email": "adele@al.test", "password": "Mot de passe administrateur 1"])
            #expect(res.headers.first(name: .location) == "/admin")
            let back = Browser(app)
            let withSuite = try await back.post(
                "/connexion?suite=%2Fadmin%2Fjournal",
                ["email": "adele@al.test", "password": "Mot de passe administrateur 1"])
            #expect(withSuite.headers.first(name: .location) == "/admin/journal", "the page asked for wins")
        }
    }

    static func grant(_ role: Role, _ scope: [String]) -> RoleGrantRecord {
        RoleGrantRecord(id: UUID(), userID: UserID(), role: role, organisationID: nil, scope: scope)
    }

    @Test func anInstructorSeesTheSentFilingsOfTheirScopeOnly() async throws {
        try await TestApp.run { app in
            try await AMIFilingTests.campaign2024(app)
            let campaign = try #require(try await CampaignStore().find(year: 2024, on: app.db))
            let org = try await OrganisationStore().create(
                kind: .landlord, name: "Habitat Océan", identifier: "732829320", department: "974",
                status: .accepted, details: "{}", on: app.db)
            let sql = try #require(app.db as? any SQLDatabase)
            for department in ["974", "971", "972"] {
                let f = try await FilingStore().findOrCreate(
                    campaignID: campaign.id, organisationID: org.id, department: department, now: Date(), on: app.db)
                if department != "972" {
                    try await sql.update("ami_filings").set("status", to: "envoyé")
                        .set("sent_at", to: Date()).where("id", .equal, f.id).run()
                }
            }
            let reference = app.referenceData
            let scope = try #require(
                SentFilings.departments(
                    of: [Self.grant(.instructeur, ["974", "R84"])], reference: reference))
            #expect(scope.contains("974") && scope.contains("69") && !scope.contains("971"))
            let seen = try await SentFilings(db: app.db, reference: reference).list(departments: scope)
            #expect(seen.map(\.department) == ["974"], "971 is out of scope, 972 is not sent")
            let all = try await SentFilings(db: app.db, reference: reference).list(departments: nil)
            #expect(Set(all.map(\.department)) == ["974", "971"])
            #expect(
                SentFilings.departments(
                    of: [Self.grant(.comite, [])], reference: reference) == nil,
                "the committee sees every department")
        }
    }
}
