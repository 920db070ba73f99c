import Fluent
import Foundation
import GuichetAppTestSupport
import GuichetPersistence
import Testing
import Vapor

@testable import GuichetApp

/// Issue #10: one jobs table with a lease, retries with backoff, a dead-letter state and an
/// administrator's view; the programming-table check is one kind of job.
@Suite struct JobTests {
    /// A runner whose one handler fails as long as `failures` says.
    static func runner(_ app: Application, worker: String = "w1", failing: Bool) -> JobRunner {
        let handler: JobRunner.Handler = { job in
            if failing { throw Failure(payload: job.payload) }
        }
        return JobRunner(
            db: app.db, clock: app.clock, logger: app.logger, workerID: worker,
            handlers: [.checkProgrammingTable: handler], inline: true)
    }

    struct Failure: Error { let payload: String }

    @Test func aFailingJobIsRetriedWithBackoffThenDeadThenStartedAgainByAnAdministrator() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_750_000_000))
        try await TestApp.run(clock: clock.appClock) { app in
            let id = try await JobStore().enqueue(
                kind: JobKind.checkProgrammingTable.rawValue, payload: "x", runAt: clock.now, maxAttempts: 3, on: app.db
            )
            let failing = Self.runner(app, failing: true)
            #expect(try await failing.runOnce())
            var job = try #require(try await JobStore().find(id: id, on: app.db))
            #expect(job.state == .queued && job.attempts == 1)
            #expect(job.runAt == clock.now.addingTimeInterval(30), "first retry after 30 s")
            #expect(try await failing.runOnce() == false, "not due before its time")
            clock.advance(30)
            #expect(try await failing.runOnce())
            job = try #require(try await JobStore().find(id: id, on: app.db))
            #expect(job.runAt == clock.now.addingTimeInterval(60), "then 60 s")
            clock.advance(60)
            #expect(try await failing.runOnce())
            job = try #require(try await JobStore().find(id: id, on: app.db))
            #expect(job.state == .dead && job.attempts == 3)
            #expect(job.lastError?.contains("Failure") == true)
            clock.advance(3600)
            #expect(try await failing.runOnce() == false, "a dead job is not run again by itself")

            let admin = try await AdministrationTests.admin(app)
            let page = try await admin.get("/admin/taches")
            #expect(page.status == .ok)
            #expect(page.text.contains("abandonnée"))
            #expect(
                page.text.contains("Vérification d&#39;un tableau de programmation AMI")
                    || page.text.contains("Vérification d'un tableau de programmation AMI"))
            #expect(try await admin.post("/admin/taches/\(id.uuidString)/relance", [:]).status == .seeOther)
            #expect(try await Self.runner(app, failing: false).runOnce())
            #expect(try await JobStore().find(id: id, on: app.db)?.state == .done)
            #expect(
                try await admin.post("/admin/taches/\(id.uuidString)/relance", [:]).status == .notFound,
                "only a dead job is started again")
        }
    }

    @Test func aJobWhoseWorkerStoppedIsTakenAgainAfterItsLease() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_750_000_000))
        try await TestApp.run(clock: clock.appClock) { app in
            let id = try await JobStore().enqueue(
                kind: JobKind.checkProgrammingTable.rawValue, payload: "x", runAt: clock.now, on: app.db)
            // The first worker claims it, then its instance stops.
            #expect(
                try await JobStore().claim(worker: "stopped", now: clock.now, lease: JobRunner.lease, on: app.db)?.id
                    == id)
            let other = Self.runner(app, worker: "w2", failing: false)
            #expect(try await other.runOnce() == false, "the lease still holds")
            clock.advance(JobRunner.lease + 1)
            #expect(try await other.runOnce())
            let job = try #require(try await JobStore().find(id: id, on: app.db))
            #expect(job.state == .done && job.attempts == 2)
        }
    }

    @Test func anUploadEnqueuesItsCheckAsAJob() async throws {
        try await TestApp.run(clock: TestClock(AMIFilingTests.utc("2024-06-01T08:00:00Z")).appClock) { app in
            app.checksUploadsInline = true
            try await AMIFilingTests.campaign2024(app)
            let b = try await AMIFilingTests.landlord(app)
            let res = try await b.upload(
                "/ami/campagnes/2024/974/tableau", fileName: "t.xlsx",
                data: try AMIFixtures.table([AMIFixtures.operation(1)]))
            #expect(res.status == .seeOther)
            let jobs = try await JobStore().page(state: nil, before: nil, limit: 10, on: app.db)
            #expect(jobs.count == 1)
            #expect(jobs.first?.kind == JobKind.checkProgrammingTable.rawValue)
            #expect(jobs.first?.state == .done)
        }
    }
}
