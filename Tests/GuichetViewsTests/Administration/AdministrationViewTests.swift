import Foundation
import GuichetDomain
import Testing

@testable import GuichetViews

/// Issue #10: pages are view models and views, tested without Vapor.
@Suite struct AdministrationViewTests {
    static let page = PageModel(title: "Test", currentPath: "/admin")

    @Test func theJournalShowsEntriesInParisTimeAndTheNextPage() {
        let entry = JournalPage.Entry(
            seq: 42, at: Date(timeIntervalSince1970: 1_727_733_540), actorLabel: "adele@al.test",
            actorRole: "administrateur",
            action: "journal.export", object: "utilisateur 1", clientAddress: "127.0.0.1")
        let html = JournalPage.render(
            Self.page,
            .init(
                integrity: .problems(["entrée manquante avant n° 7"]), entries: [entry],
                next: NextPage.after("/admin/journal", "avant", "42")))
        #expect(html.contains("30/09/2024 23:59"), "Europe/Paris, summer time")
        #expect(html.contains("ALERTE : entrée manquante avant n° 7."))
        #expect(html.contains(#"href="/admin/journal?avant=42""#))
        #expect(html.components(separatedBy: "<h1>").count == 2)
    }

    @Test func staffAccountsShowRolesInFrenchWithTheirScope() {
        let row = StaffAccountsPage.Row(
            name: "Ivan", email: "ivan@al.test", roles: [(role: .instructeur, scope: ["01", "R84"])], activated: false)
        let html = StaffAccountsPage.render(Self.page, .init(rows: [row], next: nil, form: FormState()))
        #expect(html.contains("Instructeur (01, R84)"))
        #expect(html.contains("non activé"))
        #expect(!html.contains("Page suivante"))
        #expect(html.contains(#"action="/admin/comptes""#))
    }

    @Test func deadJobsCanBeStartedAgain() {
        let id = JobID()
        let row = JobsPage.Row(
            id: id, kind: "Vérification", state: "abandonnée", isDead: true, attempts: 5, maxAttempts: 5,
            createdAt: Date(timeIntervalSince1970: 0), runAt: Date(timeIntervalSince1970: 0), lastError: "délai dépassé"
        )
        let html = JobsPage.render(
            Self.page,
            .init(
                counts: [.init(state: "abandonnée", count: 1)], rows: [row], next: nil, csrfToken: "t"))
        #expect(html.contains("/admin/taches/\(id.uuidString)/relance"))
        #expect(html.contains("5 sur 5"))
        #expect(html.contains("délai dépassé"))
    }

    @Test func amoRequestsListTheLegalRepresentativeAndBothDecisions() {
        let request = AMORequest(
            siret: "73282932000074", companyName: "Rénov", department: "01", legalCivility: "Mme",
            legalUsageName: "Curie",
            legalBirthName: "Skłodowska", legalBirthDate: "07/11/1867", legalBirthCity: "Varsovie",
            contactName: "Pierre",
            contactEmail: "p@r.fr", contactPhone: "0102030405")
        let id = OrganisationID()
        let html = AMORequestsPage.render(
            Self.page,
            .init(
                pending: [
                    .init(
                        id: id, request: request, name: "Rénov", siret: "73282932000074", department: "01",
                        receivedAt: nil)
                ],
                decided: [.init(name: "Autre", siret: "1", status: .refused, reason: "SIRET inconnu")], next: nil,
                csrfToken: "t"))
        #expect(html.contains("Mme Curie (né(e) Skłodowska, le 07/11/1867 à Varsovie)"))
        #expect(html.contains("/admin/amo/\(id.uuidString)/decision"))
        #expect(html.contains("refusée") && html.contains("SIRET inconnu"))
    }
}
