import Foundation
import GuichetAppTestSupport
import GuichetDomain
import Testing
import Vapor
import VaporTesting

@testable import GuichetApp
@testable import GuichetPersistence

/// Issue #12: an owner-occupier's dossier built by an AMO, from the eligibility test to filing,
/// on SQLite and PostgreSQL.
@Suite struct DossierJourneyTests {
    /// The AMO creates its client's account and dossier from an eligible test.
    static func created(_ app: Application) async throws -> (amo: Browser, path: String) {
        app.checksUploadsInline = true
        EicarOnlyScanner.install(app)
        let org = try await DossierFixtures.amo(app)
        let amo = try await DossierFixtures.person(
            app, "bruno@renov.test", .amo, organisation: org.id, name: "Bruno Petit")
        let test = DossierFixtures.ownerOccupierTest
        let result = try await amo.get("/renovation/eligibilite?" + DossierFixtures.query(test))
        #expect(result.body.string.contains("Créer le compte du bénéficiaire"))
        #expect(try await amo.get("/dossiers/nouveau?" + DossierFixtures.query(test)).status == .ok)
        var form = DossierFixtures.carried(test).merging(DossierFixtures.civilStatus) { a, _ in a }
        let incomplete = try await amo.post("/dossiers/nouveau", form)
        #expect(incomplete.status == .unprocessableEntity, "no e-mail nor mobile")
        #expect(incomplete.body.string.contains(#"value="Durand""#), "what was typed is kept")
        form["email"] = "claire@exemple.fr"
        form["mobile"] = "06 12 34 56 78"
        let created = try await amo.post("/dossiers/nouveau", form)
        #expect(created.status == .seeOther)
        let path = try #require(created.headers.first(name: .location))
        #expect(path.hasPrefix("/dossiers/"))
        return (amo, path)
    }

