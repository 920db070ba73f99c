import Foundation

/// Text as searches compare it (issue #13: the instructor's search is accent-insensitive): lower
/// case, without diacritics (« Hélène Çelik » → « helene celik »), œ and æ spelt out, spaces in
/// numbers kept apart from words (a SIRET typed « 732 829 320 00074 » is found as 73282932000074).
public enum SearchText {
    public static func fold(_ text: String) -> String {
        text.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "Œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "Æ", with: "ae")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }

    /// A query folded, digits run together when it is only digits and spaces (a SIRET, a postcode).
    public static func query(_ text: String) -> String {
        let folded = fold(text.trimmingCharacters(in: .whitespacesAndNewlines))
        let compact = folded.filter { !$0.isWhitespace }
        return !compact.isEmpty && compact.allSatisfy(\.isASCII) && compact.allSatisfy(\.isNumber) ? compact : folded
    }

    /// A `LIKE` pattern containing the query (`%` and `_` taken literally: removed).
    public static func pattern(_ query: String) -> String {
        "%" + query.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
    }
}
