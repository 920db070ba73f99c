import Testing
import VaporTesting
import Foundation
@testable import GuichetApp
import GuichetAppTestSupport
import GuichetDomain
import GuichetPersistence

/// Campaign administration (`AMI-K`, `AMI-L`, `AMI-R`).
@Suite struct AMIAdminTests {
    @Test func administratorConfiguresACampaign() async throws {
        try await TestApp.run { app in
            let b = try await AdministrationTests.admin(app)
            var form: [String: String] = ["year": "2024", "dep_974": "oui", "dep_976": "oui", "env_974": "abc", "env_976": "5 000 000",
                                          "opens_day": "29/04/2024", "opens_time": "00:00", "closes_day": "30/09/2024", "closes_time": "24:00",
                                          "q_LLS": "30", "q_PLS": "120", "b_LLS": "40 000"]
            let bad = try await b.post("/admin/ami/campagnes", form)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Enveloppe du 974"))
            #expect(bad.text.contains("heure au format HH:MM"))
            #expect(bad.text.contains("Quotité PLS"))
            #expect(bad.text.contains(#"value="5 000 000""#), "what was typed is kept")
            form["env_974"] = "15 000 000"; form["closes_time"] = "23:59"; form["q_PLS"] = "27,5"
            #expect(try await b.post("/admin/ami/campagnes", form).status == .seeOther)
            let saved = try #require(try await CampaignStore().find(year: 2024, on: app.db)).campaign
            #expect(saved.departments == ["974", "976"])
            #expect(saved.envelopes["974"] == .euros(15_000_000))
            #expect(saved.parameters.quotites[.pls] == Rate.percent(27, hundredths: 50))
            #expect(saved.parameters.bareme[.lls] == .euros(40_000))
            #expect(saved.window.closedFrom == ISO8601DateFormatter().date(from: "2024-09-30T22:00:00Z"))
            let page = try await b.get("/admin/ami/campagnes/2024")
            #expect(page.text.contains(#"value="27,5""#))
            #expect(page.text.contains(#"value="15 000 000""#))
        }
    }
}
