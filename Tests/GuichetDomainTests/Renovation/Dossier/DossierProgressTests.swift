import GuichetDomain
import Testing

/// The task list: what applies and what each step still lacks.
@Suite struct DossierProgressTests {
    @Test func aCompleteOwnerOccupierNeedsNoCoApplicantNorTenant() {
        let p = DossierProgress.evaluate(DossierFixtures.ownerOccupier, mandate: .accepted, missingDocuments: [])
        #expect(p[.coApplicants]?.status == .notApplicable)
        #expect(p[.tenant]?.status == .notApplicable)
        #expect(p.items.filter { $0.status == .toDo }.map(\.step) == [.review])
        #expect(p.readyToFile)
    }

    @Test func eachStepNamesWhatItLacks() {
        var a = DossierAnswers(fromTest: Fixtures.ownerOccupier())
        a.applicant.jointOwners = 2
        let p = DossierProgress.evaluate(a, mandate: .requested, missingDocuments: ["Demandeur : RIB"])
        #expect(p[.amo]?.missing == ["Acceptation du mandat par l'AMO"])
        #expect(p[.applicant]?.missing == ["Coordonnées", "Entreprise employeur (nom et SIRET)"])
        #expect(p[.coApplicants]?.missing.first == "1 propriétaire(s) à déclarer")
        #expect(p[.dwelling]?.missing == ["Adresse du logement"])
        #expect(
            p[.plan]?.missing == [
                "Souhait d'un prêt complémentaire", "Entreprises réalisant les travaux", "Frais d'AMO",
            ])
        #expect(p[.documents]?.missing == ["Demandeur : RIB"])
        #expect(!p.readyToFile)
    }

    @Test func aLandlordsTenantNotYetInPlaceNeedsTheCommitment() {
        var a = DossierFixtures.ownerOccupier
        a.applicant.kind = .landlord
        a.tenant = TenantSection(inPlace: false)
        #expect(
            DossierProgress.evaluate(a, mandate: .accepted, missingDocuments: [])[.tenant]?.missing == [
                "Engagement à louer à un locataire éligible"
            ])
        a.tenant?.landlordCommitment = true
        #expect(DossierProgress.evaluate(a, mandate: .accepted, missingDocuments: [])[.tenant]?.status == .complete)
    }
}
