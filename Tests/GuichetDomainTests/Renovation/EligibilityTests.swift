import Testing

@testable import GuichetDomain

@Suite struct EligibilityTests {
    @Test func contractExampleIsEligible() {
        let e = Fixtures.eligibility(Fixtures.ownerOccupier())
        #expect(e.eligible)
        #expect(e.criteria.map(\.rule) == [.e1, .e2, .e3, .e4, .e5, .e6, .e7, .e8])
        #expect(e.zone == .b2)
        #expect(e.actionCoeurDeVille == true)
        #expect(e.incomeCategory == .tresModeste, "25 000 € ≤ 26 170 €, the 2020 « très modeste » ceiling for 3")
        #expect(e.incomeCeiling == .euros(33_547))
        let e5 = e.criteria[4].message
        #expect(
            e5
                == "Revenu fiscal de référence 25\u{00A0}000\u{00A0}€ ≤ plafond modeste 2020 hors Île-de-France pour 3 personnes : 33\u{00A0}547\u{00A0}€"
        )
    }

    // RENO-E5: income equal to the ceiling passes, one euro above fails, for several sizes.
    @Test(arguments: [(1, Int64(19_074)), (3, 33_547), (5, 44_860), (6, 50_511), (8, 61_813)])
    func incomeBoundaryOutsideIleDeFrance(size: Int, ceiling: Int64) {
        let at = Fixtures.eligibility(Fixtures.ownerOccupier(income: ceiling, size: size, insee: "01001"))
        #expect(Fixtures.status(at, .e5) == .pass)
        #expect(at.incomeCeiling == .euros(ceiling))
        let above = Fixtures.eligibility(Fixtures.ownerOccupier(income: ceiling + 1, size: size, insee: "01001"))
        #expect(Fixtures.status(above, .e5) == .fail)
        #expect(!above.eligible)
    }

    @Test(arguments: [(1, Int64(25_068)), (5, 59_026), (6, 66_448), (8, 81_292)])
    func incomeBoundaryInIleDeFrance(size: Int, ceiling: Int64) {
        let at = Fixtures.eligibility(Fixtures.ownerOccupier(income: ceiling, size: size, insee: "77001"))
        #expect(Fixtures.status(at, .e5) == .pass)
        #expect(at.criteria[4].message.contains("en Île-de-France"))
        let above = Fixtures.eligibility(Fixtures.ownerOccupier(income: ceiling + 1, size: size, insee: "77001"))
        #expect(Fixtures.status(above, .e5) == .fail)
    }

    @Test func veryModestCategory() {
        #expect(Fixtures.eligibility(Fixtures.ownerOccupier(income: 26_170, size: 3)).incomeCategory == .tresModeste)
        #expect(Fixtures.eligibility(Fixtures.ownerOccupier(income: 26_171, size: 3)).incomeCategory == .modeste)
    }

    // RENO-E6: B2 and C pass, B1 and A fail unless Action Cœur de Ville.
    @Test(arguments: [
        ("01001", CriterionStatus.pass, Zone.c), ("01021", .pass, .b2), ("01043", .fail, .b1),
        ("01053", .pass, .b1), ("33063", .fail, .a), ("77001", .pass, .b2),
    ])
    func place(insee: String, expected: CriterionStatus, zone: Zone) {
        let e = Fixtures.eligibility(Fixtures.ownerOccupier(insee: insee), on: "2025-10-01")
        #expect(Fixtures.status(e, .e6) == expected)
        #expect(e.zone == zone)
    }

    @Test func placeFromPostalCode() {
        var c = Fixtures.ownerOccupier()
        c.dwelling.insee = nil
        c.dwelling.postalCode = PostalCode("01000")
        let e = Fixtures.eligibility(c)
        #expect(Fixtures.status(e, .e6) == .missing, "01000 covers two communes: the user picks one")
        #expect(e.criteria[5].message.contains("Bourg-en-Bresse"))
        c.dwelling.postalCode = PostalCode("01400")  // one commune only? resolved when unique
        let single = Fixtures.reference.communes(postalCode: PostalCode("01400")!)
        let e2 = Fixtures.eligibility(c)
        #expect((single.count == 1) == (Fixtures.status(e2, .e6) != .missing))
        c.dwelling.postalCode = nil
        #expect(Fixtures.status(Fixtures.eligibility(c), .e6) == .missing)
    }

    /// Issue #11: an arrondissement of Paris, Lyon or Marseille is zoned as its commune and shown
    /// as the arrondissement (« Commune 75101 inconnue du zonage » before).
    @Test(arguments: [
        ("75001", "75101", "Paris 1er arrondissement", Zone.abis),
        ("75020", "75120", "Paris 20e arrondissement", .abis),
        ("69009", "69389", "Lyon 9e arrondissement", .a), ("13016", "13216", "Marseille 16e arrondissement", .a),
    ])
    func arrondissementIsZonedAsItsCommune(postal: String, insee: String, name: String, zone: Zone) {
        var c = Fixtures.ownerOccupier()
        c.dwelling.insee = nil
        c.dwelling.postalCode = PostalCode(postal)
        let e = Fixtures.eligibility(c)
        #expect(e.zone == zone)
        #expect(e.actionCoeurDeVille == false)
        let message = e.criteria[5].message
        #expect(message.hasPrefix("\(name) (\(insee)) : zone \(zone.rawValue)"), "\(message)")
        #expect(!message.contains("inconnue"))
        #expect(Arrondissement(InseeCode("75056")!) == nil, "the commune itself is no arrondissement")
        #expect(Arrondissement(InseeCode("75121")!) == nil && Arrondissement(InseeCode("69380")!) == nil)
    }

    // RENO-E1 each ownership kind.
    @Test(arguments: [(Ownership.full, CriterionStatus.pass), (.futureOwner, .fail), (.freeLodging, .fail)])
    func ownership(kind: Ownership, expected: CriterionStatus) {
        var c = Fixtures.ownerOccupier()
        c.applicant.ownership = kind
        #expect(Fixtures.status(Fixtures.eligibility(c), .e1) == expected)
    }

    @Test func usufructNeedsBareOwnerConsent() {
        var c = Fixtures.ownerOccupier()
        c.applicant.ownership = .usufruct
        #expect(Fixtures.status(Fixtures.eligibility(c), .e1) == .missing)
        c.applicant.bareOwnerConsent = false
        #expect(Fixtures.status(Fixtures.eligibility(c), .e1) == .fail)
        c.applicant.bareOwnerConsent = true
        #expect(Fixtures.status(Fixtures.eligibility(c), .e1) == .pass)
    }

    // RENO-E2: owner-occupier indivision of exactly two partnered persons.
    @Test(arguments: [(2, true, CriterionStatus.pass), (2, false, .fail), (3, true, .fail), (1, true, .fail)])
    func ownerOccupierIndivision(owners: Int, partnered: Bool, expected: CriterionStatus) {
        var c = Fixtures.ownerOccupier()
        c.applicant.ownership = .joint
        c.applicant.jointOwners = owners
        c.applicant.jointOwnersPartnered = partnered
        #expect(Fixtures.status(Fixtures.eligibility(c), .e2) == expected)
    }

    static func landlord(employment: Employment = .retired, income: Int64 = 80_000) -> RenovationCase {
        var c = Fixtures.ownerOccupier()
        c.applicant.kind = .landlord
        c.applicant.household = Household(employment: employment, householdSize: 2, referenceTaxIncome: .euros(income))
        return c
    }

    // RENO-E2/E4/E5: a landlord's right may be opened by the tenant.
    @Test func landlordRightOpenedByTenant() {
        var c = Self.landlord()
        #expect(Fixtures.status(Fixtures.eligibility(c), .e4) == .missing, "tenant unknown yet")
        c.tenant = Tenant(
            inPlace: true,
            household: Household(employment: .agriculturalSector, householdSize: 2, referenceTaxIncome: .euros(20_000)))
        let e = Fixtures.eligibility(c)
        #expect(e.eligible)
        #expect(e.rightOpener == .tenant)
        #expect(e.criteria[4].message.hasPrefix("Locataire : "))
        c.tenant = Tenant(
            inPlace: true,
            household: Household(employment: .civilServant, householdSize: 2, referenceTaxIncome: .euros(20_000)))
        #expect(Fixtures.status(Fixtures.eligibility(c), .e4) == .fail)
    }

    @Test func tenantNotYetInPlaceCountsAsZeroIncome() {
        var c = Self.landlord()
        c.tenant = Tenant(inPlace: false)
        let e = Fixtures.eligibility(c)
        #expect(e.eligible)
        #expect(e.incomeCategory == .tresModeste)
        #expect(e.criteria[4].message.contains("revenu pris à 0"))
    }

    @Test func jointLandlordsNeedOneOpener() {
        var c = Self.landlord(employment: .privateSector, income: 20_000)
        c.applicant.ownership = .joint
        c.applicant.jointOwners = 3
        #expect(Fixtures.status(Fixtures.eligibility(c), .e2) == .pass)
        c.applicant.household.employment = .selfEmployed
        c.tenant = Tenant(
            inPlace: true,
            household: Household(employment: .selfEmployed, householdSize: 1, referenceTaxIncome: .euros(10_000)))
        #expect(Fixtures.status(Fixtures.eligibility(c), .e2) == .fail)
    }

    // RENO-E2: for landlords in indivision, a co-owner declared with the dossier may open the
    // right when neither the applicant nor the tenant does.
    @Test func jointLandlordsRightOpenedByACoOwner() {
        var c = Self.landlord()  // retired, 80 000 €
        c.applicant.ownership = .joint
        c.applicant.jointOwners = 2
        c.tenant = Tenant(
            inPlace: true,
            household: Household(employment: .selfEmployed, householdSize: 1, referenceTaxIncome: .euros(10_000)))
        #expect(Fixtures.status(Fixtures.eligibility(c), .e2) == .fail)
        c.applicant.coOwners = [
            Household(employment: .privateSector, householdSize: 2, referenceTaxIncome: .euros(20_000))
        ]
        let e = Fixtures.eligibility(c)
        #expect(e.eligible)
        #expect(e.rightOpener == .coOwner)
        #expect(e.criteria[1].message.contains("un propriétaire en indivision"))
        #expect(e.criteria[3].message.hasPrefix("Propriétaire en indivision : "))
        // Over the ceiling, the co-owner does not open it; an owner-occupier's co-owner never does.
        c.applicant.coOwners = [
            Household(employment: .privateSector, householdSize: 2, referenceTaxIncome: .euros(90_000))
        ]
        #expect(Fixtures.status(Fixtures.eligibility(c), .e2) == .fail)
        c.applicant.coOwners = [
            Household(employment: .privateSector, householdSize: 2, referenceTaxIncome: .euros(20_000))
        ]
        c.applicant.kind = .ownerOccupier
        c.applicant.jointOwnersPartnered = true
        #expect(Fixtures.status(Fixtures.eligibility(c), .e5) == .fail)
    }

    // RENO-E3: SCI of natural persons, right opened by the majority partner or the tenant.
    @Test func sci() {
        var c = Fixtures.ownerOccupier()
        c.applicant.kind = .sci
        c.applicant.household = Household()
        c.sci = SCI(
            partnersAllNaturalPersons: true,
            majorityPartner: Household(employment: .privateSector, householdSize: 4, referenceTaxIncome: .euros(30_000))
        )
        let e = Fixtures.eligibility(c)
        #expect(e.eligible)
        #expect(e.rightOpener == .majorityPartner)
        c.sci?.partnersAllNaturalPersons = false
        #expect(Fixtures.status(Fixtures.eligibility(c), .e3) == .fail)
        c.sci = nil
        #expect(Fixtures.status(Fixtures.eligibility(c), .e3) == .missing)
    }

    // RENO-E7.
    @Test func principalResidence() {
        var c = Fixtures.ownerOccupier()
        c.dwelling.principalResidence = false
        #expect(Fixtures.status(Fixtures.eligibility(c), .e7) == .fail)
        c.dwelling.principalResidence = nil
        #expect(Fixtures.status(Fixtures.eligibility(c), .e7) == .missing)
    }

    // RENO-E8: insulation, or the diagnosis path with heating or renewables.
    @Test(arguments: [
        (Bool?.some(true), Bool?.none, Bool?.none, Bool?.none, CriterionStatus.pass),
        (false, false, true, true, .fail),
        (false, true, true, false, .pass),
        (false, true, false, true, .pass),
        (false, true, false, false, .fail),
        (false, true, nil, nil, .missing),
        (nil, nil, nil, nil, .missing),
    ])
    func works(insulation: Bool?, notNeeded: Bool?, heating: Bool?, renewable: Bool?, expected: CriterionStatus) {
        var c = Fixtures.ownerOccupier()
        c.works = Works(
            insulation: insulation, insulationNotNeededPerDiagnosis: notNeeded, heatingReplacement: heating,
            renewableHeatingOrHotWater: renewable)
        #expect(Fixtures.status(Fixtures.eligibility(c), .e8) == expected)
    }

    // RENO-E4.
    @Test(arguments: Employment.allCases)
    func employment(_ e: Employment) {
        var c = Fixtures.ownerOccupier()
        c.applicant.household.employment = e
        let expected: CriterionStatus =
            [.privateSector, .agriculturalSector, .assimilatedPublicCompany].contains(e) ? .pass : .fail
        #expect(Fixtures.status(Fixtures.eligibility(c), .e4) == expected)
    }

    @Test func emptyCaseIsAllMissingNeverFail() {
        let e = Fixtures.eligibility(RenovationCase())
        #expect(e.criteria.allSatisfy { $0.status == .missing })
        #expect(!e.eligible)
    }
}
