import Fluent
import Foundation
import GuichetAppTestSupport
import GuichetDomain
import SQLKit
import Testing

@testable import GuichetPersistence

/// Issue #10: the main entities' identifiers are typed from the database to the page
/// (`UserID`, `OrganisationID`…), and are stored as the plain UUIDs they were before, so that
/// existing databases and raw SQL read them unchanged.
@Suite struct TypedIdentifierTests {
    @Test func typedIdentifiersAreStoredAsPlainUUIDs() async throws {
        try await TestApp.run { app in
            let user = try await UserStore().create(
                email: "typed@exemple.fr", passwordHash: "h", displayName: "Typed", on: app.db)
            let org = try await OrganisationStore().create(
                kind: .amo, name: "Rénov", identifier: "73282932000074", department: "01", status: .accepted,
                details: "", on: app.db)
            try await UserStore().grant(userID: user.id, role: .amo, organisationID: org.id, on: app.db)

            let sql = try #require(app.db as? any SQLDatabase)
            let row = try #require(
                try await sql.select().column("user_id").column("organisation_id").from("role_grants").first())
            #expect(try row.decode(column: "user_id", as: UUID.self) == user.id.rawValue)
            #expect(try row.decode(column: "organisation_id", as: UUID.self) == org.id.rawValue)

            let found = try await UserStore().grants(userID: user.id, on: app.db)
            #expect(found.map(\.organisationID) == [org.id])
            #expect(
                try await OrganisationStore().find(id: OrganisationID(org.id.rawValue), on: app.db)?.name == "Rénov")
            #expect(try await OrganisationStore().find(id: OrganisationID(), on: app.db) == nil)
        }
    }

    @Test func aRouteParameterReadsAsATypedIdentifierOrNotAtAll() {
        let raw = UUID()
        #expect(UserID(raw.uuidString) == UserID(raw))
        #expect(UserID(uuidString: "pas-un-identifiant") == nil)
        #expect(FilingID(raw).description == raw.uuidString)
    }
}
