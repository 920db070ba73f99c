import Foundation
import GuichetDomain

/// The one source of "now" (injected, so tests can stand at any instant). Civil dates are read
/// in Europe/Paris whatever the server's time zone.
public struct AppClock: Sendable {
    public let now: @Sendable () -> Date
    public init(now: @escaping @Sendable () -> Date) { self.now = now }
    public static let system = AppClock(now: { Date() })
    public static func fixed(_ date: Date) -> AppClock { AppClock(now: { date }) }

    public static let paris = TimeZone(identifier: "Europe/Paris")!

    /// Today in Paris.
    public var today: Day { Day(instant: now(), in: Self.paris) }

    /// A formatter of instants as French civil times in Europe/Paris, whatever the server's zone
    /// (`dd/MM/yyyy HH:mm`, `HH:mm`…). Make one per page or export, not one per value.
    public static func parisFormatter(_ pattern: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "fr_FR"); f.timeZone = paris; f.dateFormat = pattern
        return f
    }
}

extension Day {
    /// The civil date of an instant in a time zone.
    public init(instant: Date, in zone: TimeZone) {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let c = cal.dateComponents([.year, .month, .day], from: instant)
        self = Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