    @Test func anAMOBuildsAndFilesAnOwnerOccupiersDossier() async throws {
        try await TestApp.run { app in
            let (amo, path) = try await Self.created(app)
            let mail = try #require(try await amo.lastEmail(to: "claire@exemple.fr"))
            #expect(mail.subject == "Votre compte Guichet a été créé par votre AMO")
            #expect(mail.body.contains("12 heures"))

            // « Je choisis cet AMO ».
            let amoPage = try await amo.get(path + "/amo")
            #expect(amoPage.body.string.contains("Je choisis cet AMO"))
            #expect(
                try await amo.post(path + "/amo/choix", ["version": DossierFixtures.version(amoPage.body.string)])
                    .status == .seeOther)

            // Each step, saved with the version it was read with.
            try await Self.fill(amo, path)
            let review = try await amo.get(path + "/recapitulatif")
            #expect(review.body.string.contains("Déposer le dossier"))
            let missing = try await amo.post(path + "/depot", ["version": DossierFixtures.version(review.body.string)])
            #expect(missing.status == .unprocessableEntity, "documents are missing")
            #expect(missing.body.string.contains("Pièces justificatives"))

            try await Self.uploadAll(amo, path)
            let ready = try await amo.get(path + "/recapitulatif")
            let filed = try await amo.post(path + "/depot", ["version": DossierFixtures.version(ready.body.string)])
            #expect(filed.status == .seeOther)
            let id = try #require(DossierID(uuidString: String(path.dropFirst("/dossiers/".count))))
            let d = try #require(try await DossierStore().find(id: id, on: app.db))
            #expect(d.state == .filed)
            #expect(d.parametersVersion != nil)
            #expect(d.receiptFileID != nil, "the receipt job ran")
            let receipt = try await amo.get(path + "/accuse.pdf")
            #expect(receipt.status == .ok)
            #expect(receipt.body.string.hasPrefix("%PDF"))
            #expect(try await amo.lastEmail(to: "claire@exemple.fr")?.subject == "Dossier \(d.reference) déposé")
            #expect(try await amo.lastEmail(to: "bruno@renov.test")?.subject == "Dossier \(d.reference) déposé")
            let home = try await amo.get(path)
            #expect(home.body.string.contains("pour le compte de Claire Martin"))
            #expect(try await amo.post(path + "/logement", ["version": String(d.version)]).status == .seeOther)
            #expect(
                try await DossierStore().find(id: id, on: app.db)?.version == d.version,
                "a filed dossier does not change")
            try await Self.companyDocumentsStayAsFiled(app, id, d)
        }
    }

    /// The company's Kbis replaced for another dossier after this one was filed: this dossier
    /// keeps the one it was filed with (frozen at filing), and its file is not deleted.
    static func companyDocumentsStayAsFiled(_ app: Application, _ id: DossierID, _ d: DossierRecord) async throws {
        let store = DossierDocumentStore()
        let siret = "73282932000074"
        let key = "entreprise-\(siret).kbis_entreprise"
        let filed = try #require(
            try await store.documents(of: id, companies: [siret], on: app.db).first { $0.key == key })
        #expect(filed.dossierID == id, "a copy of its own")
        let newer = try #require(d.receiptFileID)  // any stored file will do
        let replaced = try await store.put(
            .init(
                key: key, kind: .companyKbis, fileID: newer, fileName: "kbis-2027.pdf", contentType: "application/pdf",
                size: 10, sha256: "autre", documentDate: filed.documentDate),
            dossier: nil, company: siret, by: d.beneficiaryID, at: Date(), on: app.db)
        #expect(replaced == filed.fileID)
        #expect(try await store.holds(filed.fileID, on: app.db), "the filed dossier still holds the old file")
        let now = try #require(
            try await store.documents(of: id, companies: [siret], on: app.db).first { $0.key == key })
        #expect(now.sha256 == filed.sha256 && now.fileID == filed.fileID)
    }

    static func fill(_ b: Browser, _ path: String) async throws {
        func save(_ step: String, _ form: [String: String]) async throws {
            let page = try await b.get("\(path)/\(step)")
            #expect(page.status == .ok, "\(step)")
            var fields = form
            fields["version"] = DossierFixtures.version(page.body.string)
            let res = try await b.post("\(path)/\(step)", fields)
            #expect(res.status == .seeOther, "\(step): \(res.status) \(res.body.string.prefix(3000))")
        }
        let refused = try await b.post(
            "\(path)/demandeur",
            ["version": DossierFixtures.version(try await b.get(path + "/demandeur").body.string), "email": "x"])
        #expect(refused.status == .unprocessableEntity)
        #expect(refused.body.string.contains("Le formulaire contient"))
        try await save(
            "demandeur",
            [
                "email": "claire@exemple.fr", "mobile": "06 12 34 56 78", "employment": "private_sector",
                "company_name": "Boulangerie Martin", "sector": "Commerce", "company_siret": "732 829 320 00074",
                "tax_income": "25 000", "household_size": "3",
            ])
        try await save(
            "logement",
            ["address": "12 rue des Lilas", "postal_code": "01000", "insee": "01053", "principal_residence": "oui"])
        try await save("travaux", ["insulation": "oui"])
        let plan = try await b.get(path + "/plan-de-financement")
        let company = try await b.post(
            path + "/plan-de-financement/entreprises",
            [
                "version": DossierFixtures.version(plan.body.string), "siret": "73282932000074", "name": "Isol'Est",
                "representative": "Jean Isol", "account_holder": "Isol'Est SARL",
                "iban": "FR76 3000 6000 0112 3456 7890 189", "bic": "AGRIFRPP",
                "rge": "oui",
                "work_type": "isolation_combles", "main_works": "12 000", "induced_works": "500",
            ])
        #expect(company.status == .seeOther)
        let draft = try await b.get(path + "/plan-de-financement")
        #expect(draft.body.string.contains("data-plan-live"), "the live region the inline script updates")
        let live = try await b.post(
            path + "/plan-de-financement/calcul", ["loan_wanted": "non", "amo_fee": "1 000"])
        #expect(live.body.string.contains("Aide calculée : subvention de 13"), "computed without saving")
        try await save("plan-de-financement", ["loan_wanted": "non", "amo_fee": "1 000"])
        let computed = try await b.get(path + "/plan-de-financement")
        #expect(computed.body.string.contains("Subvention Action Logement"))
    }

    static func uploadAll(_ b: Browser, _ path: String) async throws {
        let page = try await b.get(path + "/pieces")
        let keys = page.body.string.components(separatedBy: "action=\"\(path)/pieces/").dropFirst().compactMap {
            $0.split(separator: "\"").first.map(String.init)
        }.filter { !$0.hasSuffix("/suppression") }
        #expect(keys.count >= 10, "\(page.status) \(page.body.string)")
        for key in keys {
            let current = try await b.get(path + "/pieces")
            var fields = ["version": DossierFixtures.version(current.body.string)]
            if key.hasSuffix("kbis_entreprise") || key.hasSuffix("devis") { fields["document_date"] = "01/11/2026" }
            let res = try await b.upload(
                path + "/pieces/" + key, fileName: "\(key).pdf", data: DossierFixtures.pdf,
                contentType: "application/pdf",
                fields: fields)
            #expect(res.status == .seeOther, "\(key): \(res.status)")
        }
    }
}
