import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetPersistence
import Testing
import VaporTesting

@testable import GuichetApp

/// Campaign administration (`AMI-K`, `AMI-L`, `AMI-R`).
@Suite struct AMIAdminTests {
    @Test func administratorConfiguresACampaign() async throws {
        try await TestApp.run { app in
            let b = try await AdministrationTests.admin(app)
            var form: [String: String] = [
                "year": "2024", "dep_974": "oui", "dep_976": "oui", "env_974": "abc", "env_976": "5 000 000",
                "opens_day": "29/04/2024", "opens_time": "00:00", "closes_day": "30/09/2024", "closes_time": "24:00",
                "q_LLS": "30", "q_PLS": "120", "b_LLS": "40 000",
            ]
            let bad = try await b.post("/admin/ami/campagnes", form)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Enveloppe du 974"))
            #expect(bad.text.contains("heure au format HH:MM"))
            #expect(bad.text.contains("Quotité PLS"))
            #expect(bad.text.contains(#"value="5 000 000""#), "what was typed is kept")
            form["env_974"] = "15 000 000"
            form["closes_time"] = "23:59"
            form["q_PLS"] = "27,5"
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

    /// Issue #9: a form cannot destroy a campaign.
    @Test func campaignsAreCreatedOnceAndChangedWithCare() async throws {
        try await TestApp.run(clock: TestClock(AMIFilingTests.utc("2024-06-01T08:00:00Z")).appClock) { app in
            let b = try await AdministrationTests.admin(app)
            var form: [String: String] = [
                "year": "2024", "dep_974": "oui", "dep_976": "oui", "env_974": "15 000 000", "env_976": "5 000 000",
                "opens_day": "29/04/2024", "opens_time": "00:00", "closes_day": "30/09/2024", "closes_time": "23:59",
            ]
            #expect(try await b.post("/admin/ami/campagnes", form).status == .seeOther)
            // « Nouvelle campagne » with the same year: refused, with a link to edit it.
            form["dep_976"] = nil
            let again = try await b.post("/admin/ami/campagnes", form)
            #expect(again.status == .unprocessableEntity)
            #expect(again.text.contains("existe déjà"))
            #expect(again.text.contains(#"href="/admin/ami/campagnes/2024""#))
            #expect(
                try #require(try await CampaignStore().find(year: 2024, on: app.db)).campaign.departments == [
                    "974", "976",
                ])

            // A landlord with a draft in 974.
            let landlord = try await AMIFilingTests.landlord(app)
            app.checksUploadsInline = true
            #expect(
                try await landlord.upload(
                    "/ami/campagnes/2024/974/tableau", fileName: "t.xlsx",
                    data: try AMIFixtures.table([AMIFixtures.operation(1)])
                ).status == .seeOther)

            // Removing 974, which has a filing: refused.
            var edit = form
            edit["dep_976"] = "oui"
            edit["dep_974"] = nil
            edit["env_974"] = nil
            let removal = try await b.post("/admin/ami/campagnes/2024", edit)
            #expect(removal.status == .unprocessableEntity)
            #expect(removal.text.contains("déjà des dépôts"))

            // Moving the close: a motive is required, then audited and e-mailed to the draft's members.
            edit = form
            edit["dep_976"] = "oui"
            edit["closes_day"] = "15/10/2024"
            let noMotive = try await b.post("/admin/ami/campagnes/2024", edit)
            #expect(noMotive.status == .unprocessableEntity)
            #expect(noMotive.text.contains("motif"))
            edit["motive"] = "Report décidé par le comité du 12/09/2024"
            #expect(try await b.post("/admin/ami/campagnes/2024", edit).status == .seeOther)
            let mails = try await OutboxStore().recent(limit: 50, channel: .email, on: app.db)
            let mail = try #require(
                mails.first { $0.recipient == "bailleur@hlm.test" && $0.subject.contains("clôture") })
            #expect(mail.subject.contains("nouvelle date de clôture"))
            #expect(mail.body.contains("Report décidé"))
            let audit = try await AuditStore().all(on: app.db).last { $0.action == "ami.campagne.modification" }
            #expect(audit?.detail.contains("Report décidé") == true)
        }
    }
}
