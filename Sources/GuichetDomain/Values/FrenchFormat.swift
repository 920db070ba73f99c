/// French number and date formatting, written out so that it does not depend on the host's
/// locale data: `1 234,56 €`, `30/09/2024`, `1,00 %`. Group separator and the space before
/// the unit are NO-BREAK SPACE (U+00A0), so a figure never breaks across lines.
public enum FrenchFormat {
    public static let space = "\u{00A0}"

    /// « 1 opération », « 0 erreur », « 1 234 opérations »: French plural (0 and 1 singular).
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(integer(n)) \(abs(n) > 1 ? (plural ?? singular + "s") : singular)"
    }

    /// `1 234 567` for an integer.
    public static func integer(_ value: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        appendInteger(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
    public static func integer(_ value: Int) -> String { integer(Int64(value)) }

    /// NO-BREAK SPACE in UTF-8.
    static let nbsp: (UInt8, UInt8) = (0xC2, 0xA0)

    /// Digits grouped by three with NO-BREAK SPACE, written as bytes (hot path of the messages).
    static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(0x2D) }
        var m = value.magnitude
        var n = 1
        var probe = m
        while probe >= 10 {
            probe /= 10
            n += 1
        }
        let total = n + (n - 1) / 3 * 2
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: total))
        bytes.withUnsafeMutableBufferPointer { buf in
            var i = start + total - 1
            var k = 0
            repeat {
                if k > 0 && k % 3 == 0 {
                    buf[i] = nbsp.1
                    buf[i - 1] = nbsp.0
                    i -= 2
                }
                buf[i] = UInt8(truncatingIfNeeded: m % 10) &+ 0x30
                m /= 10
                i -= 1
                k += 1
            } while m > 0
        }
    }

    /// `1 234,56 €`; with `dropZeroCents`, `25 000 €` when there are no cents.
    public static func money(_ m: Money, dropZeroCents: Bool = false) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        let euros = m.cents / 100
        let cents = (m.cents % 100).magnitude
        if m.cents < 0 && euros == 0 { bytes.append(0x2D) }
        appendInteger(euros, to: &bytes)
        if !(dropZeroCents && cents == 0) {
            bytes.append(0x2C)
            bytes.append(UInt8(cents / 10) + 0x30)
            bytes.append(UInt8(cents % 10) + 0x30)
        }
        bytes.append(nbsp.0)
        bytes.append(nbsp.1)
        bytes.append(contentsOf: [0xE2, 0x82, 0xAC])  // €
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An amount as typed in a form field: `15 000 000`, `1 200 000,50` (ordinary spaces, no
    /// currency sign), read back by `Money(french:)`.
    public static func amountInput(_ m: Money) -> String {
        let groups = money(m, dropZeroCents: true).dropLast(2).replacingOccurrences(of: "\u{00A0}", with: " ")
        return groups.trimmingCharacters(in: .whitespaces)
    }

    /// A rate as typed in a percent field: `30`, `27,5`.
    public static func percentInput(_ r: Rate) -> String {
        let whole = r.tenThousandths / 100
        let frac = r.tenThousandths % 100
        if frac == 0 { return String(whole) }
        return frac % 10 == 0 ? "\(whole),\(frac / 10)" : "\(whole),\(frac < 10 ? "0" : "")\(frac)"
    }

    /// `30/09/2024`.
    public static func day(_ d: Day) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(d.day))/\(two(d.month))/\(d.year)"
    }

    /// `1,00 %` from a rate; `decimals` digits after the comma.
    public static func percent(_ r: Rate, decimals: Int = 2) -> String {
        // tenThousandths → percent with 2 decimals exactly.
        let hundredthsOfPercent = r.tenThousandths
        let whole = hundredthsOfPercent / 100
        let frac = hundredthsOfPercent % 100
        let fracText = frac < 10 ? "0\(frac)" : "\(frac)"
        return decimals == 0 ? "\(whole)\(space)%" : "\(whole),\(fracText)\(space)%"
    }

    /// A ratio given as permille-precision double, `35,2 %`.
    public static func percent(ratio: Double, decimals: Int = 1) -> String {
        let scale = decimals == 0 ? 1.0 : (decimals == 1 ? 10.0 : 100.0)
        let scaled = (ratio * 100 * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(scaled / scale)
        let frac = Int64(abs(scaled.truncatingRemainder(dividingBy: scale)))
        if decimals == 0 { return "\(whole)\(space)%" }
        let fracText = String(frac)
        return "\(whole),\(String(repeating: "0", count: decimals - fracText.count))\(fracText)\(space)%"
    }

    static let monthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre",
    ]
    /// `5 juillet 2024`.
    public static func longDay(_ d: Day) -> String {
        "\(d.day == 1 ? "1er" : String(d.day)) \(monthNames[d.month - 1]) \(d.year)"
    }
}
