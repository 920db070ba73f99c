/// An amount of euros held as an integer number of cents (ARCHITECTURE principle 2:
/// no `Double` for money). All renovation amounts are TTC.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var cents: Int64

    @inlinable public init(cents: Int64) { self.cents = cents }
    @inlinable public static func euros(_ euros: Int64) -> Money { Money(cents: euros * 100) }
    public static let zero = Money(cents: 0)

    @inlinable public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
    @inlinable public static func + (a: Money, b: Money) -> Money { Money(cents: a.cents + b.cents) }
    @inlinable public static func - (a: Money, b: Money) -> Money { Money(cents: a.cents - b.cents) }
    @inlinable public static func += (a: inout Money, b: Money) { a.cents += b.cents }
    @inlinable public static func -= (a: inout Money, b: Money) { a.cents -= b.cents }

    /// Never below zero: used wherever a rule says "never below 0".
    @inlinable public var clampedAtZero: Money { cents < 0 ? .zero : self }

    /// `self × numerator / denominator` rounded down to the cent: a cap computed as a share never
    /// exceeds the share (issue #11: 30 % of 7 443,62 € is 2 233,08 €, not 2 233,09 €). Exact on
    /// 128 bits; a result beyond the range of `Int64` saturates instead of trapping.
    public func share(_ numerator: Int64, over denominator: Int64) -> Money {
        precondition(denominator > 0)
        let product = cents.multipliedFullWidth(by: numerator)
        let wide = (high: product.high, low: product.low)
        // The quotient fits in 64 bits when |numerator| ≤ denominator; beyond, saturate.
        guard numerator.magnitude <= denominator.magnitude else {
            let (q, overflow) = (cents / denominator).multipliedReportingOverflow(by: numerator)
            if overflow { return Money(cents: (cents < 0) != (numerator < 0) ? .min : .max) }
            return Money(cents: q)
        }
        let (q, r) = denominator.dividingFullWidth(wide)
        return Money(cents: r < 0 ? q - 1 : q)
    }

    /// Integer division rounded half away from zero.
    public static func divideHalfUp(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        precondition(denominator > 0)
        let q = numerator / denominator
        let r = numerator % denominator
        if r == 0 { return q }
        if 2 * abs(r) >= denominator { return numerator < 0 ? q - 1 : q + 1 }
        return q
    }

    /// French formatting: `1 234,56 €`, or `1 234 €` when `dropZeroCents` and the cents are zero.
    public func formatted(dropZeroCents: Bool = false) -> String {
        FrenchFormat.money(self, dropZeroCents: dropZeroCents)
    }

    public var description: String { formatted() }
}

extension Sequence where Element == Money {
    public func sum() -> Money { reduce(.zero, +) }
}

extension Money {
    /// Parses an amount typed the French way: `1 200 000,50`, `1200000.5`, `30 000 €`; at most
    /// two decimals; nil otherwise. The one parser of typed amounts (forms, questionnaire).
    public init?(french text: String) {
        var s = String(
            text.unicodeScalars.filter { !["€", " ", "\t", "\u{00A0}", "\u{202F}"].contains($0) }.map(Character.init))
        s = s.replacingOccurrences(of: ",", with: ".")
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 13, parts[0].allSatisfy(\.isASCII),
            parts[0].allSatisfy(\.isNumber),
            let whole = Int64(parts[0])
        else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let frac = parts[1]
            guard (1...2).contains(frac.count), frac.allSatisfy(\.isASCII), frac.allSatisfy(\.isNumber) else {
                return nil
            }
            cents = Int64(frac.count == 1 ? frac + "0" : frac)!
        }
        self.init(cents: whole * 100 + cents)
    }
}
