import GuichetDomain
import Testing

@testable import GuichetViews

/// Issue #13: a refiled dossier's corrections, field by field and document by document.
@Suite struct DossierChangesTests {
    typealias S = DossierOverview.Section

    @Test func fieldByField() {
        let old = [
            S(step: .applicant, rows: [("Téléphone portable", "06 12 34 56 78"), ("Revenu fiscal", "25 000 €")]),
            S(step: .coApplicants, rows: [("Conjoint ou partenaire", "Paul Martin"), ("Indivisaire", "Léa Roux")]),
        ]
        let new = [
            S(step: .applicant, rows: [("Téléphone portable", "06 12 34 56 78"), ("Revenu fiscal", "24 500 €")]),
            S(step: .coApplicants, rows: [("Conjoint ou partenaire", "Paul Martin")]),
            S(step: .dwelling, rows: [("Commune", "Bourg-en-Bresse")]),
        ]
        let changes = DossierChanges.answers(old, new)
        #expect(
            changes == [
                .init(step: .applicant, label: "Revenu fiscal", before: "25 000 €", after: "24 500 €"),
                .init(step: .dwelling, label: "Commune", before: nil, after: "Bourg-en-Bresse"),
                .init(step: .coApplicants, label: "Indivisaire", before: "Léa Roux", after: nil),
            ])
        #expect(DossierChanges.answers(new, new).isEmpty)
    }

    @Test func aRepeatedLabelIsComparedOccurrenceByOccurrence() {
        let old = [S(step: .coApplicants, rows: [("Indivisaire", "A"), ("Indivisaire", "B")])]
        let new = [S(step: .coApplicants, rows: [("Indivisaire", "A"), ("Indivisaire", "C")])]
        #expect(
            DossierChanges.answers(old, new) == [
                .init(step: .coApplicants, label: "Indivisaire", before: "B", after: "C")
            ])
    }

    @Test func documentByDocument() {
        typealias D = DossierChanges.Document
        let old = [
            "demandeur.rib": D(label: "RIB", sha256: "aaaaaaaaaaaaaaaa"), "x.devis": D(label: "Devis", sha256: "cc"),
        ]
        let new = [
            "demandeur.rib": D(label: "RIB", sha256: "bbbbbbbbbbbbbbbb"), "y.kbis": D(label: "Kbis", sha256: "dd"),
        ]
        let changes = DossierChanges.documents(old, new)
        #expect(changes.map(\.label) == ["RIB", "Devis", "Kbis"])
        #expect(changes[0].before == "fichier aaaaaaaaaaaa…" && changes[0].after == "fichier bbbbbbbbbbbb…")
        #expect(changes[1].after == nil && changes[2].before == nil)
        #expect(DossierChanges.documents(old, old).isEmpty)
    }
}
