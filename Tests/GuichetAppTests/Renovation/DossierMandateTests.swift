import Foundation
import GuichetAppTestSupport
import GuichetDomain
import Testing
import Vapor
import VaporTesting

@testable import GuichetApp
@testable import GuichetPersistence

/// Issue #12: a beneficiary's own account and dossier, and the AMO's mandate (chosen by SIRET,
/// accepted by the AMO, withdrawn by the beneficiary).
@Suite struct DossierMandateTests {
    /// A visitor's account and dossier from an eligible test, activated and signed in.
    static func beneficiary(_ app: Application) async throws -> (Browser, String) {
        EicarOnlyScanner.install(app)
        let b = Browser(app)
        let test = DossierFixtures.ownerOccupierTest
        let result = try await b.get("/renovation/eligibilite?" + DossierFixtures.query(test))
        #expect(result.body.string.contains("Créer mon compte et mon dossier"))
        #expect(try await b.get("/renovation/compte?" + DossierFixtures.query(test)).status == .ok)
        var form = DossierFixtures.carried(test).merging(DossierFixtures.civilStatus) { a, _ in a }
        form["email"] = "claire@exemple.fr"
        form["mobile"] = "06 12 34 56 78"
        form["password"] = DossierFixtures.password
        form["confirm"] = "autre chose"
        let refused = try await b.post("/renovation/compte", form)
        #expect(refused.status == .unprocessableEntity)
        #expect(!refused.body.string.contains(DossierFixtures.password), "a password is never shown again")
        form["confirm"] = DossierFixtures.password
        let done = try await b.post("/renovation/compte", form)
        #expect(done.body.string.contains("Vérifiez votre messagerie"))
        let mail = try #require(try await b.lastEmail(to: "claire@exemple.fr"))
        let link = try #require(b.link(in: mail.body, path: "/activation/"))
        #expect(try await b.get(link).status == .seeOther)
        let login = try await b.post(
            "/connexion", ["email": "claire@exemple.fr", "password": DossierFixtures.password])
        #expect(login.headers.first(name: .location) == "/dossiers")
        let dashboard = try await b.get("/dossiers")
        let path = try #require(
            dashboard.body.string.components(separatedBy: "href=\"/dossiers/").dropFirst().first?.prefix(36))
        return (b, "/dossiers/" + path)
    }

    @Test func theBeneficiaryChoosesAnAMOBySiretWhichAcceptsThenLosesTheMandate() async throws {
        try await TestApp.run { app in
            let (claire, path) = try await Self.beneficiary(app)
            let org = try await DossierFixtures.amo(app)
            let amo = try await DossierFixtures.person(
                app, "bruno@renov.test", .amo, organisation: org.id, name: "Bruno")
            #expect(try await amo.get(path).status == .notFound, "not chosen yet")

            let page = try await claire.get(path + "/amo")
            let unknown = try await claire.post(
                path + "/amo/choix", ["version": DossierFixtures.version(page.body.string), "siret": "35600000000048"])
            #expect(unknown.status == .unprocessableEntity)
            #expect(
                unknown.body.string.contains("aucun AMO partenaire d&#39;Action Logement n&#39;a ce SIRET")
                    || unknown.body.string.contains("aucun AMO partenaire"))
            let chosen = try await claire.post(
                path + "/amo/choix",
                ["version": DossierFixtures.version(page.body.string), "siret": "732 829 320 00074"])
            #expect(chosen.status == .seeOther)
            #expect(try await amo.lastEmail(to: "bruno@renov.test")?.subject.hasPrefix("Demande de mandat") == true)

            // Requested: the AMO sees the dossier and accepts; it may not change it before.
            #expect(try await amo.get("/dossiers?etat=mandat").body.string.contains("mandat à accepter"))
            let asked = try await amo.get(path + "/amo")
            #expect(asked.body.string.contains("Accepter le mandat"))
            #expect(
                try await amo.post(
                    path + "/travaux", ["version": DossierFixtures.version(asked.body.string), "insulation": "oui"]
                ).status == .notFound)
            #expect(
                try await amo.post(path + "/amo/acceptation", ["version": DossierFixtures.version(asked.body.string)])
                    .status == .seeOther)
            let works = try await amo.get(path + "/travaux")
            #expect(
                try await amo.post(
                    path + "/travaux", ["version": DossierFixtures.version(works.body.string), "insulation": "oui"]
                ).status == .seeOther)

            // The beneficiary sees the AMO's entry, and the advice not to change it.
            let home = try await claire.get(path)
            #expect(home.body.string.contains("pour le compte de Claire Martin"))
            #expect(home.body.string.contains("Votre AMO saisit votre dossier"))
            let amoPage = try await claire.get(path + "/amo")
            let withdraw = try await claire.post(
                path + "/amo/retrait", ["version": DossierFixtures.version(amoPage.body.string)])
            #expect(withdraw.status == .seeOther)
            #expect(try await amo.get(path).status == .notFound, "the mandate is withdrawn")
        }
    }

    @Test func aBeneficiaryFilesForSeveralDwellingsButNotTwiceForOne() async throws {
        try await TestApp.run { app in
            let (claire, _) = try await Self.beneficiary(app)
            let test = DossierFixtures.ownerOccupierTest
            let form = try await claire.get("/dossiers/nouveau?" + DossierFixtures.query(test))
            #expect(form.body.string.contains("Créer un dossier pour un autre logement"))
            let second = try await claire.post("/dossiers/nouveau", DossierFixtures.carried(test))
            #expect(second.status == .seeOther)
            let user = try #require(try await UserStore().find(email: "claire@exemple.fr", on: app.db))
            let dossiers = try await DossierStore().list(beneficiary: user.id, on: app.db)
            #expect(dossiers.count == 2)
            // Both on the same dwelling: RENO-E9 names the other one.
            for d in dossiers {
                let page = try await claire.get("/dossiers/\(d.id.uuidString)/logement")
                _ = try await claire.post(
                    "/dossiers/\(d.id.uuidString)/logement",
                    [
                        "version": DossierFixtures.version(page.body.string), "address": "12 rue des Lilas",
                        "postal_code": "01000", "insee": "01053", "principal_residence": "oui",
                    ])
            }
            let review = try await claire.get("/dossiers/\(dossiers[0].id.uuidString)/recapitulatif")
            #expect(review.body.string.contains("une seule aide par logement"))
            #expect(review.body.string.contains(dossiers[1].reference))
        }
    }
}
