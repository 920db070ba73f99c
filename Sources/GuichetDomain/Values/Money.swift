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

    /// `self × numerator / denominator`, rounded half-up to the cent (exact integer arithmetic).
    public func scaled(by numerator: Int64, over denominator: Int64) -> Money {
        Money(cents: Money.divideHalfUp(cents * numerator, denominator))
    }

    /// Integer division rounded half away from zero.
    public static func divideHalfUp(_ numerator: Int64, _ denominator: Int64) -> Int64 {
        precondition(denominator > 0)
        let q = numerator / denominator, r = numerator % denominator
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
