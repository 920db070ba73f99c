import Foundation
import GuichetDomain

/// The one source of "now" (injected, so tests can stand at any instant). Civil dates are read
/// in Europe/Paris whatever the server's time zone.
public struct AppClock: Sendable {
    public let now: @Sendable () -> Date
    public init(now: @escaping @Sendable () -> Date) { self.now = now }
    public static let system = AppClock(now: { Date() })
    public static func fixed(_ date: Date) -> AppClock { AppClock(now: { date }) }

    /// Europe/Paris.
    public static let paris = ParisTime.zone

    /// The instant 00:00 in Paris on `day`.
    public static func startOfParisDay(_ day: Day) -> Date {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = paris
        let noonUTC = Date(timeIntervalSince1970: Double(day.ordinal) * 86_400 + 43_200)
        return cal.startOfDay(for: noonUTC)
    }

    /// Today in Paris.
    public var today: Day { Day(instant: now(), in: Self.paris) }

    /// A formatter of instants as French civil times in Europe/Paris, whatever the server's zone
    /// (`dd/MM/yyyy HH:mm`, `HH:mm`…). Make one per page or export, not one per value.
    public static func parisFormatter(_ pattern: String) -> ParisTime.Formatter { ParisTime.formatter(pattern) }
}

extension Day {
    /// The civil date of an instant in a time zone.
    public init(instant: Date, in zone: TimeZone) {
        let local = instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))
        self = Day(ordinal: Int((local / 86_400).rounded(.down)))
    }
}
