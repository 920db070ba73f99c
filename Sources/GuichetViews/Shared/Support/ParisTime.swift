import Foundation

/// Dates as French pages show them, in Europe/Paris (`30/09/2024 23:59`).
public enum ParisTime {
    private static let zone = TimeZone(identifier: "Europe/Paris") ?? .current

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

/// A link to the next page of a list that grows (keyset pagination): the query string that
/// resumes after the last row shown.
public struct NextPage: Sendable, Equatable {
    public let label: String
    public let href: String

    public init(label: String = "Page suivante", href: String) {
        self.label = label
        self.href = href
    }

    /// RFC 3986's unreserved characters: everything else in a value is percent-encoded.
    private static let unreserved = CharacterSet(charactersIn: "-._~").union(
        CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))

    /// `path?name=value`, the value percent-encoded.
    public static func after(_ path: String, _ name: String, _ value: String) -> NextPage {
        let encoded = value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        return NextPage(href: "\(path)?\(name)=\(encoded)")
    }
}
