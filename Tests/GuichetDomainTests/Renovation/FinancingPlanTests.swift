import Testing

@testable import GuichetDomain

@Suite struct FinancingPlanTests {
    static let day = Fixtures.day("2020-06-15")
    static var params: ResolvedParameters { Fixtures.parameters.resolve(at: day, reference: Fixtures.reference) }

    static func company(
        _ siret: String = "73282932000074", main: Int64, induced: Int64 = 0, rge: Bool = true
    ) -> WorksCompany {
        WorksCompany(
            siret: siret, name: "Entreprise \(siret.suffix(3))", rge: rge, mainWorks: .euros(main),
            inducedWorks: .euros(induced))
    }

    static func plan(_ input: FinancingPlanInput, kind: ApplicantKind = .ownerOccupier) -> (FinancingPlan, [Warning]) {
        var w: [Warning] = []
        let p = FinancingPlanner.compute(input, kind: kind, on: day, parameters: params, warnings: &w)
        return (p, w)
    }

    @Test func contractExample() {
        var i = FinancingPlanInput()
        i.amoFee = .euros(1_200)
        i.companies = [Self.company(main: 15_000, induced: 1_000)]
        i.loan = LoanRequest(amount: .euros(10_000), months: 120, deferralMonths: 12)
        let (p, w) = Self.plan(i)
        #expect(p.ceiling == .euros(20_000))
        #expect(p.annexEnvelope == .euros(3_000))
        #expect(p.amoCase == 1)
        #expect(p.amoGranted == .euros(1_000))
        #expect(p.worksGranted == .euros(16_000))
        #expect(p.companies[0].depositCap == .euros(4_800))
        #expect(p.subsidy == .euros(17_000))
        #expect(p.totalCost == .euros(17_200))
        #expect(p.remainingCost == .euros(200))
        #expect(!p.loanOffered)
        #expect(p.loan == nil, "10 000 € exceeds the 200 € remaining cost (RENO-F7)")
        #expect(w.contains { $0.text.hasPrefix("RENO-F7 (échec)") })
    }

    // RENO-F2: the four AMO cases.
    @Test(arguments: [
        (ApplicantKind.ownerOccupier, false, 1, Int64(1_000)), (.ownerOccupier, true, 2, 575),
        (.landlord, false, 3, 1_225), (.sci, true, 4, 900),
    ])
    func amoCases(kind: ApplicantKind, withAid: Bool, expectedCase: Int, cap: Int64) {
        var i = FinancingPlanInput()
        i.amoFee = .euros(2_000)
        i.companies = [Self.company(main: 30_000)]
        if withAid { i.externalAid = [ExternalAid(funder: .anah, amount: .euros(1_000))] }
        let (p, _) = Self.plan(i, kind: kind)
        #expect(p.amoCase == expectedCase)
        #expect(p.amoGranted == .euros(cap))
        #expect(p.ceiling == (kind == .ownerOccupier ? .euros(20_000) : .euros(15_000)))
    }

    @Test func amoExternalFundingComesFirst() {
        var i = FinancingPlanInput()
        i.amoFee = .euros(900)
        i.amoExternalFunding = .euros(573)
        i.companies = [Self.company(main: 5_000)]
        #expect(Self.plan(i).0.amoGranted == .euros(327))
        i.amoExternalFunding = .euros(1_000)
        #expect(Self.plan(i).0.amoGranted == .zero, "never below zero")
    }

    // RENO-F3: capped works shared by largest remainder, adding up exactly.
    @Test func cappedWorksShareByLargestRemainder() {
        var i = FinancingPlanInput()
        i.amoFee = .euros(1_000)
        i.companies = [
            Self.company("73282932000074", main: 10_000), Self.company("73282932000074", main: 10_000),
            Self.company("73282932000074", main: 10_000),
        ]
        let (p, _) = Self.plan(i)
        #expect(p.worksGranted == .euros(19_000))
        #expect(p.companies.map(\.granted).sum() == .euros(19_000))
        // 1 900 000 / 3 = 633 333,33…: the extra cent goes to the first company.
        #expect(p.companies.map(\.granted.cents) == [633_334, 633_333, 633_333])
    }

    @Test func nonRGECompanyMainWorksAreNotFinanced() {
        var i = FinancingPlanInput()
        i.companies = [Self.company(main: 8_000, induced: 500, rge: false)]
        let (p, w) = Self.plan(i)
        #expect(p.worksGranted == .euros(500))
        #expect(w.contains { $0.text.hasPrefix("RENO-E11") })
    }

