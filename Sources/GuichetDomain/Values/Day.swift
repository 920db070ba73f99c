/// A calendar date with no time and no zone: the dates of the regulation ("reference date",
/// "31 décembre de l'année n-1") are civil dates in Europe/Paris. Converting an instant to a
/// `Day` happens at the edge (`Day(instant:)` in `Day+Instant.swift`), with the Paris zone.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails for an impossible date (30 February…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(valid: year, month, day)
    }

    /// A date computed from a valid one (never from outside input): no check.
    private init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The dates the platform computes with: 01/01/1900 – 31/12/2199. A date typed, sent or read
    /// from a file outside this range is refused with a French message (`supportedRangeMessage`):
    /// the regulation's parameters start in 2014 and a loan runs at most 240 months, so the range
    /// leaves room on both sides while keeping every derived date (n − 1, + 240 months) valid.
    public static let supportedRange = Day(valid: 1900, 1, 1)...Day(valid: 2199, 12, 31)
    public static let supportedRangeMessage = "date hors de la plage prise en charge (du 01/01/1900 au 31/12/2199)"
    public var isSupported: Bool { Day.supportedRange.contains(self) }

    /// Parses `YYYY-MM-DD` strictly (the contract's date format).
    public init?(iso text: Substring) {
        // Ten bytes read in place (no array is made: this runs for every date of every request).
        var u: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        for b in text.utf8 {
            guard n < 10 else { return nil }
            withUnsafeMutableBytes(of: &u) { $0[n] = b }
            n += 1
        }
        guard n == 10 else { return nil }
        let parsed: (Int, Int, Int)? = withUnsafeBytes(of: u) { b in
            guard b[4] == 45, b[7] == 45 else { return nil }
            func digits(_ r: Range<Int>) -> Int? {
                var v = 0
                for i in r {
                    guard (48...57).contains(b[i]) else { return nil }
                    v = v * 10 + Int(b[i] - 48)
                }
                return v
            }
            guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
            return (y, m, d)
        }
        guard let (y, m, d) = parsed else { return nil }
        self.init(year: y, month: m, day: d)
    }
    public init?(iso text: String) { self.init(iso: Substring(text)) }

    /// Parses `JJ/MM/AAAA` (the French way, four-digit year): the parser of typed dates, so a
    /// date outside `supportedRange` is refused too.
    public init?(french text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        guard let parsed = Day(year: y, month: m, day: d), parsed.isSupported else { return nil }
        self = parsed
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences and ordering.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(valid: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Same day `months` later (or earlier), clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total.quotientFloored(by: 12)
        let m = total - y * 12 + 1
        return Day(valid: y, m, min(day, Day.daysIn(month: m, year: y)))
    }

    /// 31 December of the year before: the Livret A observation date of `RENO-F8` / `P-L-RATE`.
    public var lastDayOfPreviousYear: Day { Day(valid: year - 1, 12, 31) }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    /// `JJ/MM/AAAA`, the French way.
    public var french: String { FrenchFormat.day(self) }
    public var description: String { iso }
}

extension Int {
    /// Division rounded towards minus infinity (months before year 0 stay in the right year).
    fileprivate func quotientFloored(by d: Int) -> Int {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
