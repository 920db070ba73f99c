import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetPersistence
import SQLKit
import Testing
import VaporTesting

@testable import GuichetApp

/// Issue #9: the audit trail cannot be shortened unseen. The database refuses UPDATE and DELETE;
/// someone who bypasses that (the database's owner) still meets the signed checkpoints kept in
/// the data directory; a retention purge is explicit, audited and checkpointed.
@Suite struct AuditTrailTests {
    static func record(_ app: Application, _ n: Int) async throws {
        for i in 0..<n {
            try await AuditService(clock: app.clock).record("test.\(i)", by: .system, on: app.db)
        }
    }

    static func sql(_ app: Application) throws -> any SQLDatabase {
        try #require(app.db as? any SQLDatabase)
    }

    /// What a database owner can do: remove the triggers.
    static func dropTriggers(_ app: Application) async throws {
        let sql = try Self.sql(app)
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP TRIGGER audit_log_append_only ON audit_log").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_log_no_update").run()
            try await sql.raw("DROP TRIGGER audit_log_no_delete").run()
        }
    }

    @Test func theDatabaseRefusesUpdatesAndDeletes() async throws {
        try await TestApp.run { app in
            try await Self.record(app, 3)
            let sql = try Self.sql(app)
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE audit_log SET detail = 'x' WHERE seq = 2").run()
            }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_log WHERE seq = 3").run() }
            #expect(try await AuditStore().all(on: app.db).count == 3)
        }
    }

    @Test func deletingTheLastEntriesIsSeenByTheSignedCheckpoints() async throws {
        try await TestApp.run { app in
            try await Self.record(app, 5)
            let checkpoints = app.auditCheckpoints
            #expect(try await checkpoints.writeIfMoved(on: app.db, now: Date()) != nil)
            #expect(
                try await checkpoints.writeIfMoved(on: app.db, now: Date()) == nil, "nothing new: no new checkpoint")
            #expect(try AuditService.problems(try await AuditStore().all(on: app.db), checkpoints: checkpoints).isEmpty)

            try await Self.dropTriggers(app)
            try await Self.sql(app).raw("DELETE FROM audit_log WHERE seq >= 4").run()
            let remaining = try await AuditStore().all(on: app.db)
            #expect(AuditService.verify(remaining).firstBroken == nil, "the chain alone cannot see it")
            let problems = try AuditService.problems(remaining, checkpoints: checkpoints)
            #expect(problems.contains { $0.contains("entrées supprimées") })

            try await Self.sql(app).raw("DELETE FROM audit_log").run()
            #expect(!(try AuditService.problems([], checkpoints: checkpoints)).isEmpty, "emptied: seen too")
        }
    }

    @Test func aForgedCheckpointIsRefused() async throws {
        try await TestApp.run { app in
            try await Self.record(app, 2)
            let forger = AuditCheckpoints(
                dataDirectory: app.guichetConfig.dataDirectory, key: .init(), logger: app.logger)
            try forger.append(kind: "head", count: 1, hash: "00", now: Date())
            let problems = try AuditService.problems(
                try await AuditStore().all(on: app.db), checkpoints: app.auditCheckpoints)
            #expect(problems.contains { $0.contains("signature invalide") })
        }
    }

    @Test func aPurgeIsExplicitAuditedAndCheckpointed() async throws {
        let clock = TestClock(ISO8601DateFormatter().date(from: "2025-01-10T10:00:00Z") ?? Date())
        try await TestApp.run(clock: clock.appClock) { app in
            try await Self.record(app, 4)
            clock.advance(86_400 * 400)
            try await Self.record(app, 2)
            let day = try #require(Day(year: 2025, month: 6, day: 1))
            await #expect(throws: CommandExit.self) { try await AuditCommand.purge(app, before: day, confirmed: false) }
            #expect(try await AuditStore().all(on: app.db).count == 6, "nothing without confirmation")
            #expect(try await AuditCommand.purge(app, before: day, confirmed: true).contains("Purge effectuée"))
            let kept = try await AuditStore().all(on: app.db)
            #expect(kept.first?.seq == 5)
            #expect(kept.contains { $0.action == "audit.purge" })
            #expect(
                try AuditService.problems(kept, checkpoints: app.auditCheckpoints).isEmpty,
                "a recorded purge is no alteration")
        }
    }
}
