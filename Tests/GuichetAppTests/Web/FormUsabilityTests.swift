import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetPersistence
import Testing
import VaporTesting

@testable import GuichetApp

/// Issue #11, forms as a person meets them: every error at once, each next to its field, ids
/// unique on a page, one <h1>, a length limit on free text with a French message.
@Suite struct FormUsabilityTests {
    static func ids(_ html: String) -> [String] {
        html.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) }
    }

    static func h1Count(_ html: String) -> Int { html.matches(of: /<h1[ >]/).count }

    @Test func pagesWithSeveralFormsHaveUniqueIdsAndOneHeading() async throws {
        try await TestApp.run { app in
            let admin = try await AdministrationTests.admin(app)
            _ = try await app.testing().sendRequest(.GET, "/")
            let visitor = Browser(app)
            try await visitor.post(
                "/amo/demande",
                [
                    "siret": "732 829 320 00074", "company_name": "Rénov'Conseil", "department": "01",
                    "legal_civility": "Madame", "legal_usage_name": "Martin", "legal_birth_name": "Durand",
                    "legal_birth_date": "12/03/1975", "legal_birth_city": "Lyon", "contact_name": "Bruno Petit",
                    "contact_email": "bruno@renov.test", "contact_phone": "06 12 34 56 78", "not_works_company": "oui",
                ])
            for path in ["/compte", "/admin/parametres", "/admin/amo", "/admin/comptes", "/admin"] {
                let html = try await admin.get(path).body.string
                let ids = Self.ids(html)
                #expect(
                    Set(ids).count == ids.count, "\(path): \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
                #expect(Self.h1Count(html) == 1, "\(path)")
                // Every label points at a control of the page.
                for target in html.matches(of: /<label for="([^"]+)"/).map({ String($0.output.1) }) {
                    #expect(ids.contains(target), "\(path): label for \(target)")
                }
            }
        }
    }

    @Test func aRefusalWithoutReasonIsShownNextToItsField() async throws {
        try await TestApp.run { app in
            let admin = try await AdministrationTests.admin(app)
            try await Browser(app).post(
                "/amo/demande",
                [
                    "siret": "732 829 320 00074", "company_name": "Rénov'Conseil", "department": "01",
                    "legal_civility": "Madame", "legal_usage_name": "Martin", "legal_birth_name": "Durand",
                    "legal_birth_date": "12/03/1975", "legal_birth_city": "Lyon", "contact_name": "Bruno Petit",
                    "contact_email": "bruno@renov.test", "contact_phone": "06 12 34 56 78", "not_works_company": "oui",
                ])
            let org = try #require(try await OrganisationStore().list(kind: .amo, status: .pending, on: app.db).first)
            let path = "/admin/amo/\(org.id.uuidString)/decision"
            let field = "champ-admin-amo-\(org.id.uuidString)-decision-reason"
            let missing = try await admin.post(path, ["decision": "refuse", "reason": " "])
            #expect(missing.status == .unprocessableEntity)
            let html = missing.body.string
            #expect(html.contains(#"id="\#(field)-erreur""#))
            #expect(html.contains("Indiquez le motif du refus."))
            #expect(html.contains("href=\"#\(field)\""), "the summary links to the field")
            #expect(html.contains("<title>Erreur : "))
            let long = String(repeating: "motif ", count: 400)
            let tooLong = try await admin.post(path, ["decision": "refuse", "reason": long])
            #expect(tooLong.status == .unprocessableEntity)
            #expect(
                tooLong.body.string.contains("Motif du refus : 2\u{00A0}000 caractères au plus (2\u{00A0}399 saisis)."))
            #expect(try await OrganisationStore().find(id: org.id, on: app.db)?.status == .pending, "nothing written")
            let unknown = "/admin/amo/\(OrganisationID().uuidString)/decision"
            #expect(try await admin.post(unknown, ["decision": "refuse", "reason": " "]).status == .notFound)
            let landlord = "/admin/bailleurs/\(org.id.uuidString)/decision"
            #expect(
                try await admin.post(landlord, ["decision": "refuse", "reason": " "]).status == .notFound,
                "an AMO request is not a landlord's")
        }
    }

    @Test func everyProblemOfTheStaffFormAtOnceInFieldOrder() async throws {
        try await TestApp.run { app in
            let admin = try await AdministrationTests.admin(app)
            let res = try await admin.post(
                "/admin/comptes",
                [
                    "name": String(repeating: "N", count: 5_000), "email": "pas-une-adresse", "role": "instructeur",
                    "scope": "XYZ",
                ])
            #expect(res.status == .unprocessableEntity)
            let html = res.body.string
            let summary = try #require(html.firstRange(of: "error-summary").map { String(html[$0.lowerBound...]) })
            let nameAt = try #require(summary.range(of: "Nom : 100 caractères au plus (5\u{00A0}000 saisis)."))
            let emailAt = try #require(summary.range(of: "champ-admin-comptes-email"))
            let scopeAt = try #require(summary.range(of: "Codes inconnus : XYZ."))
            #expect(nameAt.lowerBound < emailAt.lowerBound && emailAt.lowerBound < scopeAt.lowerBound, "field order")
            #expect(html.contains(#"autofocus="autofocus""#))
        }
    }

    @Test func aNameOfFiveThousandCharactersIsRefusedWithItsLimit() async throws {
        try await TestApp.run { app in
            let res = try await Browser(app).post(
                "/inscription",
                [
                    "name": String(repeating: "é", count: 5_000), "email": "long@example.fr",
                    "password": "Une phrase de passe solide 2026",
                    "password_confirm": "Une phrase de passe solide 2026",
                ])
            #expect(res.status == .unprocessableEntity)
            #expect(res.body.string.contains("Nom et prénom : 100 caractères au plus (5\u{00A0}000 saisis)."))
            #expect(try await UserStore().find(email: "long@example.fr", on: app.db) == nil)
        }
    }
}

@Suite struct TooLargeTests {
    /// Issue #11: the too-large page states the limit and leads back to the form.
    @Test func aTooLargeTableSaysTheLimitAndLeadsBack() async throws {
        try await TestApp.run(
            clock: TestClock(AMIFilingTests.utc("2024-06-01T08:00:00Z")).appClock,
            environment: ["GUICHET_MAX_UPLOAD_MB": "1"]
        ) { app in
            try await AMIFilingTests.campaign2024(app)
            let b = try await AMIFilingTests.landlord(app)
            // Just over the limit: the filing page itself says so.
            let over = try await b.upload(
                "/ami/campagnes/2024/974/tableau", fileName: "gros.xlsx", data: Data(count: 1_048_576 + 10))
            #expect(over.status == .payloadTooLarge)
            #expect(over.text.contains("Fichier trop volumineux : 1 Mo au plus."))
            // Beyond what the server reads at all (refused before the route): the error page, with
            // the limit and the way back.
            let request = Request(
                application: app, method: .POST, url: URI(path: "/ami/campagnes/2024/974/tableau"),
                on: app.eventLoopGroup.any())
            let res = ErrorPagesMiddleware.response(for: Abort(.payloadTooLarge), request: request)
            let html = res.body.string ?? ""
            #expect(res.status == .payloadTooLarge)
            #expect(html.contains("Un tableau déposé fait au plus 1 Mo"))
            #expect(html.contains(#"href="/ami/campagnes/2024/974""#) && html.contains("Revenir au dépôt"))
        }
    }
}
