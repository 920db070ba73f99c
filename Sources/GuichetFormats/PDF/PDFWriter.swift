import Foundation

/// Writes simple text documents as PDF 1.4 (receipts, acknowledgements): A4 pages, the standard
/// Helvetica fonts in WinAnsi encoding (French accents, €, typographic quotes), automatic line
/// wrapping and page breaks, a footer with page numbers. No external dependency.
public struct PDFWriter: Sendable {
    public enum Block: Sendable, Equatable {
        case title(String)
        case heading(String)
        case paragraph(String)
        /// A label and its value on one line (wrapped under the value when long).
        case field(String, String)
        /// A table: a bold header row, then rows; the first column takes half the width and the
        /// others share the rest (amounts: right-hand columns), or, from five columns, all share
        /// equally. Cells wrap; a row is never split.
        case table(header: [String], rows: [[String]])
        case spacer
    }

    public var title: String
    public var footer: String
    public init(title: String, footer: String) {
        self.title = title
        self.footer = footer
    }

    static let pageWidth = 595.0, pageHeight = 842.0, margin = 56.0

    struct PlacedLine {
        let text: String
        let bold: Bool
        let size: Double
        let x: Double
    }

    public func render(_ blocks: [Block]) -> Data {
        var layout = PageLayout()
        for block in blocks { layout.add(block) }
        return Self.serialize(objects(layout.pages))
    }

    /// Lines placed on A4 pages, top to bottom, a new page when the bottom margin is reached.
    struct PageLayout {
        var pages: [[(PlacedLine, Double)]] = [[]]
        var y = PDFWriter.pageHeight - PDFWriter.margin
        let usable = PDFWriter.pageWidth - 2 * PDFWriter.margin

        mutating func place(
            _ text: String, bold: Bool = false, size: Double = 10, x: Double = PDFWriter.margin, gapBefore: Double = 0
        ) {
            let lineHeight = size * 1.4
            y -= gapBefore
            if y - lineHeight < PDFWriter.margin + 20 {
                pages.append([])
                y = PDFWriter.pageHeight - PDFWriter.margin
            }
            y -= lineHeight
            pages[pages.count - 1].append((PlacedLine(text: text, bold: bold, size: size, x: x), y))
        }

        mutating func add(_ block: Block) {
            switch block {
            case .title(let t):
                for l in PDFWriter.wrap(t, width: usable, size: 16) { place(l, bold: true, size: 16) }
                y -= 6
            case .heading(let t):
                for l in PDFWriter.wrap(t, width: usable, size: 12) { place(l, bold: true, size: 12, gapBefore: 8) }
            case .paragraph(let t):
                for l in PDFWriter.wrap(t, width: usable, size: 10) { place(l) }
                y -= 4
            case .field(let label, let value):
                let labelWidth = 190.0
                for (i, l) in PDFWriter.wrap(value, width: usable - labelWidth, size: 10).enumerated() {
                    place(i == 0 ? label : "", bold: true)
                    pages[pages.count - 1].append(
                        (PlacedLine(text: l, bold: false, size: 10, x: PDFWriter.margin + labelWidth), y))
                }
            case .table(let header, let rows):
                y -= 4
                row(header, bold: true)
                for r in rows { row(r, bold: false) }
                y -= 6
            case .spacer: y -= 10
            }
        }

        /// One table row: each cell wrapped in its column, the row moved whole to a new page.
        mutating func row(_ cells: [String], bold: Bool) {
            guard !cells.isEmpty else { return }
            // A label and a few amounts: the label takes half; five columns or more share equally.
            let first = cells.count == 1 ? usable : cells.count >= 5 ? usable / Double(cells.count) : usable / 2
            let other = cells.count == 1 ? 0 : (usable - first) / Double(cells.count - 1)
            let wrapped = cells.enumerated().map { i, cell in
                PDFWriter.wrap(cell, width: (i == 0 ? first : other) - 6, size: 9)
            }
            let height = Double(wrapped.map(\.count).max() ?? 1) * 9 * 1.4
            if y - height < PDFWriter.margin + 20 {
                pages.append([])
                y = PDFWriter.pageHeight - PDFWriter.margin
            }
            for (i, lines) in wrapped.enumerated() {
                let x = PDFWriter.margin + (i == 0 ? 0 : first + Double(i - 1) * other)
                for (k, l) in lines.enumerated() {
                    pages[pages.count - 1].append(
                        (PlacedLine(text: l, bold: bold, size: 9, x: x), y - Double(k + 1) * 9 * 1.4))
                }
            }
            y -= height + 2
        }
    }

