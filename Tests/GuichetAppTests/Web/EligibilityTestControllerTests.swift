import GuichetAppTestSupport
import Testing
import VaporTesting

@testable import GuichetApp

@Suite struct EligibilityTestControllerTests {
    static func get(_ app: Application, _ query: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.GET, "renovation/eligibilite" + (query.isEmpty ? "" : "?" + query))
    }

    @Test func asksOnlyWhatTheRulesStillNeed() async throws {
        try await TestApp.run { app in
            let first = try await Self.get(app, "")
            #expect(first.status == .ok)
            #expect(first.text.contains("name=\"kind\""))
            #expect(!first.text.contains("name=\"income\""))

            let second = try await Self.get(app, "kind=owner_occupier")
            #expect(second.text.contains("name=\"ownership\""))
            #expect(second.text.contains("type=\"hidden\" name=\"kind\" value=\"owner_occupier\""))

            let postal = try await Self.get(app, "kind=owner_occupier&ownership=full&residence=oui&postal_code=01000")
            #expect(postal.text.contains("name=\"insee\""), "01000 covers two communes: pick one")
            #expect(postal.text.contains("BOURG") || postal.text.contains("Bourg"))
        }
    }

    @Test func endsOnAnExplainedResult() async throws {
        try await TestApp.run { app in
            let q =
                "kind=owner_occupier&ownership=full&residence=oui&postal_code=01000&insee=01053&employment=private_sector&size=3&income=25+000&insulation=oui"
            let res = try await Self.get(app, q)
            #expect(res.text.contains("Votre projet semble éligible"))
            for rule in ["RENO-E1", "RENO-E4", "RENO-E5", "RENO-E6", "RENO-E8"] { #expect(res.text.contains(rule)) }
            #expect(res.text.contains("Revenu fiscal de référence 25\u{00A0}000\u{00A0}€"))
            #expect(res.text.contains("Modifier mes réponses"))
            #expect(res.text.contains(#"href="/inscription""#))
            #expect(res.text.contains(#"href="/amo/annuaire""#))
        }
    }

    @Test func failureEndsEarlyWithTheReason() async throws {
        try await TestApp.run { app in
            let res = try await Self.get(app, "kind=owner_occupier&ownership=future_owner")
            #expect(res.text.contains("ne semble pas éligible"))
            #expect(res.text.contains("futurs propriétaires"))
        }
    }

    @Test func badAnswerIsShownAgainWithItsErrorAndValue() async throws {
        try await TestApp.run { app in
            let q =
                "kind=owner_occupier&ownership=full&residence=oui&postal_code=01000&insee=01053&employment=private_sector&size=3&income=vingt+mille"
            let res = try await Self.get(app, q)
            #expect(res.text.contains("error-summary"))
            #expect(res.text.contains("Revenu fiscal de référence : indiquez un montant en euros"))
            #expect(res.text.contains("value=\"vingt mille\""))
            #expect(res.text.contains("aria-invalid=\"true\""))
        }
    }

    @Test func landlordFailingIsAskedAboutTheTenant() async throws {
        try await TestApp.run { app in
            let q = "kind=landlord&ownership=full&residence=oui&postal_code=01000&insee=01053&employment=retired"
            let res = try await Self.get(app, q)
            #expect(res.text.contains("name=\"tenant_in_place\""))
        }
    }

    /// Issue #11: a typing mistake is an error on its step, never an « inéligible » verdict.
    @Test func typingMistakesAreErrorsOnTheirStep() async throws {
        try await TestApp.run { app in
            let unknown = try await Self.get(app, "kind=owner_occupier&ownership=full&residence=oui&postal_code=99999")
            #expect(!unknown.text.contains("ne semble pas éligible"))
            #expect(unknown.text.contains("error-summary"))
            #expect(unknown.text.contains("99999 est inconnu de la base officielle de La Poste"))
            #expect(unknown.text.contains("name=\"postal_code\""))

            let one = try await Self.get(app, "kind=owner_occupier&ownership=joint&joint_owners=1")
            #expect(!one.text.contains("ne semble pas éligible"))
            #expect(one.text.contains("indiquez un nombre entier de 2 à 20."))
            #expect(one.text.contains("name=\"joint_owners\""))
        }
    }

    /// Issue #11: a Paris address is zoned as Paris and shown as its arrondissement.
    @Test func parisAddressIsShownAsItsArrondissement() async throws {
        try await TestApp.run { app in
            let res = try await Self.get(app, "kind=owner_occupier&ownership=full&residence=oui&postal_code=75011")
            #expect(res.text.contains("ne semble pas éligible"))
            #expect(res.text.contains("Paris 11e arrondissement (75111) : zone Abis"))
            #expect(!res.text.contains("inconnue du zonage"))
        }
    }
}
