import PropertyBased
import Testing

@testable import GuichetDomain

/// Invariants of `RENO-F1`…`F8` over random plans (issue #4, property tests).
@Suite struct FinancingPropertyTests {
    static let companyGen = zip(Gen.int64(in: 0...4_000_000), Gen.int64(in: 0...500_000), Gen.bool(0.85))
        .map { main, induced, rge in
            WorksCompany(
                siret: "73282932000074", name: "E", rge: rge, mainWorks: Money(cents: main),
                inducedWorks: Money(cents: induced))
        }

    static let feesGen = zip(
        Gen.int64(in: 0...300_000),  // AMO fee
        Gen.int64(in: 0...150_000),  // AMO external funding
        Gen.int64(in: 0...400_000))  // MOE + DO + DPE
    static let planGen = zip(
        companyGen.array(of: 0...5),
        feesGen,
        Gen.int64(in: 0...3_000_000),  // external aid
        Gen.int64(in: 0...2_000_000),  // loan-only works
        Gen.element(of: ApplicantKind.allCases)
    ).map { companies, fees3, aid, loanOnly, kind -> (FinancingPlanInput, ApplicantKind) in
        let (amo, amoExt, fees) = fees3
        var i = FinancingPlanInput()
        i.companies = companies
        i.amoFee = Money(cents: amo)
        i.amoExternalFunding = Money(cents: amoExt)
        i.moeFee = Money(cents: fees / 2)
        i.doInsurance = Money(cents: fees - fees / 2)
        i.externalAid = aid > 0 ? [ExternalAid(funder: .anah, amount: Money(cents: aid))] : []
        i.loanOnlyWorks = Money(cents: loanOnly)
        return (i, kind!)
    }

    @Test func planInvariants() async {
        let day = Fixtures.day("2024-06-01")
        let params = Fixtures.parameters.resolve(at: day, reference: Fixtures.reference)
        await propertyCheck(count: 400, input: Self.planGen) { pair in
            let (input, kind) = pair
            var w: [Warning] = []
            let p = FinancingPlanner.compute(input, kind: kind, on: day, parameters: params, warnings: &w)
            #expect(p.subsidy <= p.ceiling, "subsidy ≤ ceiling")
            #expect(p.amoGranted + p.otherFeesGranted <= p.annexEnvelope, "AMO + other fees ≤ annex envelope")
            #expect(p.companies.map(\.granted).sum() == p.worksGranted, "shares add up to works granted")
            #expect(p.subsidy + p.externalAid <= p.totalCost || p.subsidy == .zero, "no over-financing")
            for amount in [p.amoGranted, p.worksGranted, p.otherFeesGranted, p.subsidy, p.remainingCost]
                + p.companies.flatMap({ [$0.granted, $0.depositCap] })
            {
                #expect(amount.cents >= 0, "no negative amount")
            }
            for c in p.companies { #expect(c.granted <= c.financeableWorks) }
            // P-ACOMPTE: the deposit cap never exceeds its percentage, to the cent (issue #11).
            for c in p.companies {
                #expect(c.depositCap.cents * 100 <= c.granted.cents * Int64(params.depositPercent), "deposit ≤ 30 %")
                #expect((c.depositCap.cents + 1) * 100 > c.granted.cents * Int64(params.depositPercent))
            }
            #expect(p.annexEnvelope.cents * 100 <= p.ceiling.cents * Int64(params.annexEnvelopePercent))
        }
    }

    @Test func scheduleRepaysTheLoanExactly() async {
        await propertyCheck(
            count: 300, input: Gen.int64(in: 1...3_000_000), Gen.int(in: 1...240), Gen.int(in: 0...36),
            Gen.int64(in: 0...600)
        ) { cents, months, deferral, rate in
            let d = min(deferral, months - 1)
            let s = LoanSchedule(
                amount: Money(cents: cents), months: months, deferralMonths: d, annualRate: Rate(tenThousandths: rate))
            #expect(s.lines.count == months)
            #expect(s.lines.map(\.principal).sum() == Money(cents: cents))
            #expect(s.lines.last?.remaining == .zero)
            #expect(
                s.lines.allSatisfy { $0.principal.cents >= 0 && $0.interest.cents >= 0 && $0.instalment.cents >= 0 })
            #expect(s.lines.prefix(d).allSatisfy { $0.principal == .zero })
        }
    }

    @Test func largestRemainderAddsUp() async {
        await propertyCheck(
            count: 500, input: Gen.int64(in: 0...10_000_000), Gen.int64(in: 0...5_000_000).array(of: 1...8)
        ) { total, weights in
            let w = weights.map { Money(cents: $0) }
            let shares = Allocation.largestRemainder(total: Money(cents: total), weights: w)
            let sum = w.sum()
            if sum.cents == 0 {
                #expect(shares.allSatisfy { $0 == .zero })
            } else {
                #expect(shares.sum() == min(Money(cents: total), sum))
            }
            #expect(zip(shares, w).allSatisfy { $0.0 <= $0.1 && $0.0.cents >= 0 })
        }
    }
}
