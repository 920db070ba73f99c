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
    }

    public static func pages(_ data: Data) throws -> [[Line]] {
        let file = try PDFFile(data)
        let catalog = try file.dictionary(file.root)
        guard let pagesNumber = PDFSigner.reference(after: "/Pages", in: catalog) else {
            throw PDFFile.Unreadable(description: "arbre des pages introuvable")
        }
        return try PDFFile.references(after: "/Kids", in: try file.dictionary(pagesNumber)).map { page in
            guard let content = PDFSigner.reference(after: "/Contents", in: try file.dictionary(page)) else {
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

    /// `BT /F2 12 Tf 56 700 Td (text) Tj ET` lines, the page's footer (size 8) left out.
    static func lines(_ stream: [UInt8]) -> [Line] {
        var out: [Line] = []
        var font = "F1"
        var size = 10.0
        var tokens: [String] = []
        var i = 0
        while i < stream.count {
            let c = stream[i]
            if c == UInt8(ascii: "(") {
                let (text, next) = literal(stream, from: i)
                i = next
                if size > 8 { out.append(Line(text: text, bold: font == "F2", size: size)) }
                continue
            }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") {
                if let last = tokens.last, last == "Tf", tokens.count >= 3 {
                    font = String(tokens[tokens.count - 3].dropFirst())
                    size = Double(tokens[tokens.count - 2]) ?? size
                }
                tokens.append("")
            } else {
                if tokens.isEmpty { tokens.append("") }
                tokens[tokens.count - 1].unicodeScalars.append(Unicode.Scalar(c))
            }
            i += 1
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
