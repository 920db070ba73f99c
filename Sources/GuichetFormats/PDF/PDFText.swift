import Foundation

/// The text of a PDF that `PDFWriter` made, page by page, line by line (issue #13: the
/// beneficiary reads the stored agreement itself, page by page, in the browser — what is shown
/// is what is signed). Reads the uncompressed content streams' `(…) Tj` in WinAnsi; bold lines
/// (`/F2`) are marked. Another PDF gives what it can, never a crash.
public enum PDFText {
    public struct Line: Sendable, Equatable {
        public let text: String
        public let bold: Bool
        public let size: Double
        public var x = 0.0
        public var y = 0.0
    }

    public static func pages(_ data: Data) throws -> [[Line]] {
        let file = try PDFFile(data)
        let catalog = try file.dictionary(file.root)
        guard let pagesNumber = PDFFile.reference(after: "/Pages", in: catalog) else {
            throw PDFFile.Unreadable(description: "arbre des pages introuvable")
        }
        return try PDFFile.references(after: "/Kids", in: try file.dictionary(pagesNumber)).map { page in
            guard let content = PDFFile.reference(after: "/Contents", in: try file.dictionary(page)) else {
                return []
            }
            return lines(try stream(content, in: file))
        }
    }

    /// The bytes between `stream` and `endstream` of object `number`.
    static func stream(_ number: Int, in file: PDFFile) throws -> [UInt8] {
        guard let offset = file.offsets[number] else { throw PDFFile.Unreadable(description: "objet \(number) absent") }
        let bytes = file.bytes[offset...]
        guard let start = bytes.firstRange(of: Array("stream\n".utf8)),
            let end = bytes[start.upperBound...].firstRange(of: Array("\nendstream".utf8))
        else { throw PDFFile.Unreadable(description: "flux de l'objet \(number) illisible") }
        return Array(bytes[start.upperBound..<end.lowerBound])
    }

    /// The font and position set by the operators read so far.
    struct TextState {
        var font = "F1"
        var size = 10.0
        var x = 0.0
        var y = 0.0

        /// `/F2 12 Tf` and `56 700 Td`, when `tokens` ends with one of them.
        mutating func take(_ tokens: [String]) {
            guard tokens.count >= 3, let op = tokens.last else { return }
            let (a, b) = (tokens[tokens.count - 3], tokens[tokens.count - 2])
            switch op {
            case "Tf": (font, size) = (String(a.dropFirst()), Double(b) ?? size)
            case "Td": (x, y) = (Double(a) ?? x, Double(b) ?? y)
            default: break
            }
        }
    }

    /// `BT /F2 12 Tf 56 700 Td (text) Tj ET` lines, the page's footer (size 8) left out.
    static func lines(_ stream: [UInt8]) -> [Line] {
        var out: [Line] = []
        var state = TextState()
        var tokens: [String] = [""]
        var i = 0
        while i < stream.count {
            let c = stream[i]
            if c == UInt8(ascii: "(") {
                let (text, next) = literal(stream, from: i)
                i = next
                if state.size > 8 {
                    out.append(
                        Line(text: text, bold: state.font == "F2", size: state.size, x: state.x, y: state.y))
                }
                continue
            }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") {
                state.take(tokens)
                tokens = Array(tokens.suffix(3)) + [""]
            } else {
                tokens[tokens.count - 1].unicodeScalars.append(Unicode.Scalar(c))
            }
            i += 1
        }
        return out
    }

    /// A page's lines as a reader wants them: the lines drawn at one height joined (a label and its
    /// value: « Dossier : RENO-… »; a table row: cells joined by « · »), then the lines of one
    /// paragraph joined again; headings (bold, 12 points or more) kept apart and marked bold.
    public static func reading(_ lines: [Line]) -> [Line] {
        var rows: [[Line]] = []
        for line in lines {
            if let last = rows.last?.first, abs(last.y - line.y) < 0.5 {
                rows[rows.count - 1].append(line)
            } else {
                rows.append([line])
            }
        }
        var out: [Line] = []
        var previous: (y: Double, size: Double, heading: Bool, table: Bool, x: Double)?
        for row in rows {
            let cells = row.sorted { $0.x < $1.x }
            guard let first = cells.first else { continue }
            let heading = first.bold && first.size >= 12
            let table = first.size < 10
            let field = cells.count == 2 && first.bold && !table
            let text = field ? "\(first.text) : \(cells[1].text)" : cells.map(\.text).joined(separator: " · ")
            let below = previous.map { abs($0.y - first.y - first.size * 1.4) < 0.5 && $0.size == first.size } ?? false
            let continues =
                below && cells.count == 1 && previous?.table == false
                && previous.map { abs($0.x - first.x) < 0.5 } == true
                && (heading ? previous?.heading == true : !first.bold && previous?.heading == false)
            if continues, let last = out.last {
                out[out.count - 1] = Line(
                    text: (last.text + " " + text).trimmingCharacters(in: .whitespaces), bold: last.bold,
                    size: last.size, x: last.x, y: first.y)
            } else {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                out.append(Line(text: trimmed, bold: heading, size: first.size, x: first.x, y: first.y))
            }
            previous = (first.y, first.size, heading, table, cells.last?.x ?? first.x)
        }
        return out
    }

    /// A literal string from its `(`: escapes undone, WinAnsi decoded; returns where it ends.
    static func literal(_ s: [UInt8], from start: Int) -> (String, Int) {
        var bytes: [UInt8] = []
        var i = start + 1
        while i < s.count, s[i] != UInt8(ascii: ")") {
            if s[i] == UInt8(ascii: "\\"), i + 1 < s.count { i += 1 }
            bytes.append(s[i])
            i += 1
        }
        return (decode(bytes), i + 1)
    }

    static let inverse: [UInt8: Character] = Dictionary(
        PDFWriter.specials.filter { $0.key != "\u{202F}" && $0.key != "\u{2009}" && $0.key != "≤" && $0.key != "≥" }
            .map { ($0.value, Character($0.key)) }, uniquingKeysWith: { a, _ in a })

    static func decode(_ bytes: [UInt8]) -> String {
        String(bytes.map { b in inverse[b] ?? Character(Unicode.Scalar(b)) })
    }
}
