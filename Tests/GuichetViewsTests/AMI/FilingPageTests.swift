import Foundation
import GuichetDomain
import Testing

@testable import GuichetViews

/// The landlord's filing page from its view model, without Vapor (issue #10).
@Suite struct FilingPageTests {
    static let page = PageModel(title: "AMI", currentPath: "/ami")

    static func model(
        state: FilingPage.State, closed: String? = nil, check: FilingPage.Check, form: FormState?
    )
        -> FilingPage.Model
    {
        let upload = FilingPage.Upload(
            id: UploadID(), fileName: "prog.xlsx", uploadedAt: Date(timeIntervalSince1970: 1_717_228_800), check: check,
            isCurrent: true)
        return FilingPage.Model(
            year: 2024, department: "974", departmentName: "La Réunion", organisation: "Habitat", siren: "732829320",
            phase: "ouverte jusqu'au 30/09/2024 23:59 (heure de Paris)", state: state, closedMessage: closed,
            maxUploadMB: 20, uploads: [upload], sendForm: form,
            history: [
                .init(at: Date(timeIntervalSince1970: 1_717_228_800), actor: "b@hlm.test", text: "Tableau déposé.")
            ],
            notice: nil, csrfToken: "t")
    }

    @Test func aCleanDraftOffersTheSynthesisToSend() {
        let html = FilingPage.render(
            Self.page,
            Self.model(
                state: .draft, check: .clean(operations: 3),
                form: FormState(values: ["dwellings": "45"], csrfToken: "t")))
        #expect(html.contains(#"action="/ami/campagnes/2024/974/envoi""#))
        #expect(html.contains(#"value="45""#))
        #expect(html.contains("3 opérations lues, sans erreur."))
        #expect(html.contains("Remplacer le tableau"))
        #expect(html.contains("01/06/2024 10:00:00"), "history in Paris time")
    }

    @Test func aSentFilingCanNoLongerBeChanged() {
        let html = FilingPage.render(
            Self.page,
            Self.model(
                state: .sent(Date(timeIntervalSince1970: 1_727_733_599)), check: .clean(operations: 3), form: nil))
        #expect(html.contains("envoyé le 30/09/2024 23:59:59 (heure de Paris) – définitif"))
        #expect(html.contains("/ami/campagnes/2024/974/accuse.pdf"))
        #expect(!html.contains("multipart/form-data"))
    }

    @Test func aClosedCampaignSaysWhyAndOffersNoUpload() {
        let html = FilingPage.render(
            Self.page,
            Self.model(
                state: .draft, closed: "Campagne close depuis le 30/09/2024 23:59 (AMI-K).",
                check: .errors(2, operations: 3), form: nil))
        #expect(html.contains("Campagne close depuis le 30/09/2024 23:59 (AMI-K)."))
        #expect(!html.contains("multipart/form-data"))
        #expect(
            html.contains("2 erreurs à corriger avant l&#39;envoi.")
                || html.contains("2 erreurs à corriger avant l'envoi."))
    }
}
