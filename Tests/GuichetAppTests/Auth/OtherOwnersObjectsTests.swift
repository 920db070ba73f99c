import Fluent
import Foundation
import GuichetAppTestSupport
import GuichetDomain
import Testing
import Vapor
import VaporTesting

@testable import GuichetApp
@testable import GuichetPersistence

/// Issue #10: every route that takes an object's identifier, tried by a person who may use the
/// route with an object of another owner: 404, as if it did not exist (`ObjectPolicy`).
@Suite struct OtherOwnersObjectsTests {
    /// Identifiers that name nobody's object in particular (the campaign's year and department,
    /// a possession token) are not objects of an owner.
    static let notObjects: Set<String> = ["year", "department", "token"]

    @Test func everyRouteWithAnIdentifierAnswers404ForAnotherOwnersObject() async throws {
        try await TestApp.run(clock: TestClock(AMIFilingTests.utc("2024-06-01T08:00:00Z")).appClock) { app in
            app.checksUploadsInline = true
            try await AMIFilingTests.campaign2024(app)
            let a = try await AMIFilingTests.landlord(app, email: "a@hlm.test")
            let b = try await AMIFilingTests.landlord(app, email: "b@hlm.test")
            let upload = try await b.upload(
                "/ami/campagnes/2024/974/tableau", fileName: "b.xlsx",
                data: try AMIFixtures.table([AMIFixtures.operation(1)]))
            let uploadID = try #require(
                upload.headers.first(name: .location)?.split(separator: "/").last.map(String.init))
            let bUser = try #require(try await UserStore().find(email: "b@hlm.test", on: app.db))
            let token = try await TokenStore().createAPIToken(
                userID: bUser.id, name: "b", tokenHash: "hb", now: Date(), on: app.db)
            let objects: [String: String] = [
                "upload": uploadID, "id": token.id.uuidString, "user": bUser.id.uuidString,
            ]

            var tried = 0
            for route in app.routes.all {
                let parameters = route.path.compactMap { c -> String? in
                    if case .parameter(let name) = c { return name }
                    return nil
                }
                let owned = parameters.filter { !Self.notObjects.contains($0) }
                // The API answers a bearer token, not a session: its routes are walked with another
                // owner's token in their own tests (DossierAPITests).
                guard !owned.isEmpty, route.path.first != "api", let access = route.access,
                    access.allows(try await Self.principal(app, "a@hlm.test"), config: app.guichetConfig, demo: false)
                else { continue }
                let path =
                    "/"
                    + route.path.map { c -> String in
                        switch c {
                        case .parameter("year"): return "2024"
                        case .parameter("department"): return "974"
                        case .parameter(let name): return objects[name] ?? UUID().uuidString
                        default: return c.description
                        }
                    }.joined(separator: "/")
                let res = route.method == .POST ? try await a.post(path, [:]) : try await a.get(path)
                #expect(
                    res.status == .notFound,
                    "\(route.method) \(path) with another owner's \(owned) → \(res.status.code)")
                tried += 1
            }
            #expect(tried >= 5, "the upload page, its file and result, the member removal, the token revocation")
            // The owner reaches them.
            #expect(try await b.get("/ami/campagnes/2024/974/tableaux/\(uploadID)").status == .ok)
        }
    }

    static func principal(_ app: Application, _ email: String) async throws -> Principal? {
        guard let user = try await UserStore().find(email: email, on: app.db) else { return nil }
        return Principal(
            user: user, grants: try await UserStore().grants(userID: user.id, on: app.db), session: nil,
            viaAPIToken: false)
    }
}

@Suite struct ObjectPolicyTests {
    static func principal(_ grants: [(Role, OrganisationID?, [String])]) -> Principal {
        let user = UserRecord(
            id: UserID(), email: "x@y.fr", passwordHash: "", displayName: "X", phone: nil, activatedAt: nil,
            isDemo: false,
            createdAt: nil)
        return Principal(
            user: user,
            grants: grants.map {
                RoleGrantRecord(id: UUID(), userID: user.id, role: $0.0, organisationID: $0.1, scope: $0.2)
            },
            session: nil, viaAPIToken: false)
    }

    static func filing(_ organisation: OrganisationID, _ department: String) -> FilingRecord {
        FilingRecord(
            id: FilingID(), campaignID: CampaignID(), organisationID: organisation, department: department,
            state: .draft,
            currentUploadID: nil, sentAt: nil, sentBy: nil, receiptFileID: nil, createdAt: Date(), version: 0)
    }

    @Test func membersActStaffSeeWithinTheirScope() {
        let policy = ObjectPolicy(regionOf: { ["974": "04", "971": "01"][$0] })
        let org = OrganisationID()
        let f = Self.filing(org, "974")
        #expect(policy.allows(Self.principal([(.bailleur, org, [])]), .act, .filing(f)))
        #expect(!policy.allows(Self.principal([(.bailleur, OrganisationID(), [])]), .see, .filing(f)))
        #expect(policy.allows(Self.principal([(.instructeur, nil, ["R04"])]), .see, .filing(f)), "by region")
        #expect(policy.allows(Self.principal([(.instructeur, nil, ["974"])]), .see, .filing(f)), "by department")
        #expect(!policy.allows(Self.principal([(.instructeur, nil, ["971", "R01"])]), .see, .filing(f)))
        #expect(!policy.allows(Self.principal([(.instructeur, nil, ["974"])]), .act, .filing(f)), "staff never file")
        #expect(policy.allows(Self.principal([(.comite, nil, [])]), .see, .filing(f)))
        #expect(!policy.allows(nil, .see, .filing(f)))
    }
}
