/// `RENO-F8`: monthly schedule of the renovation loan. During the deferral the borrower pays the
/// interest only; then constant instalments I = P·r / (1 − (1+r)^−n) over the remaining n months.
/// Each instalment and each interest amount is rounded half-up to the cent; the last instalment
/// absorbs the difference so that the principal repaid equals the loan exactly.
public struct LoanSchedule: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public let month: Int
        public let instalment: Money
        public let interest: Money
        public let principal: Money
        public let remaining: Money
    }
    public let amount: Money
    public let months: Int
    public let deferralMonths: Int
    public let annualRate: Rate
    /// The constant instalment after the deferral.
    public let monthlyInstalment: Money
    public let lines: [Line]
    public var totalInterest: Money { lines.reduce(.zero) { $0 + $1.interest } }
    /// Coût total du crédit: interest (the loan carries no fees; optional insurance is not included).
    public var totalCostOfCredit: Money { totalInterest }
    /// Everything the borrower pays back.
    public var totalRepaid: Money { amount + totalInterest }

    /// Interest of one month on `remaining`, exact: remaining × rate / 12, half-up.
    static func monthlyInterest(_ remaining: Money, rate: Rate) -> Money {
        Money(cents: Money.divideHalfUp(remaining.cents * rate.tenThousandths, 120_000))
    }

    /// The constant instalment for `principal` over `n` months, half-up to the cent.
    public static func instalment(principal: Money, months n: Int, rate: Rate) -> Money {
        guard n > 0 else { return principal }
        if rate.tenThousandths == 0 { return Money(cents: Money.divideHalfUp(principal.cents, Int64(n))) }
        let r = Double(rate.tenThousandths) / 120_000
        let raw = Double(principal.cents) * r / (1 - pow1p(r, -n))
        return Money(cents: Int64(raw.rounded(.toNearestOrAwayFromZero)))
    }

    /// (1+r)^e by repeated squaring, so that the domain needs no libm import.
    static func pow1p(_ r: Double, _ e: Int) -> Double {
        var base = 1 + r
        var exp = abs(e)
        var result = 1.0
        while exp > 0 {
            if exp & 1 == 1 { result *= base }
            base *= base
            exp >>= 1
        }
        return e < 0 ? 1 / result : result
    }

    /// Preconditions (checked by `RENO-F7` before): amount > 0, 1 ≤ months, 0 ≤ deferral < months.
    public init(amount: Money, months: Int, deferralMonths: Int, annualRate: Rate) {
        precondition(amount.cents > 0 && months >= 1 && deferralMonths >= 0 && deferralMonths < months)
        self.amount = amount
        self.months = months
        self.deferralMonths = deferralMonths
        self.annualRate = annualRate
        let amortizing = months - deferralMonths
        let instalment = Self.instalment(principal: amount, months: amortizing, rate: annualRate)
        monthlyInstalment = instalment
        var lines: [Line] = []
        lines.reserveCapacity(months)
        var remaining = amount
        for month in 1...months {
            let interest = Self.monthlyInterest(remaining, rate: annualRate)
            if month <= deferralMonths {
                lines.append(
                    Line(month: month, instalment: interest, interest: interest, principal: .zero, remaining: remaining)
                )
                continue
            }
            var principal = instalment - interest
            if month == months || principal > remaining { principal = remaining }
            if principal.cents < 0 { principal = .zero }
            remaining -= principal
            lines.append(
                Line(
                    month: month, instalment: principal + interest, interest: interest,
                    principal: principal, remaining: remaining))
        }
        self.lines = lines
    }
}
