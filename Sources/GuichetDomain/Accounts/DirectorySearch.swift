/// The AMO directory's search (issue #11). Digits alone are a SIRET or SIREN prefix (« 7328 »,
/// « 732 829 320 »), never a fragment found anywhere (« zzz1 » found an unrelated AMO). Words
/// match the start of the name's words, accents, case, apostrophes and punctuation aside
/// (« rénov conseil » finds « Rénov'Conseil »), or the start of the name written without separators.
public struct DirectorySearch: Sendable {
    enum Query: Sendable {
        case everything
        case siretPrefix(String)
        case words([String])
    }
    let query: Query

    public init(_ text: String) {
        let compact = text.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "." }
        if compact.isEmpty {
            query = .everything
        } else if compact.allSatisfy({ $0.isASCII && $0.isNumber }) {
            query = .siretPrefix(compact)
        } else {
            let words = FrenchText.searchWords(text)
            query = words.isEmpty ? .everything : .words(words)
        }
    }

    public func matches(name: String, siret: String) -> Bool {
        switch query {
        case .everything: return true
        case .siretPrefix(let digits): return siret.hasPrefix(digits)
        case .words(let words):
            let nameWords = FrenchText.searchWords(name)
            let joined = nameWords.joined()
            return words.allSatisfy { w in nameWords.contains { $0.hasPrefix(w) } } || joined.hasPrefix(words.joined())
        }
    }
}
