import Foundation

/// Instants as French pages, e-mails and exports show them, in Europe/Paris whatever the
/// server's zone (`30/09/2024 23:59`).
public enum ParisTime {
    /// Europe/Paris (shipped with every tzdata; UTC+1 only if it were ever missing).
    public static let zone = TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600) ?? .current

    public static func format(_ date: Date, _ pattern: String = "dd/MM/yyyy HH:mm") -> String {
        formatter(pattern).string(from: date)
    }

    /// One formatter for a whole list (making one costs far more than using it).
    public static func formatter(_ pattern: String = "dd/MM/yyyy HH:mm") -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "fr_FR")
        f.timeZone = zone
        f.dateFormat = pattern
        return f
    }

    public static func day(_ date: Date) -> String { format(date, "dd/MM/yyyy") }
}