    /// Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info, then page + content pairs.
    func objects(_ pages: [[(PlacedLine, Double)]]) -> [[UInt8]] {
        var objects: [[UInt8]] = []
        let pageIDs = pages.indices.map { 6 + 2 * $0 }
        let kids = pageIDs.map { "\($0) 0 R" }.joined(separator: " ")
        objects.append(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        objects.append(Array("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        objects.append(Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8))
        objects.append(
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".utf8))
        objects.append(Array("<< /Title ".utf8) + Self.textString(title) + Array(" /Producer (Guichet) >>".utf8))
        for (i, lines) in pages.enumerated() {
            let stream = Self.stream(lines, footer: "\(footer) – page \(i + 1) sur \(pages.count)")
            objects.append(
                Array(
                    ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R "
                        + ">> >> /Contents \(pageIDs[i] + 1) 0 R >>").utf8))
            objects.append(Array("<< /Length \(stream.count) >>\nstream\n".utf8) + stream + Array("\nendstream".utf8))
        }
        return objects
    }

    /// A page's content: its lines in Helvetica (`/F1`) and Helvetica-Bold (`/F2`), then the footer.
    static func stream(_ lines: [(PlacedLine, Double)], footer: String) -> [UInt8] {
        var stream: [UInt8] = []
        func show(_ text: String, bold: Bool, size: Double, x: Double, y: Double) {
            stream +=
                Array("BT /F\(bold ? 2 : 1) \(Self.n(size)) Tf \(Self.n(x)) \(Self.n(y)) Td ".utf8)
                + Self.literal(text) + Array(" Tj ET\n".utf8)
        }
        for (line, y) in lines where !line.text.isEmpty {
            show(line.text, bold: line.bold, size: line.size, x: line.x, y: y)
        }
        show(footer, bold: false, size: 8, x: Self.margin, y: Self.margin - 10)
        return stream
    }

    /// One page's content for `blocks` (what does not fit on it is left out): the signature page
    /// that `PDFSigner` adds in its incremental update.
    static func singlePage(_ blocks: [Block], footer: String) -> [UInt8] {
        var layout = PageLayout()
        for block in blocks { layout.add(block) }
        return stream(layout.pages.first ?? [], footer: footer)
    }

    /// The file: header, numbered objects, cross-reference table with each object's offset, trailer.
    static func serialize(_ objects: [[UInt8]]) -> Data {
        var out: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets {
            out += Array((String(repeating: "0", count: 10 - String(o).count) + String(o) + " 00000 n \n").utf8)
        }
        out += Array(
            "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(out)
    }

    static func n(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(format: "%.2f", d) }

    /// A text string of the document's information dictionary: UTF-16BE with its byte order mark,
    /// written in hexadecimal (ISO 32000-1 § 7.9.2.2). A WinAnsi literal there is read as
    /// PDFDocEncoding, where 0x96 is « Œ », not « – » (issue #11).
    static func textString(_ s: String) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = Array("<FEFF".utf8)
        for unit in s.utf16 {
            for shift in [12, 8, 4, 0] { out.append(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        out.append(UInt8(ascii: ">"))
        return out
    }

    /// A PDF literal string in WinAnsi encoding, `(` `)` and `\` escaped (page content, drawn
    /// with the WinAnsi-encoded Helvetica).
    static func literal(_ s: String) -> [UInt8] {
        var out: [UInt8] = [40]
        for b in winAnsi(s) {
            if b == 40 || b == 41 || b == 92 { out.append(92) }
            out.append(b)
        }
        out.append(41)
        return out
    }

    static let specials: [Unicode.Scalar: UInt8] = [
        "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95,
        "–": 0x96, "—": 0x97, "œ": 0x9C, "Œ": 0x8C, "Ÿ": 0x9F, "\u{202F}": 0xA0, "\u{2009}": 0x20, "≤": 0x3C, "≥": 0x3E,
    ]

    /// Unicode → WinAnsi (cp1252); characters outside it become `?`.
    static func winAnsi(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { u in
            if u.value < 0x80 { return u.value < 0x20 ? 0x20 : UInt8(u.value) }
            if let b = specials[u] { return b }
            if (0xA0...0xFF).contains(u.value) { return UInt8(u.value) }
            return 0x3F
        }
    }

    /// Helvetica's average advance is about half the font size; wrap on spaces under `width`.
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        let perLine = max(10, Int(width / (size * 0.52)))
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= perLine {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
            while current.count > perLine {
                lines.append(String(current.prefix(perLine)))
                current = String(current.dropFirst(perLine))
            }
        }
        lines.append(current)
        return lines
    }
}
