import Foundation
import GuichetAppTestSupport
import GuichetDomain
import Testing
import Vapor
import VaporTesting

@testable import GuichetApp
@testable import GuichetPersistence

/// Issue #12: nobody reaches another's dossier or document (404, as if it did not exist), two
/// people saving at once get « modifié entre-temps » (409), a filed dossier no longer changes.
@Suite struct DossierAccessTests {
    @Test func everyDossierRouteAnswers404ToAnotherBeneficiaryAndToAnAMOWithoutMandate() async throws {
        try await TestApp.run { app in
            let (_, path) = try await DossierJourneyTests.created(app)
            let other = try await DossierFixtures.person(app, "paul@exemple.fr", .beneficiaire, name: "Paul")
            let rival = try await DossierFixtures.amo(app, name: "Autre AMO", siret: "35600000000048")
            let rivalAMO = try await DossierFixtures.person(app, "rita@autre.test", .amo, organisation: rival.id)
            let id = String(path.dropFirst("/dossiers/".count))
            var tried = 0
            // The pages here; the API's routes with a token in DossierAPITests.
            for route in app.routes.all where route.path.contains(.parameter("dossier")) && route.path.first != "api" {
                let concrete =
                    "/"
                    + route.path.map { c -> String in
                        switch c {
                        case .parameter("dossier"): return id
                        case .parameter("key"): return "demandeur.identite"
                        case .parameter("index"): return "1"
                        case .parameter("siret"): return "73282932000074"
                        case .parameter(let name): return name
                        default: return c.description
                        }
                    }.joined(separator: "/")
                for b in [other, rivalAMO] {
                    let res =
                        route.method == .POST ? try await b.post(concrete, ["version": "1"]) : try await b.get(concrete)
                    #expect(res.status == .notFound, "\(route.method) \(concrete) → \(res.status.code)")
                    tried += 1
                }
            }
            #expect(tried >= 40, "every step, list, document, mandate and filing route")
        }
    }

    @Test func twoPeopleSavingAtOnceGetChangedMeanwhile() async throws {
        try await TestApp.run { app in
            let (amo, path) = try await DossierJourneyTests.created(app)
            let page = try await amo.get(path + "/travaux")
            let version = DossierFixtures.version(page.body.string)
            #expect(
                try await amo.post(path + "/travaux", ["version": version, "insulation": "oui"]).status == .seeOther)
            let stale = try await amo.post(path + "/travaux", ["version": version, "insulation": "non"])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("modifié"))
            let id = try #require(DossierID(uuidString: String(path.dropFirst("/dossiers/".count))))
            #expect(
                try await DossierStore().find(id: id, on: app.db)?.answers.works.insulation == true,
                "nothing overwritten")
        }
    }
}
