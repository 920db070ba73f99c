import Foundation
import GuichetAppTestSupport
import GuichetDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import GuichetApp
@testable import GuichetPersistence

/// Issue #12 (`RENO-D`): bad uploads get a clear French message and store nothing; a document is
/// replaced and deleted before filing; dated documents are checked.
@Suite struct DossierDocumentTests {
    static func count(_ table: String, _ app: Application) async throws -> Int {
        let sql = try #require(app.db as? any SQLDatabase)
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()
        return try row?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test func badUploadsAreRefusedWithAFrenchMessageAndNothingStored() async throws {
        try await TestApp.run(environment: ["GUICHET_MAX_DOCUMENT_MB": "1"]) { app in
            let (amo, path) = try await DossierJourneyTests.created(app)
            let files = try await Self.count("stored_files", app)
            let zip = Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 2000))
            let cases: [(String, Data, String)] = [
                ("programme.pdf", Data("MZ this is not a PDF".utf8), "Format non accepté"),
                ("vide.pdf", Data(), "Le fichier est vide"),
                (
                    "gros.pdf", DossierFixtures.pdf + Data(count: 1_200_000),
                    "Fichier trop volumineux : 1 Mo au plus (1,1 Mo envoyés)"
                ),
                ("archive.pdf", zip, "celui-ci est une archive ZIP"),
                (
                    "eicar.pdf", Data("%PDF-1.4\n".utf8) + DossierFixtures.eicar + Data("\n%%EOF\n".utf8),
                    "contient un virus"
                ),
                ("eicar.com.pdf", DossierFixtures.eicar, "contient un virus"),
            ]
            for (name, data, message) in cases {
                let page = try await amo.get(path + "/pieces")
                let res = try await amo.upload(
                    path + "/pieces/demandeur.identite", fileName: name, data: data, contentType: "application/pdf",
                    fields: ["version": DossierFixtures.version(page.body.string)])
                #expect(res.status == .unprocessableEntity, "\(name)")
                #expect(res.body.string.contains(message), "\(name): \(message)")
                #expect(res.body.string.contains("<title>Erreur : "), "\(name)")
            }
            #expect(try await Self.count("stored_files", app) == files, "nothing stored")
            #expect(try await Self.count("dossier_documents", app) == 0)
        }
    }

    @Test func aDocumentIsReplacedThenDeletedAndItsFileGoesWithIt() async throws {
        try await TestApp.run { app in
            let (amo, path) = try await DossierJourneyTests.created(app)
            func upload(_ data: Data) async throws -> TestingHTTPResponse {
                let page = try await amo.get(path + "/pieces")
                return try await amo.upload(
                    path + "/pieces/demandeur.rib", fileName: "rib.pdf", data: data, contentType: "application/pdf",
                    fields: ["version": DossierFixtures.version(page.body.string)])
            }
            let files = try await Self.count("stored_files", app)
            #expect(try await upload(DossierFixtures.pdf).status == .seeOther)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
            #expect(try await upload(png).status == .seeOther, "a PNG named .pdf is a PNG")
            #expect(try await Self.count("stored_files", app) == files + 1, "the replaced file is deleted")
            let download = try await amo.get(path + "/pieces/demandeur.rib/fichier")
            #expect(download.headers.contentType == .png)
            let page = try await amo.get(path + "/pieces")
            #expect(page.body.string.contains("Remplacer par"))
            let deleted = try await amo.post(
                path + "/pieces/demandeur.rib/suppression", ["version": DossierFixtures.version(page.body.string)])
            #expect(deleted.status == .seeOther)
            #expect(try await Self.count("stored_files", app) == files)
            #expect(try await Self.count("dossier_documents", app) == 0)
        }
    }

    @Test func aDatedDocumentNeedsAValidDate() async throws {
        try await TestApp.run { app in
            let (amo, path) = try await DossierJourneyTests.created(app)
            let plan = try await amo.get(path + "/plan-de-financement")
            _ = try await amo.post(
                path + "/plan-de-financement/entreprises",
                [
                    "version": DossierFixtures.version(plan.body.string), "siret": "73282932000074", "name": "Isol'Est",
                    "representative": "Jean Isol", "account_holder": "Isol'Est SARL",
                    "iban": "FR76 3000 6000 0112 3456 7890 189", "bic": "AGRIFRPP",
                    "rge": "oui", "work_type": "isolation_murs", "main_works": "9 000",
                ])
            let key = "entreprise-73282932000074.kbis_entreprise"
            for (date, message) in [
                ("", "indiquez la date du document"), ("31/02/2026", "au format JJ/MM/AAAA"),
                ("01/01/2020", "il n'est plus valable"),
            ] {
                let page = try await amo.get(path + "/pieces")
                let res = try await amo.upload(
                    path + "/pieces/" + key, fileName: "kbis.pdf", data: DossierFixtures.pdf,
                    contentType: "application/pdf",
                    fields: ["version": DossierFixtures.version(page.body.string), "document_date": date])
                #expect(res.status == .unprocessableEntity, "\(date)")
                #expect(res.body.string.contains(message), "\(date): \(message)")
            }
            let page = try await amo.get(path + "/pieces")
            let stored = try await amo.upload(
                path + "/pieces/" + key, fileName: "kbis.pdf", data: DossierFixtures.pdf,
                contentType: "application/pdf",
                fields: ["version": DossierFixtures.version(page.body.string), "document_date": "20/11/2026"])
            #expect(stored.status == .seeOther)
            // The AMO's dashboard says when the dossier's first dated document stops being valid.
            let dashboard = try await amo.get("/dossiers").body.string
            #expect(dashboard.contains("entreprise : 20/02/2027"), "the Kbis's deadline")
        }
    }
}
