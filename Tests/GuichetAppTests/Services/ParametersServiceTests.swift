import GuichetAppTestSupport
import GuichetDomain
import Testing
import VaporTesting

@testable import GuichetApp

@Suite struct ParametersServiceTests {
    @Test func seedsVersionOneThenEachEditIsANewVersionUsedBySimulations() async throws {
        try await TestApp.run { app in
            let p = try await app.parameters.current(on: app.db)
            #expect(p.version == "v1")
            #expect(p.subsidyCeilingOwnerOccupier.entries.count == 1)

            var edited = p
            edited.subsidyCeilingOwnerOccupier = p.subsidyCeilingOwnerOccupier
                .adding(Dated(from: Day(iso: "2024-01-01")!, .euros(22_000), source: "Test : délibération fictive"))
            let label = try await app.parameters.publish(edited, author: "admin@test", note: "hausse", on: app.db)
            #expect(label == "v2")
            // Seeding again changes nothing.
            try await app.parameters.seedIfEmpty(on: app.db)

            let body =
                #"{"reference_date":"2024-06-01","applicant":{"kind":"owner_occupier"},"plan":{"companies":[{"siret":"73282932000074","rge":true,"main_works":5000000}]}}"#
            let res = try await app.testing().sendRequest(
                .POST, "api/v1/renovation/simulations", headers: .json, body: .json(body))
            #expect(res.text.contains(#""parameters_version":"v2""#))
            #expect(res.text.contains(#""ceiling":2200000"#))
            let before =
                #"{"reference_date":"2023-06-01","applicant":{"kind":"owner_occupier"},"plan":{"companies":[]}}"#
            let res2 = try await app.testing().sendRequest(
                .POST, "api/v1/renovation/simulations", headers: .json, body: .json(before))
            #expect(res2.text.contains(#""ceiling":2000000"#), "the new value applies from its date only")
        }
    }
}
