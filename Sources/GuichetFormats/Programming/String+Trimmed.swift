extension String {
    /// The text without leading and trailing spaces (ordinary, tab, no-break): the common case,
    /// nothing to trim, costs two byte checks and no copy (Foundation's trimming is much slower
    /// and this runs for every cell of a programming table).
    var trimmedSpaces: String {
        func edge(_ c: Unicode.Scalar) -> Bool {
            c == " " || c == "\t" || c == "\u{00A0}" || c == "\u{202F}" || c == "\n" || c == "\r"
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, edge(first) || edge(last) else { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, edge(scalars[start]) { start = scalars.index(after: start) }
        while end > start, edge(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// Case-insensitive equality that avoids allocating when the texts are identical.
    func equalsIgnoringCase(_ other: String) -> Bool {
        self == other || (utf8.count == other.utf8.count && lowercased() == other.lowercased())
    }
}
