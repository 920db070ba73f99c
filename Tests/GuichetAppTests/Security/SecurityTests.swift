import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetPersistence
import Testing
import VaporTesting

@testable import GuichetApp

/// Issue #9, one test per finding of the outside test that is not tested next to its feature.
@Suite struct SecurityTests {
    // 1. No crash: a date outside 1900–2199 is a 422 naming the field.
    @Test(arguments: ["0001-06-15", "1899-12-31", "2200-01-01", "9999-12-31"])
    func datesOutsideTheSupportedRangeAreRefused(date: String) async throws {
        try await TestApp.run { app in
            let res = try await app.testing().sendRequest(
                .POST, "/api/v1/renovation/simulations", headers: .json,
                body: .json(#"{"reference_date":"\#(date)"}"#))
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("reference_date"))
            #expect(res.text.contains("01/01/1900"))
        }
    }

    @Test(arguments: ["1900-01-01", "2199-12-31"])
    func theBoundsThemselvesAreComputed(date: String) async throws {
        try await TestApp.run { app in
            let res = try await app.testing().sendRequest(
                .POST, "/api/v1/renovation/simulations", headers: .json,
                body: .json(#"{"reference_date":"\#(date)"}"#))
            #expect(res.status == .ok)
        }
    }

    // 2. JSON bounds are clear 422s.
    @Test func oversizedObjectsAreA422() async throws {
        try await TestApp.run { app in
            let keys = (0..<40_000).map { "\"k\($0)\":0" }.joined(separator: ",")
            let res = try await app.testing().sendRequest(
                .POST, "/api/v1/renovation/simulations", headers: .json, body: .json("{" + keys + "}"))
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("objet trop grand"))
        }
    }

    // 10. Sign-in never redirects off-site.
    @Test(arguments: [
        ("/\t/evil.example", "/compte"), ("/\\evil.example", "/compte"), ("//evil.example", "/compte"),
        ("/%09/x", "/%09/x"),
        ("https://evil.example", "/compte"), ("/\n/evil.example", "/compte"), ("/ami", "/ami"), ("/a//b", "/compte"),
        (" /ami", "/compte"), ("/ami?x=1", "/ami?x=1"), ("/é", "/compte"), ("", "/compte"), ("/\u{7F}/evil", "/compte"),
    ])
    func signInTargetsStaySameOrigin(candidate: String, expected: String) {
        #expect(LocalRedirect.target(candidate) == expected)
    }

    // 11. Security headers on every answer, errors included.
    @Test func errorAnswersCarryTheSecurityHeaders() async throws {
        try await TestApp.run { app in
            let answers = [
                try await app.testing().sendRequest(.GET, "/nulle-part"),
                try await app.testing().sendRequest(.GET, "/admin"),
                try await app.testing().sendRequest(
                    .POST, "/api/v1/renovation/simulations", headers: .json, body: .json("{")),
                try await app.testing().sendRequest(.GET, "/api/v1/moi"),
                try await app.testing().sendRequest(
                    .POST, "/connexion", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    body: .init(string: "email=a")),
            ]
            for res in answers {
                #expect(
                    res.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true,
                    "\(res.status)")
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(res.headers.first(name: "Referrer-Policy") == "same-origin")
            }
        }
    }

    // 7. A NUL byte in a form field is refused in French, on both databases, and writes nothing.
    @Test func controlCharactersInFormsAreRefused() async throws {
        try await TestApp.run { app in
            let b = Browser(app)
            let res = try await b.post(
                "/inscription",
                [
                    "email": "nul@example.fr", "name": "Marie\u{0}Curie",
                    "password": AccountFlowTests.password, "password_confirm": AccountFlowTests.password,
                ])
            #expect(res.status == .unprocessableEntity)
            #expect(res.text.contains("caractère de contrôle"))
            #expect(try await UserStore().find(email: "nul@example.fr", on: app.db) == nil)
        }
    }

    // 8. No mail flooding: fifteen sign-ups with a victim's address send at most three e-mails.
    @Test func signUpsCannotFloodAnAddress() async throws {
        try await TestApp.run { app in
            let b = Browser(app)
            for _ in 0..<15 {
                _ = try await b.post(
                    "/inscription",
                    [
                        "email": "victime@example.fr", "name": "X",
                        "password": AccountFlowTests.password, "password_confirm": AccountFlowTests.password,
                    ])
            }
            let mails = try await OutboxStore().recent(limit: 100, channel: .email, on: app.db).filter {
                $0.recipient == "victime@example.fr"
            }
            #expect(mails.count == 3)
            // And one client address cannot submit without end.
            for n in 0..<10 {
                _ = try await b.post(
                    "/inscription",
                    [
                        "email": "autre\(n)@example.fr", "name": "X",
                        "password": AccountFlowTests.password, "password_confirm": AccountFlowTests.password,
                    ])
            }
            let refused = try await b.post(
                "/inscription",
                [
                    "email": "encore@example.fr", "name": "X",
                    "password": AccountFlowTests.password, "password_confirm": AccountFlowTests.password,
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Trop de demandes"))
        }
    }

    // 7. Concurrent uploads all succeed (SQLite: serialised writers; PostgreSQL: idempotent
    // creation of the filing that sixteen first uploads race to create).
    @Test func sixteenConcurrentUploadsAllSucceed() async throws {
        try await TestApp.run(clock: TestClock(AMIFilingTests.utc("2024-06-01T08:00:00Z")).appClock) { app in
            app.checksUploadsInline = true
            try await AMIFilingTests.campaign2024(app)
            let b = try await AMIFilingTests.landlord(app)
            _ = try await b.get("/ami")
            let data = try AMIFixtures.table([AMIFixtures.operation(1), AMIFixtures.operation(2)])
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for n in 0..<16 {
                    let copy = Browser(app)
                    copy.cookies = b.cookies
                    copy.csrf = b.csrf
                    group.addTask {
                        try await copy.upload("/ami/campagnes/2024/974/tableau", fileName: "t\(n).xlsx", data: data)
                            .status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 303 }, "\(statuses)")
            let org = try #require(
                try await OrganisationStore().find(kind: .landlord, identifier: AMIFilingTests.siren, on: app.db).first)
            let filings = try await FilingStore().list(organisationID: org.id, on: app.db)
            #expect(filings.count == 1)
            let uploads = try await UploadStore().list(filingID: try #require(filings.first).id, on: app.db)
            #expect(uploads.count == 16)
        }
    }

    // 6. A refused request writes nothing: an upload after the close creates no filing.
    @Test func anUploadRefusedAfterTheCloseWritesNothing() async throws {
        try await TestApp.run(clock: TestClock(AMIFilingTests.utc("2024-10-02T08:00:00Z")).appClock) { app in
            try await AMIFilingTests.campaign2024(app)
            let b = try await AMIFilingTests.landlord(app)
            let late = try await b.upload(
                "/ami/campagnes/2024/974/tableau", fileName: "t.xlsx",
                data: try AMIFixtures.table([AMIFixtures.operation(1)]))
            #expect(late.status == .unprocessableEntity)
            let org = try #require(
                try await OrganisationStore().find(kind: .landlord, identifier: AMIFilingTests.siren, on: app.db).first)
            #expect(try await FilingStore().list(organisationID: org.id, on: app.db).isEmpty)
        }
    }
}

/// Issue #9: amounts at their bounds never overflow (Int64 cents times percentages, sums).
@Suite struct AmountBoundsTests {
    @Test func everyAmountAtItsMaximumIsComputedWithoutTrap() async throws {
        try await TestApp.run { app in
            let max = "100000000000"
            let company =
                #"{"siret":"73282932000074","name":"X","rge":true,"main_works":\#(max),"induced_works":\#(max)}"#
            let aid = #"{"funder":"anah","amount":\#(max)}"#
            let body = """
                {"reference_date":"2024-06-15","applicant":{"kind":"owner_occupier","ownership":"full","joint_owners":1,
                 "employment":"private_sector","household_size":99,"reference_tax_income":\(max)},
                 "dwelling":{"insee_code":"01053","postal_code":"01000","principal_residence":true},"works":{"insulation":true},
                 "plan":{"amo_fee":\(max),"amo_external_funding":\(max),"companies":[\(Array(repeating: company, count: 50).joined(separator: ","))],
                 "moe_fee":\(max),"do_insurance":\(max),"dpe_audit_fee":\(max),"dpe_audit_date":"2024-06-01",
                 "external_aid":[\(Array(repeating: aid, count: 20).joined(separator: ","))],"loan_only_works":\(max),
                 "monthly_income":\(max),"monthly_charges":\(max),"loan":{"amount":\(max),"months":240,"deferral_months":36}}}
                """
            let res = try await app.testing().sendRequest(
                .POST, "/api/v1/renovation/simulations", headers: .json, body: .json(body))
            #expect(res.status == .ok)
            let over = body.replacingOccurrences(of: "\"amo_fee\":\(max)", with: "\"amo_fee\":100000000001")
            let refused = try await app.testing().sendRequest(
                .POST, "/api/v1/renovation/simulations", headers: .json, body: .json(over))
            #expect(refused.status == .unprocessableEntity)
        }
    }
}

/// Issue #9: what the OpenAPI document promises, the server keeps (checked at scale by
/// schemathesis in CI).
@Suite struct APIDocumentPromiseTests {
    @Test func integersWithAZeroFractionAreIntegers() async throws {
        try await TestApp.run { app in
            let res = try await app.testing().sendRequest(
                .POST, "/api/v1/renovation/simulations", headers: .json,
                body: .json(#"{"applicant":{"household_size":3.0,"reference_tax_income":25e5}}"#))
            #expect(res.status == .ok)
        }
    }

    @Test func anUndeclaredMethodIs405WithAllow() async throws {
        try await TestApp.run { app in
            for path in ["/api/v1/renovation/simulations", "/livez", "/connexion"] {
                let res = try await app.testing().sendRequest(.TRACE, path)
                #expect(res.status == .methodNotAllowed, "\(path)")
                #expect(res.headers.first(name: .allow)?.isEmpty == false, "\(path)")
            }
        }
    }
}

/// Issue #9: administrators get one e-mail per batch of pending AMO requests, and an
/// invitation cannot be used to flood an address.
@Suite struct NotificationBatchTests {
    static func request(siret: String, email: String) -> [String: String] {
        [
            "siret": siret, "company_name": "AMO \(siret)", "department": "01", "legal_civility": "Madame",
            "legal_usage_name": "Alice Martin", "legal_birth_name": "Durand", "legal_birth_date": "12/03/1975",
            "legal_birth_city": "Lyon",
            "contact_name": "Bruno Petit", "contact_email": email, "contact_phone": "06 12 34 56 78",
            "not_works_company": "oui",
        ]
    }

    @Test func administratorsAreToldOncePerBatch() async throws {
        try await TestApp.run { app in
            let admin = try await UserStore().create(
                email: "adele@al.test", passwordHash: "x", displayName: "Adèle", activatedAt: Date(), on: app.db)
            try await UserStore().grant(userID: admin.id, role: .administrateur, on: app.db)
            let visitor = Browser(app)
            #expect(
                try await visitor.post("/amo/demande", Self.request(siret: "73282932000074", email: "a@amo.test"))
                    .status == .ok)
            #expect(
                try await visitor.post("/amo/demande", Self.request(siret: "55210055400013", email: "b@amo.test"))
                    .status == .ok)
            let mails = try await OutboxStore().recent(limit: 50, channel: .email, on: app.db).filter {
                $0.recipient == "adele@al.test"
            }
            #expect(mails.count == 1, "the second request joins the pending batch")
        }
    }

    @Test func invitationsToOneAddressAreLimited() async throws {
        try await TestApp.run { app in
            let landlord = try await AMIFilingTests.landlord(app)
            for _ in 0..<6 { _ = try await landlord.post("/ami/organisation/membres", ["email": "cible@exemple.fr"]) }
            let mails = try await OutboxStore().recent(limit: 50, channel: .email, on: app.db).filter {
                $0.recipient == "cible@exemple.fr"
            }
            #expect(mails.count == 3)
        }
    }
}
