/// An annual rate held exactly in ten-thousandths ("0.0100" = 1 % = 100). Every Livret A rate
/// since 2008 has at most two decimals in percent, so this scale is exact.
public struct Rate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let tenThousandths: Int64
    public init(tenThousandths: Int64) { self.tenThousandths = tenThousandths }
    public static func percent(_ p: Int64, hundredths: Int64 = 0) -> Rate { Rate(tenThousandths: p * 100 + hundredths) }

    /// Parses a decimal string such as `0.0075`, `0,75 %` is not accepted: `0.0075` or `0.75` with
    /// `percent: true`.
    public init?(decimal text: String, percent: Bool = false) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0 else { return nil }
        var frac = parts.count == 2 ? String(parts[1]) : ""
        guard frac.allSatisfy(\.isASCII), frac.allSatisfy(\.isNumber) else { return nil }
        let scale = percent ? 2 : 4
        while frac.count > scale, frac.hasSuffix("0") { frac.removeLast() }
        guard frac.count <= scale else { return nil }
        frac += String(repeating: "0", count: scale - frac.count)
        let f = Int64(frac) ?? 0
        tenThousandths = whole * (percent ? 100 : 10_000) + f
    }

    /// A percentage as typed in a form: `1,5`, `27,5 %`, `30`.
    public init?(frenchPercent text: String) {
        let s = text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: "")
            .trimmingCharacters(in: .whitespaces)
        self.init(decimal: s, percent: true)
    }

    public static func < (a: Rate, b: Rate) -> Bool { a.tenThousandths < b.tenThousandths }
    public var asDouble: Double { Double(tenThousandths) / 10_000 }

    /// The contract's representation: `"0.0100"`.
    public var decimalString: String {
        let s = String(tenThousandths % 10_000)
        return "\(tenThousandths / 10_000).\(String(repeating: "0", count: 4 - s.count))\(s)"
    }
    /// French percentage: `1,00 %`, `0,75 %`.
    public var frenchPercent: String { FrenchFormat.percent(self) }
    public var description: String { decimalString }
}
