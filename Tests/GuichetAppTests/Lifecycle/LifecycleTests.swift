import Fluent
import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetPersistence
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import GuichetApp

/// Issue #10: one mechanism applies every lifecycle transition, atomically, on SQLite and on
/// PostgreSQL (the suite runs on both).
@Suite struct LifecycleTests {
    static let base = "/ami/campagnes/2024/974"

    static func count(_ query: String, on db: Database) async throws -> Int {
        let sql = try #require(db as? any SQLDatabase)
        let row = try #require(try await sql.raw(SQLQueryString(query)).first())
        return try row.decode(column: "n", as: Int.self)
    }

    /// An amount as a person types it in the synthesis form (`1234,56`).
    static func typed(_ m: Money) -> String { "\(m.cents / 100),\(String(format: "%02d", Int(m.cents % 100)))" }

    /// A landlord's session copied into `n` browsers that act at once.
    static func together<T: Sendable>(
        _ b: Browser, _ app: Application, _ n: Int,
        _ act: @escaping @Sendable (Browser, Int) async throws -> T
    ) async throws -> [T] {
        try await withThrowingTaskGroup(of: T.self) { group in
            for k in 0..<n {
                let copy = Browser(app)
                copy.cookies = b.cookies
                copy.csrf = b.csrf
                group.addTask { try await act(copy, k) }
            }
            return try await group.reduce(into: [T]()) { $0.append($1) }
        }
    }

