import Fluent
import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetPersistence
import SQLKit
import Testing
import Vapor

@testable import GuichetApp

/// Issue #10: the lists that grow are read by keyset pages; the journal page checks the head of
/// the chain against the signed checkpoint without reading the whole trail.
@Suite struct PaginationTests {
    @Test func accountsAreListedFiftyAtATimeInEmailOrder() async throws {
        try await TestApp.run { app in
            let admin = try await AdministrationTests.admin(app)
            for n in 0..<60 {
                _ = try await UserStore().create(
                    email: String(format: "personne%02d@example.fr", n), passwordHash: "x", displayName: "P\(n)",
                    phone: nil,
                    on: app.db)
            }
            let first = try await admin.get("/admin/comptes")
            #expect(first.text.contains("personne00@example.fr"))
            #expect(!first.text.contains("personne55@example.fr"))
            let next = try #require(first.text.range(of: #"/admin/comptes\?apres=[^"]+"#, options: .regularExpression))
            let href = String(first.text[next]).replacingOccurrences(of: "&amp;", with: "&")
            let second = try await admin.get(href)
            #expect(second.text.contains("personne55@example.fr"))
            #expect(!second.text.contains("personne00@example.fr"))
        }
    }

    @Test func theJournalIsReadByPagesAndItsHeadCheckedAgainstTheCheckpoint() async throws {
        try await TestApp.run { app in
            let admin = try await AdministrationTests.admin(app)
            for n in 0..<120 {
                try await AuditService(clock: app.clock).record("test.\(n)", by: .system, on: app.db)
            }
            let first = try await admin.get("/admin/journal")
            #expect(first.text.contains("test.119"))
            #expect(!first.text.contains("test.5<"))
            let next = try #require(first.text.range(of: #"/admin/journal\?avant=\d+"#, options: .regularExpression))
            let second = try await admin.get(String(first.text[next]))
            #expect(second.text.contains("test.5<"))

            // A checkpoint anchors the head; deleting entries after it shows at the next view.
            _ = try await app.auditCheckpoints.writeIfMoved(on: app.db, now: app.clock.now())
            #expect(try await admin.get("/admin/journal").text.contains("en accord avec le dernier point de contrôle"))
            try await AuditTrailTests.dropTriggers(app)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("DELETE FROM audit_log WHERE seq > 100").run()
            #expect(try await admin.get("/admin/journal").text.contains("ALERTE"))
        }
    }
}
