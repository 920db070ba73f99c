import Foundation

/// Instants as French pages, e-mails and exports show them, in Europe/Paris whatever the
/// server's zone (`30/09/2024 23:59`).
public enum ParisTime {
    /// Europe/Paris (shipped with every tzdata; UTC+1 only if it were ever missing).
    public static let zone = TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600) ?? .current

    public static func format(_ date: Date, _ pattern: String = "dd/MM/yyyy HH:mm") -> String {
        formatter(pattern).string(from: date)
    }

    /// A formatter for a pattern of `dd`, `MM`, `yyyy`, `HH`, `mm`, `ss` and quoted literals
    /// (`'à'`); every other character is written as it is. Numeric only, so no locale is needed:
    /// a page formats its times without building an ICU formatter each time (issue #12's
    /// benchmark found that in a tenth of a dashboard's time).
    public static func formatter(_ pattern: String = "dd/MM/yyyy HH:mm") -> Formatter { Formatter(pattern) }

    public static func day(_ date: Date) -> String { format(date, "dd/MM/yyyy") }

    public struct Formatter: Sendable {
        enum Piece: Sendable, Equatable {
            case day, month, year, hour, minute, second
            case literal(String)
        }
        let pieces: [Piece]

        public init(_ pattern: String) { pieces = Self.parse(pattern) }

        static func parse(_ pattern: String) -> [Piece] {
            var out: [Piece] = []
            var rest = Substring(pattern)
            let fields: [(String, Piece)] = [
                ("yyyy", .year), ("dd", .day), ("MM", .month), ("HH", .hour), ("mm", .minute), ("ss", .second),
            ]
            while let c = rest.first {
                if c == "'" {
                    let body = rest.dropFirst().prefix { $0 != "'" }
                    out.append(.literal(String(body)))
                    rest = rest.dropFirst(body.count + 2)
                } else if let (token, piece) = fields.first(where: { rest.hasPrefix($0.0) }) {
                    out.append(piece)
                    rest = rest.dropFirst(token.count)
                } else {
                    out.append(.literal(String(c)))
                    rest = rest.dropFirst()
                }
            }
            return out
        }

        /// The instant in Paris civil time.
        public func string(from date: Date) -> String {
            let local = Int((date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))).rounded(.down))
            let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            let seconds = local - days * 86_400
            let civil = Day(ordinal: days)
            let (y, m, d) = (civil.year, civil.month, civil.day)
            var s = ""
            for p in pieces {
                switch p {
                case .day: s += Self.two(d)
                case .month: s += Self.two(m)
                case .year: s += String(y)
                case .hour: s += Self.two(seconds / 3600)
                case .minute: s += Self.two(seconds / 60 % 60)
                case .second: s += Self.two(seconds % 60)
                case .literal(let l): s += l
                }
            }
            return s
        }

        static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    }
}