    @Test func twoConcurrentSendsGiveOneSentFilingOneReceiptAndOneSetOfEmails() async throws {
        try await TestApp.run(clock: TestClock(AMIFilingTests.utc("2024-06-01T08:00:00Z")).appClock) { app in
            app.checksUploadsInline = true
            try await AMIFilingTests.campaign2024(app)
            let b = try await AMIFilingTests.landlord(app)
            let table = try AMIFixtures.table([AMIFixtures.operation(1)])
            #expect(try await b.upload("\(Self.base)/tableau", fileName: "t.xlsx", data: table).status == .seeOther)
            let org = try #require(
                try await OrganisationStore().find(kind: .landlord, identifier: AMIFilingTests.siren, on: app.db).first)
            let filing = try #require(try await FilingStore().list(organisationID: org.id, on: app.db).first)
            let uploadID = try #require(filing.currentUploadID)
            let upload = try #require(try await UploadStore().find(id: uploadID, on: app.db))
            let s = try #require(upload.summary.synthesis)
            let form = [
                "operations": "\(s.operations)", "dwellings": "\(s.dwellings)",
                "cost_price": Self.typed(s.costPrice), "loan_requested": Self.typed(s.loanRequested), "certify": "oui",
            ]
            let mailsBefore = try await Self.count(
                "SELECT COUNT(*) AS n FROM outbox WHERE subject LIKE '%accusé de réception%'", on: app.db)

            let statuses = try await Self.together(b, app, 2) { copy, _ in
                try await copy.post("\(Self.base)/envoi", form).status.code
            }
            #expect(statuses.sorted().first == 303, "\(statuses)")
            #expect(statuses.allSatisfy { $0 < 500 }, "\(statuses)")
            #expect(statuses.filter { $0 == 303 }.count == 1, "\(statuses)")
            #expect(try await FilingStore().find(id: filing.id, on: app.db)?.state == .sent)
            #expect(
                try await Self.count(
                    "SELECT COUNT(*) AS n FROM stored_files WHERE content_type = 'application/pdf'", on: app.db) == 1)
            let mails = try await Self.count(
                "SELECT COUNT(*) AS n FROM outbox WHERE subject LIKE '%accusé de réception%'", on: app.db)
            #expect(mails - mailsBefore == 1, "one member, one acknowledgement")
            let history = try await TransitionStore.history(
                kind: FilingRecord.subjectKind, id: filing.id.rawValue, on: app.db)
            #expect(history.filter { $0.toState == FilingState.sent.rawValue }.count == 1)
            #expect(history.last?.actor.role == "bailleur")
        }
    }

    @Test func twoConcurrentUploadsLeaveOneCurrentTable() async throws {
        try await TestApp.run(clock: TestClock(AMIFilingTests.utc("2024-06-01T08:00:00Z")).appClock) { app in
            app.checksUploadsInline = true
            try await AMIFilingTests.campaign2024(app)
            let b = try await AMIFilingTests.landlord(app)
            let table = try AMIFixtures.table([AMIFixtures.operation(1)])
            let statuses = try await Self.together(b, app, 2) { copy, k in
                try await copy.upload("\(Self.base)/tableau", fileName: "t\(k).xlsx", data: table).status.code
            }
            #expect(statuses.allSatisfy { $0 < 500 }, "\(statuses)")
            let org = try #require(
                try await OrganisationStore().find(kind: .landlord, identifier: AMIFilingTests.siren, on: app.db).first)
            let filing = try #require(try await FilingStore().list(organisationID: org.id, on: app.db).first)
            let uploads = try await UploadStore().list(filingID: filing.id, on: app.db)
            let current = uploads.filter { $0.supersededAt == nil }
            #expect(current.count == 1)
            #expect(current.first?.id == filing.currentUploadID)
            #expect(filing.version == statuses.filter { $0 == 303 }.count, "one version per transition applied")
        }
    }

    @Test func aStaleVersionIsChangedMeanwhileAndWritesNothing() async throws {
        try await TestApp.run { app in
            let org = try await OrganisationStore().create(
                kind: .amo, name: "Rénov", identifier: "73282932000074", department: "01", status: .pending,
                details: "{}",
                on: app.db)
            let writer = LifecycleWriter(clock: app.clock, notifier: app.notifier)
            var write = LifecycleWrite(subject: org.subject, from: "pending", to: "accepted")
            write.history = ["Demande acceptée."]
            write.audit = [.init(action: "amo.acceptation", detail: "")]
            write.emails = [.init(to: "amo@example.test", subject: "Compte", body: "Bonjour")]
            let accepted = write
            try await app.db.write { tx in try await writer.apply(accepted, by: .system, on: tx) }
            let audit = try await Self.count("SELECT COUNT(*) AS n FROM audit_log", on: app.db)
            let outbox = try await Self.count("SELECT COUNT(*) AS n FROM outbox", on: app.db)

            // The same version again: another request moved it first.
            var stale = LifecycleWrite(subject: org.subject, from: "pending", to: "refused")
            stale.history = ["Demande refusée."]
            stale.audit = [.init(action: "amo.refus", detail: "")]
            stale.emails = [.init(to: "amo@example.test", subject: "Refus", body: "Bonjour")]
            let refused = stale
            await #expect(throws: ChangedMeanwhile.self) {
                try await app.db.write { tx in try await writer.apply(refused, by: .system, on: tx) }
            }
            #expect(try await OrganisationStore().find(id: org.id, on: app.db)?.status == .accepted)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM audit_log", on: app.db) == audit)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM outbox", on: app.db) == outbox)
            #expect(
                try await TransitionStore.history(kind: "organisation", id: org.id.rawValue, on: app.db).map(\.text)
                    == [
                        "Demande acceptée."
                    ])
        }
    }

    @Test func changedMeanwhileIsA409PageAndA409JSONError() async throws {
        try await TestApp.run { app in
            let changed = ChangedMeanwhile(subjectKind: "ami_dépôt", id: UUID())
            for path in ["/ami/campagnes/2024/974/envoi", "/api/v1/ami/campagnes/2024/974/tableau"] {
                let req = Request(application: app, method: .POST, url: URI(path: path), on: app.eventLoopGroup.next())
                let res = ErrorPagesMiddleware.response(for: changed, request: req)
                #expect(res.status == .conflict)
                #expect(res.body.string?.contains("modifié entre-temps") == true, "\(path)")
            }
        }
    }

    @Test func anUnknownStoredStateIsAnErrorNotADraft() async throws {
        try await TestApp.run(clock: TestClock(AMIFilingTests.utc("2024-06-01T08:00:00Z")).appClock) { app in
            app.checksUploadsInline = true
            try await AMIFilingTests.campaign2024(app)
            let b = try await AMIFilingTests.landlord(app)
            #expect(
                try await b.upload(
                    "\(Self.base)/tableau", fileName: "t.xlsx",
                    data: try AMIFixtures.table([AMIFixtures.operation(1)])
                ).status == .seeOther)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE ami_filings SET status = 'inconnu'").run()
            let org = try #require(
                try await OrganisationStore().find(kind: .landlord, identifier: AMIFilingTests.siren, on: app.db).first)
            await #expect(throws: (any Error).self) { try await FilingStore().list(organisationID: org.id, on: app.db) }
            let page = try await b.get(Self.base)
            #expect(page.status == .internalServerError, "never shown as a draft")
        }
    }
}
