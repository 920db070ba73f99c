import Foundation

/// French sentences as the platform shows them (issue #11): a message begins with a capital and
/// ends with exactly one full stop; a list sorts as a French reader expects, accents and case
/// aside (« Saint-Éloi » before « Saint-Victor »); names are compared for search without their
/// accents, apostrophes and punctuation (« rénov conseil » finds « Rénov'Conseil »).
public enum FrenchText {
    /// Capital first letter, one final full stop (no « .. »); a text ending with « ! », « ? »,
    /// « … » or « : » keeps its ending.
    public static func sentence(_ text: String) -> String {
        var s = clause(text)
        guard let first = s.first else { return s }
        s = first.uppercased() + s.dropFirst()
        if let last = s.last, "!?…:".contains(last) { return s }
        return s + "."
    }

    /// The text without its final full stops and spaces, to be continued or wrapped
    /// (« Fichier illisible : \(clause(message)). »).
    public static func clause(_ text: String) -> String {
        var s = Substring(text)
        while let last = s.last, last == "." || last == " " || last == "\u{00A0}" { s = s.dropLast() }
        return String(s)
    }

    /// The key a French list is sorted by: letters without accents and case, ligatures spelled
    /// out, then the text itself to break ties (so that the order is total and stable).
    public static func collationKey(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "œ": out += "oe"
            case "æ": out += "ae"
            case "ß": out += "ss"
            default:
                // Canonical decomposition keeps the base letter first; combining marks are dropped.
                for d in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                where !(0x0300...0x036F).contains(d.value) {
                    out.unicodeScalars.append(d)
                }
            }
        }
        return out
    }

    /// Sorts by `collationKey`, ties by the text itself.
    public static func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        items.map { (collationKey(text($0)), text($0), $0) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            .map(\.2)
    }

    /// Words for search: accents and case folded, apostrophes and punctuation as spaces
    /// (« Rénov'Conseil » → ["renov", "conseil"]).
    public static func searchWords(_ text: String) -> [String] {
        collationKey(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
