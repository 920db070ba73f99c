import GuichetDomain
import Testing

/// `RENO-D`: the list of documents follows the dossier; dated documents are checked on the
/// filing date.
@Suite struct RequiredDocumentsTests {
    @Test func anOwnerOccupierWithACompanyAndItsAMO() {
        let keys = RequiredDocuments.list(DossierFixtures.ownerOccupier).map(\.key)
        #expect(
            keys.prefix(6) == [
                "demandeur.identite", "demandeur.avis_imposition", "demandeur.bulletin_salaire",
                "demandeur.livret_famille",
                "demandeur.rib", "demandeur.justificatif_propriete",
            ])
        #expect(keys.contains("amo.contrat_amo"))
        #expect(keys.contains("entreprise-73282932000074.certificat_rge"))
        #expect(!keys.contains("dossier.diagnostic_technique"), "insulation is done")
    }

    @Test func anSCIWithAPartnerAndATenantInPlace() {
        var a = DossierFixtures.ownerOccupier
        a.applicant.kind = .sci
        a.coApplicants = [CoApplicant(relation: .sciPartner, civilStatus: DossierFixtures.claire, sharePercent: 30)]
        a.tenant = TenantSection(inPlace: true, civilStatus: DossierFixtures.claire)
        a.works.insulation = false
        let list = RequiredDocuments.list(a)
        let keys = list.map(\.key)
        #expect(keys.contains("sci.kbis_sci") && keys.contains("sci.statuts_sci"))
        #expect(keys.contains("demandeur.justificatif_domicile"))
        #expect(
            keys.filter { $0.hasPrefix("codemandeur-1.") } == [
                "codemandeur-1.identite", "codemandeur-1.avis_imposition",
            ])
        #expect(keys.contains("locataire.bail"))
        #expect(keys.contains("dossier.diagnostic_technique"))
        #expect(list.first { $0.key == "codemandeur-1.identite" }?.holderLabel == "Codemandeur 1 (Claire Martin)")
        #expect(list.filter(\.isShared).allSatisfy { $0.key.hasPrefix("entreprise-") })
    }

    @Test func datedDocumentsAreValidWithinTheirAge() {
        let filing = Day(year: 2024, month: 9, day: 30) ?? Day(ordinal: 0)
        let kbis = DocumentKind.companyKbis
        #expect(
            RequiredDocuments.validity(of: kbis, dated: Day(year: 2024, month: 6, day: 30), filingOn: filing) == nil)
        #expect(
            RequiredDocuments.validity(of: kbis, dated: Day(year: 2024, month: 6, day: 29), filingOn: filing)
                == "Kbis de l'entreprise du 29/06/2024 : plus de 3 mois au dépôt du 30/09/2024, il n'est plus valable.")
        #expect(
            RequiredDocuments.validity(of: .quote, dated: Day(year: 2024, month: 4, day: 1), filingOn: filing) == nil)
        #expect(
            RequiredDocuments.validity(of: .dpe, dated: Day(year: 2019, month: 9, day: 29), filingOn: filing)?.contains(
                "5 ans") == true)
        #expect(
            RequiredDocuments.validity(of: kbis, dated: nil, filingOn: filing)
                == "Kbis de l'entreprise : indiquez la date du document.")
        #expect(RequiredDocuments.validity(of: .rib, dated: nil, filingOn: filing) == nil, "not a dated document")
    }
}
