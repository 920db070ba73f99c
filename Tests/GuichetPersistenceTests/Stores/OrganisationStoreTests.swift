import Foundation
import GuichetAppTestSupport
import Testing

@testable import GuichetPersistence

@Suite struct OrganisationStoreTests {
    /// Issue #11: lists come in French order on every database (accents and case aside).
    @Test func listsInFrenchOrder() async throws {
        try await TestApp.run { app in
            for (n, name) in ["Saint-Victor Habitat", "Saint-Éloi Habitat", "saint-andré logement", "Zénith"]
                .enumerated()
            {
                _ = try await OrganisationStore().create(
                    kind: .landlord, name: name, identifier: "73282932\(n)", department: "974", status: .pending,
                    details: "{}", on: app.db)
            }
            let names = try await OrganisationStore().list(kind: .landlord, status: .pending, on: app.db).map(\.name)
            #expect(names == ["saint-andré logement", "Saint-Éloi Habitat", "Saint-Victor Habitat", "Zénith"])
        }
    }
}
