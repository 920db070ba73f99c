import GuichetDomain

/// A complete owner-occupier dossier (Bourg-en-Bresse), to vary in tests.
enum DossierFixtures {
    static let claire = CivilStatus(
        usageName: "Martin", firstName: "Claire", birthName: "Durand", familySituation: .married,
        birthDate: Day(year: 1980, month: 3, day: 12) ?? Day(ordinal: 0), birthCountry: "France", birthTown: "Lyon",
        birthPostalCode: "69001")

    static var ownerOccupier: DossierAnswers {
        var a = DossierAnswers(fromTest: Fixtures.ownerOccupier())
        a.applicant.contact = ContactDetails(email: "claire@exemple.fr", mobile: "06 12 34 56 78")
        a.applicant.occupation = Occupation(
            employment: .privateSector, companyName: "Boulangerie Martin", sector: "Commerce",
            companySiret: Siret("73282932000074"))
        a.works = WorksSection()
        a.works.insulation = true
        a.dwelling.address = "12 rue des Lilas"
        a.dwelling.postalCode = "01000"
        a.plan.loanWanted = false
        a.plan.amoFee = .euros(1_000)
        a.plan.companies = [
            DossierCompany(
                siret: Siret("73282932000074") ?? Siret("35600000000048")!, name: "Isol'Est", rge: true,
                mainWorkType: .atticInsulation, mainWorks: .euros(12_000), inducedWorks: .euros(500))
        ]
        return a
    }
}
