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
