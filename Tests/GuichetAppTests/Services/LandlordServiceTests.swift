import Fluent
import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetPersistence
import Testing

@testable import GuichetApp

/// Issue #10: a service with explicit dependencies, tested on a database without Vapor.
@Suite struct LandlordServiceTests {
    static func service(_ db: any Database) throws -> LandlordService {
        let clock = AppClock.system
        return LandlordService(
            db: db, clock: clock, notifier: Notifier(clock: clock, baseURL: URL(fileURLWithPath: "/")),
            reference: try ReferenceDataCache.shared())
    }

    static func identification() throws -> LandlordIdentification {
        LandlordIdentification(
            name: "Habitat Réunion", siren: try #require(Siren("732829320")), kind: .esh, address: "1 rue de Paris",
            postalCode: "97400",
            city: "Saint-Denis", contactName: "Marie", contactEmail: "marie@hlm.test", contactPhone: "0262123456")
    }

    @Test func aRegistrationIsReviewedOnceAndItsMembersAreTold() async throws {
        try await TestDatabase.run { db in
            let service = try Self.service(db)
            let user = try await UserStore().create(
                email: "marie@hlm.test", passwordHash: "x", displayName: "Marie", on: db)
            guard
                case .created(let org, let contested) = try await service.register(
                    try Self.identification(), userID: user.id, actor: .system)
            else {
                Issue.record("registration refused")
                return
            }
            #expect(!contested)
            #expect(org.status == .pending && org.department == "974")
            #expect(try await UserStore().grants(userID: user.id, on: db).map(\.role) == [.bailleur])

            #expect(try await service.decide(id: org.id, accept: true, reason: "", actor: .system, adminID: UserID()))
            let accepted = try #require(try await OrganisationStore().find(id: org.id, on: db))
            #expect(accepted.status == .accepted && accepted.version == 1)
            let mails = try await OutboxStore().recent(limit: 10, channel: .email, on: db)
            #expect(mails.contains { $0.recipient == "marie@hlm.test" && $0.body.contains("est acceptée") })
            let history = try await TransitionStore.history(kind: "organisation", id: org.id.rawValue, on: db)
            #expect(history.map(\.toState) == ["accepted"])

            // Decided once: a second decision is refused and changes nothing.
            #expect(
                try await service.decide(id: org.id, accept: false, reason: "non", actor: .system, adminID: UserID())
                    == false)
            #expect(try await OrganisationStore().find(id: org.id, on: db)?.status == .accepted)
        }
    }

    @Test func aStaffAccountCannotRegisterALandlord() async throws {
        try await TestDatabase.run { db in
            let service = try Self.service(db)
            let staff = try await UserStore().create(
                email: "ines@al.test", passwordHash: "x", displayName: "Inès", on: db)
            _ = try await UserStore().grant(userID: staff.id, role: .instructeur, scope: ["974"], on: db)
            guard
                case .refused(let problems) = try await service.register(
                    try Self.identification(), userID: staff.id, actor: .system)
            else {
                Issue.record("a staff account registered a landlord")
                return
            }
            #expect(problems == [FieldProblem(field: "siren", message: LandlordService.staffRefusal)])
            #expect(try await OrganisationStore().list(kind: .landlord, on: db).isEmpty)
        }
    }
}
