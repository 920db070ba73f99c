import Fluent
import Foundation
import GuichetAppTestSupport
import GuichetDomain
import SQLKit
import Testing

@testable import GuichetPersistence

/// Issue #10: every migration reverts; the schema goes up, down and up again on the database
/// the suite runs on (SQLite by default, PostgreSQL with `GUICHET_TEST_DATABASE_URL`), and the
/// history written before a revert survives the round trip.
@Suite struct MigrationTests {
    static func filing(on db: Database) async throws -> FilingRecord {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let first = try #require(Day(year: 2024, month: 5, day: 1))
        let last = try #require(Day(year: 2024, month: 9, day: 30))
        let opens = try #require(CivilTime(day: first, hhmm: "08:00"))
        let closes = try #require(CivilTime(day: last, hhmm: "23:59"))
        let window = try #require(CampaignWindow(opens: opens, closes: closes, zone: paris))
        let campaign = try await CampaignStore().save(
            Campaign(
                year: 2024, departments: ["974"], window: window, envelopes: [:],
                parameters: CampaignParameters(quotites: [:], bareme: [:], examples: false)),
            now: Date(), on: db)
        let org = try await OrganisationStore().create(
            kind: .landlord, name: "Habitat", identifier: "732829320", department: "974", status: .accepted,
            details: "{}", on: db)
        return try await FilingStore().findOrCreate(
            campaignID: campaign.id, organisationID: org.id, department: "974", now: Date(), on: db)
    }

    @Test func theLifecycleHistoryMigrationRevertsWithItsRows() async throws {
        try await TestApp.run { app in
            let filing = try await Self.filing(on: app.db)
            let actor = HistoryActor(id: nil, label: "bailleur@hlm.test", role: "bailleur")
            try await TransitionStore.addHistory(
                filing.subject, at: Date(timeIntervalSince1970: 1_700_000_000), actor: actor, from: "brouillon",
                to: "brouillon", text: "Tableau « t.xlsx » déposé.", on: app.db)

            try await AddLifecycleHistory().revert(on: app.db)
            let sql = try #require(app.db as? any SQLDatabase)
            let old = try await sql.raw("SELECT text FROM ami_filing_events").all()
            #expect(try old.map { try $0.decode(column: "text", as: String.self) } == ["Tableau « t.xlsx » déposé."])
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT version FROM ami_filings").all() }

            try await AddLifecycleHistory().prepare(on: app.db)
            let events = try await FilingStore().events(filingID: filing.id, on: app.db)
            #expect(events.map(\.text) == ["Tableau « t.xlsx » déposé."])
            #expect(try await FilingStore().find(id: filing.id, on: app.db)?.version == 0)
        }
    }

    @Test func everyMigrationGoesUpDownAndUpAgain() async throws {
        try await TestApp.run { app in
            _ = try await Self.filing(on: app.db)
            try await app.autoRevert()
            let sql = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT id FROM organisations").all() }
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT id FROM lifecycle_history").all() }

            try await app.autoMigrate()
            let filing = try await Self.filing(on: app.db)
            try await TransitionStore.move(
                filing.subject, from: FilingState.draft.rawValue, to: FilingState.sent.rawValue, on: app.db)
            #expect(try await FilingStore().find(id: filing.id, on: app.db)?.state == .sent)
        }
    }
}
