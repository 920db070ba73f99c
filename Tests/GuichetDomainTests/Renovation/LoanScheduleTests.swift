import Testing

@testable import GuichetDomain

@Suite struct LoanScheduleTests {
    // RENO-F8: 10 000 € at 1 %, 120 months of which 12 deferred.
    @Test func deferralThenConstantInstalments() {
        let s = LoanSchedule(amount: .euros(10_000), months: 120, deferralMonths: 12, annualRate: .percent(1))
        #expect(s.lines.count == 120)
        #expect(
            s.lines[0]
                == .init(
                    month: 1, instalment: Money(cents: 833), interest: Money(cents: 833), principal: .zero,
                    remaining: .euros(10_000)))
        #expect(s.lines[11].principal == .zero)
        #expect(s.monthlyInstalment == Money(cents: 9_686))
        #expect(s.lines[12].instalment == Money(cents: 9_686))
        #expect(s.lines[12].interest == Money(cents: 833))
        #expect(s.lines[12].principal == Money(cents: 8_853))
        #expect(s.lines.last!.remaining == .zero)
        #expect(s.lines.map(\.principal).sum() == .euros(10_000))
        #expect(s.totalInterest == s.lines.map(\.interest).sum())
        #expect(s.totalRepaid == s.lines.map(\.instalment).sum())
    }

    @Test func noDeferralTwentyYearsAtThreePercent() {
        let s = LoanSchedule(amount: .euros(30_000), months: 240, deferralMonths: 0, annualRate: .percent(3))
        #expect(s.monthlyInstalment == Money(cents: 16_638))
        #expect(s.lines.map(\.principal).sum() == .euros(30_000))
        // Only the last instalment may differ from the constant one, and by a few cents at most.
        #expect(s.lines.dropLast().allSatisfy { $0.instalment == s.monthlyInstalment })
        #expect(abs(s.lines.last!.instalment.cents - s.monthlyInstalment.cents) < 240)
    }

    @Test func oneMonthLoan() {
        let s = LoanSchedule(amount: Money(cents: 100_001), months: 1, deferralMonths: 0, annualRate: .percent(1))
        #expect(s.lines.count == 1)
        #expect(s.lines[0].principal == Money(cents: 100_001))
        #expect(s.lines[0].interest == Money(cents: 83))  // 1000.01 × 1 % / 12 = 0.8333…
    }

    @Test func monthlyInterestIsExactHalfUp() {
        // 6 cents × 1 % / 12 = 0.005 cent → 0; 60 cents → 0.05 → 0; 600 000 cents → 500 cents exactly.
        #expect(LoanSchedule.monthlyInterest(Money(cents: 600_000), rate: .percent(1)) == Money(cents: 500))
        // 1 800 cents × 1 % / 12 = 1.5 cent → 2 (half-up)
        #expect(LoanSchedule.monthlyInterest(Money(cents: 1_800), rate: .percent(1)) == Money(cents: 2))
    }
}
