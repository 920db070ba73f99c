import Foundation

/// What the signer reads of a PDF: its last cross-reference table (classic, as `PDFWriter`
/// writes it), its trailer, and the text of a numbered object. Enough to add an incremental
/// update to our own documents; anything else is refused with `PDFFile.Unreadable`, never a crash.
struct PDFFile {
    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    let bytes: [UInt8]
    /// The offset of each object in use, by number (the latest revision's).
    let offsets: [Int: Int]
    let size: Int
    let root: Int
    let info: Int?
    let startXref: Int

    init(_ data: Data) throws {
        bytes = Array(data)
        let tail = String(decoding: bytes.suffix(64), as: UTF8.self)
        guard let r = tail.range(of: "startxref"),
            let xref = Int(tail[r.upperBound...].split(whereSeparator: \.isWhitespace).first ?? "")
        else { throw Unreadable(description: "« startxref » introuvable") }
        guard xref >= 0, xref < bytes.count else { throw Unreadable(description: "table des objets hors du fichier") }
        startXref = xref
        // The last section and, through `/Prev`, the earlier revisions' (an incremental update
        // lists only the objects it changed): the latest offset of each object wins.
        var offsets: [Int: Int] = [:]
        var trailer = ""
        var next: Int? = xref
        var seen = Set<Int>()
        while let at = next, at >= 0, at < bytes.count, seen.insert(at).inserted {
            let section = String(decoding: bytes[at...], as: UTF8.self)
            guard section.hasPrefix("xref"), let t = section.range(of: "trailer") else {
                throw Unreadable(description: "table des objets illisible (flux de références non pris en charge)")
            }
            offsets.merge(try Self.entries(String(section[..<t.lowerBound]))) { latest, _ in latest }
            let own = String(section[t.upperBound...].prefix(600))
            if trailer.isEmpty { trailer = own }
            next = Self.integer(after: "/Prev", in: own.components(separatedBy: "startxref")[0])
        }
        self.offsets = offsets
        trailer = trailer.components(separatedBy: "startxref")[0]
        guard let size = Self.integer(after: "/Size", in: trailer), let root = Self.integer(after: "/Root", in: trailer)
        else { throw Unreadable(description: "en-queue (trailer) incomplet") }
        self.size = size
        self.root = root
        info = Self.integer(after: "/Info", in: trailer)
    }

    /// The in-use entries of every subsection: `first count` then `count` lines `offset gen n|f`.
    static func entries(_ table: String) throws -> [Int: Int] {
        var lines = table.split(whereSeparator: \.isNewline).dropFirst().makeIterator()
        var offsets: [Int: Int] = [:]
        while let header = lines.next() {
            let parts = header.split(separator: " ")
            guard parts.count == 2, let first = Int(parts[0]), let count = Int(parts[1]), count >= 0, first >= 0
            else { throw Unreadable(description: "sous-section de la table des objets illisible") }
            for number in first..<(first + count) {
                guard let line = lines.next() else { throw Unreadable(description: "table des objets tronquée") }
                let fields = line.split(separator: " ")
                if fields.count >= 3, fields[2] == "n", let offset = Int(fields[0]) { offsets[number] = offset }
            }
        }
        return offsets
    }

    static func integer(after key: String, in text: String) -> Int? {
        guard let r = text.range(of: key) else { return nil }
        return Int(text[r.upperBound...].split(whereSeparator: \.isWhitespace).first ?? "")
    }

    /// The dictionary of object `number` (`<< … >>`, without its stream).
    func dictionary(_ number: Int) throws -> String {
        guard let offset = offsets[number], offset < bytes.count else {
            throw Unreadable(description: "objet \(number) absent")
        }
        let text = String(decoding: bytes[offset..<min(bytes.count, offset + 4096)], as: UTF8.self)
        guard let dictionary = Self.balanced(text[...]) else {
            throw Unreadable(description: "dictionnaire de l'objet \(number) absent ou non fermé")
        }
        return String(dictionary)
    }

    /// From the first `<<` of `text` to the `>>` that closes it (nested dictionaries counted).
    static func balanced(_ text: Substring) -> Substring? {
        guard let open = text.range(of: "<<") else { return nil }
        var depth = 0
        var index = open.lowerBound
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("<<") {
                depth += 1
                index = text.index(index, offsetBy: 2)
            } else if rest.hasPrefix(">>") {
                depth -= 1
                index = text.index(index, offsetBy: 2)
                if depth == 0 { return text[open.lowerBound..<index] }
            } else {
                index = text.index(after: index)
            }
        }
        return nil
    }

    /// `/Pages 2 0 R` in a dictionary.
    static func reference(after key: String, in dict: String) -> Int? {
        guard let r = dict.range(of: key) else { return nil }
        let parts = dict[r.upperBound...].split(whereSeparator: \.isWhitespace)
        guard parts.count >= 3, parts[2].hasPrefix("R") else { return nil }
        return Int(parts[0])
    }

    /// The object numbers of `[a 0 R b 0 R …]` after `key` in `dict`.
    static func references(after key: String, in dict: String) -> [Int] {
        guard let r = dict.range(of: key), let open = dict[r.upperBound...].firstIndex(of: "["),
            let close = dict[open...].firstIndex(of: "]")
        else { return [] }
        let parts = dict[dict.index(after: open)..<close].split(whereSeparator: \.isWhitespace)
        return stride(from: 0, to: parts.count - 2, by: 3).compactMap { i in parts[i + 2] == "R" ? Int(parts[i]) : nil }
    }
}
