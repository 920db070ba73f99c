import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetFormats
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

@testable import GuichetApp
@testable import GuichetPersistence

/// Issue #13: the instructor's workspace (search without accents, filters, tabs, exports,
/// assignment, reminders), a refusal with its letter, and the message thread (attachments
/// scanned, staff notes kept from the beneficiary and the AMO).
@Suite struct InstructionWorkspaceTests {
    @Test func theQueueSearchesFiltersExportsAssignsAndReminds() async throws {
        try await TestApp.run { app in
            let (amo, _, id) = try await InstructionJourneyTests.filed(app)
            let ines = try await InstructionJourneyTests.instructor(app, "ines@actionlogement.test", scope: ["01"])
            let remi = try await InstructionJourneyTests.instructor(app, "remi@actionlogement.test", scope: ["974"])
            let d = try #require(try await DossierStore().find(id: id, on: app.db))
            for (query, found) in [
                ("q=CLAIRE", true), ("q=cl%C3%A2ire", true), ("q=732+829+320+00074", true), ("q=isol%27est", true),
                ("q=lilas", true), ("q=h%C3%A9l%C3%A8ne", false), ("departement=974", false),
                ("montant_min=50+000", false), ("montant_max=50+000", true), ("age=3", false),
                ("pieces_expirees=oui", false), ("etat=validé", false), ("etat=deposé", true),
            ] {
                let page = try await ines.get("/instruction/dossiers?\(query)")
                #expect(page.status == .ok)
                #expect(page.body.string.contains(d.reference) == found, "\(query)")
            }
            #expect(try await ines.get("/instruction/dossiers").body.string.contains("Déposé (1)"))
            #expect(!(try await remi.get("/instruction/dossiers").body.string.contains(d.reference)), "scope")

            let csv = try await ines.get("/instruction/dossiers/export.csv?q=martin")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.string.contains("Référence;Bénéficiaire") && csv.body.string.contains(d.reference))
            let xlsx = try await ines.get("/instruction/dossiers/export.xlsx")
            let archive = try Archive(data: Data(buffer: xlsx.body), accessMode: .read)
            #expect(archive["xl/worksheets/sheet1.xml"] != nil)

            let assign = try await ines.post(
                "/instruction/dossiers/selection", ["id_\(id.uuidString)": "oui", "action": "attribuer"])
            #expect(assign.status == .seeOther)
            #expect(try await ines.get("/instruction/dossiers?a_moi=oui").body.string.contains(d.reference))
            #expect(try await InstructionStore().find(id, on: app.db)?.assignedTo != nil)
            let foreign = try await remi.post(
                "/instruction/dossiers/selection", ["id_\(id.uuidString)": "oui", "action": "retirer"])
            #expect(foreign.status == .seeOther)
            #expect(try await InstructionStore().find(id, on: app.db)?.assignedTo != nil, "outside its scope: skipped")

            let review = "/instruction/dossiers/\(id.uuidString)"
            _ = try await InstructionJourneyTests.post(ines, review, "instruction")
            _ = try await InstructionJourneyTests.post(
                ines, review, "correction", ["etape": "logement", "points": "L'adresse est incomplète"])
            _ = try await ines.post(
                "/instruction/dossiers/selection", ["id_\(id.uuidString)": "oui", "action": "relancer"])
            #expect(
                try await InstructionJourneyTests.email(app, to: "bruno@renov.test") { $0.hasPrefix("Rappel") } != nil)
            let page = try await amo.get("/dossiers/\(id.uuidString)")
            #expect(page.body.string.contains("/dossiers/\(id.uuidString)/logement\">Corriger : Logement"), "linked")
        }
    }

    @Test func aRefusalNeedsItsReasonsAndSendsALetter() async throws {
        try await TestApp.run { app in
            let (amo, path, id) = try await InstructionJourneyTests.filed(app)
            let ines = try await InstructionJourneyTests.instructor(app, "ines@actionlogement.test", scope: ["R84"])
            let review = "/instruction/dossiers/\(id.uuidString)"
            let empty = try await InstructionJourneyTests.post(ines, review, "refus", ["motifs": "\n  \n"])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Indiquez au moins un motif de refus"))
            #expect(try await InstructionJourneyTests.state(app, id) == .filed, "nothing written")
            let refused = try await InstructionJourneyTests.post(
                ines, review, "refus", ["motifs": "Travaux non éligibles\nDevis hors délai"])
            #expect(refused.status == .seeOther)
            #expect(try await InstructionJourneyTests.state(app, id) == .refused)
            let letter = try await amo.get(path + "/lettre-refus.pdf")
            #expect(letter.status == .ok)
            let data = Data(buffer: letter.body)
            #expect(PDFCheck.qpdfProblem(data) == nil)
            let text = try PDFText.pages(data).flatMap { $0 }.map(\.text).joined(separator: "\n")
            #expect(text.contains("Travaux non éligibles") && text.contains("Devis hors délai"))
            let mail = try #require(
                try await InstructionJourneyTests.email(app, to: "claire@exemple.fr") { $0.hasSuffix("refusé") })
            #expect(mail.body.contains("- Devis hors délai"))
            let cancel = try await InstructionJourneyTests.post(ines, review, "annulation", ["motif": "doublon"])
            #expect(cancel.status == .unprocessableEntity, "a refused dossier is not cancelled")
        }
    }

    @Test func messagesAreScannedAndStaffNotesStayPrivate() async throws {
        try await TestApp.run { app in
            let (amo, path, id) = try await InstructionJourneyTests.filed(app)
            let ines = try await InstructionJourneyTests.instructor(app, "ines@actionlogement.test", scope: ["01"])
            let review = "/instruction/dossiers/\(id.uuidString)"
            _ = try await ines.get(review)
            #expect(
                try await ines.post(review + "/notes", ["note": "Vérifier le devis : montant élevé"]).status
                    == .seeOther)
            _ = try await amo.get(path + "/messages")
            let virus = try await amo.upload(
                path + "/messages", field: "piece_jointe", fileName: "facture.pdf", data: DossierFixtures.eicar,
                contentType: "application/pdf", fields: ["message": "Voici la facture"])
            #expect(virus.status == .unprocessableEntity)
            #expect(virus.body.string.contains("virus"))
            #expect(virus.body.string.contains("Voici la facture"), "what was typed is kept")
            let sent = try await amo.upload(
                path + "/messages", field: "piece_jointe", fileName: "attestation.pdf", data: DossierFixtures.pdf,
                contentType: "application/pdf", fields: ["message": "Voici l'attestation"])
            #expect(sent.status == .seeOther)
            let thread = try await amo.get(path + "/messages").body.string
            #expect(thread.contains("Voici l&#39;attestation") || thread.contains("Voici l'attestation"))
            #expect(!thread.contains("montant élevé"), "a staff note is not shown to the AMO")
            #expect(try await ines.get(review).body.string.contains("attestation.pdf"))
            let mail = try #require(
                try await InstructionJourneyTests.email(app, to: "claire@exemple.fr") {
                    $0.hasPrefix("Nouveau message")
                })
            #expect(mail.body.contains("Voici l'attestation"))
            #expect(try await amo.get(review).status == .notFound, "the review page is staff's")
        }
    }
}
