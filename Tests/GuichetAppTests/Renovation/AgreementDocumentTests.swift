import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetFormats
import Testing

@testable import GuichetApp

/// Issue #13: the convention with a loan: its parts, the loan offer and its schedule month by
/// month, the general conditions; it passes `qpdf --check`.
@Suite struct AgreementDocumentTests {
    @Test func aConventionWithALoanHoldsItsOfferAndSchedule() throws {
        let reference = try ReferenceData.loadBundled()
        let document = try #require(AgreementBenchmark.document(reference: reference, now: Date()))
        let loan = try #require(document.simulation.financing?.loan)
        let pdf = document.render()
        #expect(PDFCheck.qpdfProblem(pdf) == nil)
        let pages = try PDFText.pages(pdf)
        #expect(pages.count == 10, "the benchmark's ten pages: \(pages.count)")
        #expect(document.simulation.financing?.companies.count == 3)
        let text = pages.flatMap { PDFText.reading($0) }.map(\.text)
        for heading in [
            "Article 1 – Les parties", "Article 2 – Le logement", "Article 3 – Les travaux et l'aide accordée",
            "Article 4 – Modalités de versement", "Article 5 – Engagements du bénéficiaire",
            "Article 6 – Offre de prêt", "Article 7 – Règles et paramètres appliqués", "Annexe – Conditions générales",
            "Annexe – Pièces du dossier déposé",
        ] {
            #expect(text.contains(heading), "\(heading)")
        }
        #expect(text.contains("Mois · Échéance · Intérêts · Capital · Capital restant dû"))
        #expect(text.contains { $0.hasPrefix("\(loan.months) · ") }, "the schedule's last month")
        #expect(text.contains { $0.contains("Claire Martin") })
        #expect(text.contains { $0.contains("réservés à Action Logement") }, "CEE")
    }
}