    // RENO-F4: other fees within the annex envelope; DPE financed only when < 3 months old.
    @Test func otherFeesAndDPEAge() {
        var i = FinancingPlanInput()
        i.amoFee = .euros(1_000)
        i.companies = [Self.company(main: 10_000)]
        i.moeFee = .euros(1_500)
        i.doInsurance = .euros(400)
        i.dpeAuditFee = .euros(300)
        i.dpeAuditDate = Fixtures.day("2020-04-01")
        var (p, w) = Self.plan(i)
        #expect(p.otherFeesGranted == .euros(2_000), "1 500 + 400 + 300 = 2 200, capped by the envelope 3 000 − 1 000")
        #expect(w.isEmpty)
        i.dpeAuditDate = Fixtures.day("2019-06-15")
        (p, w) = Self.plan(i)
        #expect(p.otherFeesGranted == .euros(1_900))
        #expect(w.contains { $0.text.contains("accepté comme justificatif") })
        i.dpeAuditDate = Fixtures.day("2015-06-14")
        (_, w) = Self.plan(i)
        #expect(w.contains { $0.text.contains("plus de 5 ans") })
    }

    // RENO-F5: subsidy + external aid never exceed the total cost.
    @Test func noOverFinancing() {
        var i = FinancingPlanInput()
        i.amoFee = .euros(1_000)
        i.companies = [Self.company(main: 10_000)]
        i.moeFee = .euros(500)
        i.externalAid = [ExternalAid(funder: .collectivity, amount: .euros(9_000))]
        let (p, _) = Self.plan(i)
        #expect(p.subsidy + p.externalAid <= p.totalCost)
        #expect(p.subsidy + p.externalAid == p.totalCost)
        #expect(p.amoCase == 2)
        #expect(p.amoGranted == .euros(575))
        #expect(p.otherFeesGranted == .zero, "other fees are reduced first")
        #expect(
            p.worksGranted == .euros(1_925),
            "575 + 10 000 + 500 + 9 000 − 11 500 = 8 575 too much: 500 from fees, 8 075 from works")
        #expect(p.companies.map(\.granted).sum() == p.worksGranted)
        #expect(p.remainingCost == .zero)
    }

    // RENO-F6/F7/F8/F9.
    @Test func loanOfferedAboveThresholdWithSchedule() {
        var i = FinancingPlanInput()
        i.amoFee = .euros(1_000)
        i.companies = [Self.company(main: 25_000)]
        i.loanOnlyWorks = .euros(5_000)
        i.monthlyIncome = .euros(2_000)
        i.monthlyCharges = .euros(500)
        i.loan = LoanRequest(amount: .euros(11_000), months: 120, deferralMonths: 6)
        let (p, w) = Self.plan(i)
        #expect(p.remainingCost == .euros(11_000))
        #expect(p.loanOffered)
        #expect(p.loan?.annualRate == .percent(1))
        #expect(p.loan?.lines.map(\.principal).sum() == .euros(11_000))
        #expect(p.debtRatio != nil)
        #expect(p.loan?.monthlyInstalment == Money(cents: 10_119))
        #expect(!w.contains { $0.text.hasPrefix("RENO-F9") }, "(101,19 + 500) / 2 000 ≈ 30,1 %: not flagged")
        i.monthlyCharges = .euros(600)  // (101,19 + 600) / 2 000 ≈ 35,06 % > 35 %
        #expect(Self.plan(i).1.contains { $0.text.hasPrefix("RENO-F9") })
    }

    @Test(arguments: [(Int64(31_000), 120, 0), (10_000, 241, 0), (10_000, 120, 37), (10_000, 12, 12), (10_000, 0, 0)])
    func loanTermsOutsideTheRulesAreRefused(amount: Int64, months: Int, deferral: Int) {
        var i = FinancingPlanInput()
        i.companies = [Self.company(main: 20_000)]
        i.loanOnlyWorks = .euros(40_000)
        i.loan = LoanRequest(amount: .euros(amount), months: months, deferralMonths: deferral)
        let (p, w) = Self.plan(i)
        #expect(p.loan == nil)
        #expect(w.contains { $0.text.hasPrefix("RENO-F7 (échec)") })
    }

    @Test func loanNeedsASubsidy() {
        var i = FinancingPlanInput()
        i.loanOnlyWorks = .euros(10_000)
        i.loan = LoanRequest(amount: .euros(5_000), months: 60, deferralMonths: 0)
        let (p, w) = Self.plan(i)
        #expect(p.loan == nil)
        #expect(w.contains { $0.text.contains("indissociable") })
    }
}
