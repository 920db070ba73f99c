import Foundation
import GuichetAppTestSupport
import GuichetPersistence
import Testing
import Vapor

@testable import GuichetApp

/// Issue #10: an organisation's files stay within its quota; an upload beyond it is refused in
/// French and writes nothing.
@Suite struct StorageQuotaTests {
    @Test func anUploadBeyondTheQuotaIsRefusedAndWritesNothing() async throws {
        try await TestApp.run(
            clock: TestClock(AMIFilingTests.utc("2024-06-01T08:00:00Z")).appClock,
            environment: ["GUICHET_ORGANISATION_QUOTA_MB": "1"]
        ) { app in
            app.checksUploadsInline = true
            try await AMIFilingTests.campaign2024(app)
            let b = try await AMIFilingTests.landlord(app)
            let org = try #require(
                try await OrganisationStore().find(kind: .landlord, identifier: AMIFilingTests.siren, on: app.db).first)
            _ = try await app.files.put(
                name: "déjà là", contentType: "x", sha256: "h", data: Data(count: 1_048_000), now: app.clock.now(),
                organisationID: org.id, on: app.db)
            let refused = try await b.upload(
                "/ami/campagnes/2024/974/tableau", fileName: "t.xlsx",
                data: try AMIFixtures.table([AMIFixtures.operation(1)]))
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.text.contains("espace de stockage de l&#39;organisme est plein")
                    || refused.text.contains("espace de stockage de l'organisme est plein"))
            #expect(try await FilingStore().list(organisationID: org.id, on: app.db).isEmpty, "no draft created")
            #expect(try await app.files.usage(organisationID: org.id, on: app.db) == 1_048_000)
        }
    }
}
