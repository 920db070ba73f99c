import Foundation
import GuichetDomain

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A flat list of XML elements with their attributes (small parts: workbook, relationships).
struct XMLElements {
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    static func parse(_ data: Data, path: String) throws(XLSXReader.Failure) -> [Element] {
        final class Delegate: NSObject, XMLParserDelegate {
            var elements: [Element] = []
            func parser(
                _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]
            ) {
                elements.append(Element(name: Self.local(name), attributes: attributes))
            }
            static func local(_ n: String) -> String { n.split(separator: ":").last.map(String.init) ?? n }
        }
        let d = Delegate()
        guard XMLElements.run(data, delegate: d) else {
            throw XLSXReader.Failure(message: "Fichier .xlsx endommagé : « \(path) » n'est pas du XML valide.")
        }
        return d.elements
    }

    /// Foundation's XML parser, on text that is valid UTF-8 only: its bridge traps on element
    /// or attribute names that are not (found by the mutation tests), so such a part is refused
    /// before it reaches the parser.
    static func run(_ data: Data, delegate: any XMLParserDelegate) -> Bool {
        guard String(validating: data, as: UTF8.self) != nil else { return false }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        return parser.parse()
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>` (rich text runs joined, phonetic runs left out).
enum SharedStrings {
    static func parse(_ data: Data) throws(XLSXReader.Failure) -> [String] {
        data.withUnsafeBytes { raw in
            var sc = XMLScanner(raw.bindMemory(to: UInt8.self))
            var strings: [String] = []
            var current = ""
            var inItem = false
            while sc.nextTag() {
                if sc.isTag("si") {
                    _ = sc.attributes([])
                    current = ""
                    inItem = true
                    continue
                }
                if sc.isTag("rPh") {
                    sc.skip(past: "rPh")
                    continue
                }
                if sc.isTag("t") {
                    let (_, selfClosing) = sc.attributes([])
                    if !selfClosing { current += sc.text() }
                    continue
                }
                if inItem, sc.i + 3 < sc.b.count, sc.b[sc.i + 1] == 0x2F {
                    var probe = sc
                    probe.i += 1
                    if probe.isTag("si") {
                        strings.append(current)
                        inItem = false
                    }
                }
                sc.i += 1
            }
            return strings
        }
    }
}

/// `xl/styles.xml`: for each cell style (`cellXfs` index), whether its number format is a date.
enum DateStyles {
    static let builtInDateFormats: Set<Int> = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]

    static func isDateFormat(_ code: String) -> Bool {
        // Drop quoted text, escapes and colours, then look for day/month/year tokens.
        var cleaned = ""
        var inQuote = false
        var skipNext = false
        var inBracket = false
        for ch in code {
            if skipNext {
                skipNext = false
                continue
            }
            switch ch {
            case "\"": inQuote.toggle()
            case "\\": skipNext = true
            case "[": inBracket = true
            case "]": inBracket = false
            default: if !inQuote && !inBracket { cleaned.append(ch) }
            }
        }
        let lower = cleaned.lowercased()
        return lower.contains("d") || lower.contains("y")
            || (lower.contains("m") && !lower.contains("h") && !lower.contains("s") && !lower.contains("0"))
    }

    static func parse(_ data: Data) throws(XLSXReader.Failure) -> [Bool] {
        final class Delegate: NSObject, XMLParserDelegate {
            var custom: [Int: String] = [:]
            var xfs: [Int] = []
            var inCellXfs = false
            func parser(
                _ p: XMLParser, didStartElement n: String, namespaceURI: String?, qualifiedName: String?,
                attributes a: [String: String]
            ) {
                switch n {
                case "numFmt": if let id = a["numFmtId"].flatMap(Int.init) { custom[id] = a["formatCode"] ?? "" }
                case "cellXfs": inCellXfs = true
                case "xf" where inCellXfs: xfs.append(a["numFmtId"].flatMap(Int.init) ?? 0)
                default: break
                }
            }
            func parser(_ p: XMLParser, didEndElement n: String, namespaceURI: String?, qualifiedName: String?) {
                if n == "cellXfs" { inCellXfs = false }
            }
        }
        let d = Delegate()
        guard XMLElements.run(data, delegate: d) else {
            throw XLSXReader.Failure(message: "Fichier .xlsx endommagé : les styles sont illisibles.")
        }
        return d.xfs.map { id in builtInDateFormats.contains(id) || (d.custom[id].map(isDateFormat) ?? false) }
    }
}

/// A worksheet: cells with their type (`s`, `inlineStr`, `str`, `b`, `e`, `n`), style, value or
/// cached formula value; rows beyond the limit stop the reading.
enum SheetParser {
    static func parse(
        _ data: Data, name: String, shared: [String], dateStyles: [Bool], date1904: Bool,
        maxRows: Int, progress: ((_ bytesRead: Int, _ bytesTotal: Int) -> Void)? = nil
    ) throws(XLSXReader.Failure) -> XLSXWorkbook.Sheet {
        let result: Result<XLSXWorkbook.Sheet, XLSXReader.Failure> = data.withUnsafeBytes { raw in
            var sc = XMLScanner(raw.bindMemory(to: UInt8.self))
            var rows: [Int: [Int: XLSXValue]] = [:]
            var merged: [String] = []
            var lastRow = 0
            var lastColumn = 0
            while sc.nextTag() {
                if sc.isTag("row") {
                    let (v, _) = sc.attributes(["r"])
                    lastRow = v[0].flatMap(Int.init) ?? lastRow + 1
                    lastColumn = 0
                    if lastRow > maxRows + 1 {
                        return .failure(.init(message: "Trop de lignes : \(maxRows) opérations au plus par fichier."))
                    }
                    if let progress, lastRow % 500 == 0 { progress(sc.i, sc.b.count) }
                    continue
                }
                if sc.isTag("c") {
                    let attrs = sc.cellAttributes()
                    var row = lastRow
                    var column = lastColumn + 1
                    if attrs.row > 0 {
                        row = attrs.row
                        column = attrs.column
                    }
                    lastColumn = column
                    if attrs.selfClosing { continue }
                    let (text, sharedIndex) = Self.cellContent(&sc, type: attrs.type)
                    let value: XLSXValue?
                    if attrs.type == .shared {
                        value = sharedIndex >= 0 && sharedIndex < shared.count ? .text(shared[sharedIndex]) : nil
                    } else {
                        value = Self.value(
                            type: attrs.type, style: attrs.style, text: text ?? "", dateStyles: dateStyles,
                            date1904: date1904)
                    }
                    if let value { rows[row, default: [:]][column] = value }
                    continue
                }
                if sc.isTag("mergeCell") {
                    let (v, _) = sc.attributes(["ref"])
                    if let ref = v[0] { merged.append(ref) }
                    continue
                }
                sc.i += 1
            }
            return .success(XLSXWorkbook.Sheet(name: name, rows: rows, merged: merged))
        }
        return try result.get()
    }

    /// A cell's content, read up to its `</c>`: the text of `<v>` or of `<is><t>…</t></is>`, or
    /// the shared string's index; formulas and phonetic runs are skipped.
    @inline(__always)
    static func cellContent(_ sc: inout XMLScanner, type: XMLScanner.CellType) -> (String?, Int) {
        var text: String?
        var sharedIndex = -1
        // Inside the cell: <f> (skipped), <v>, <is><t>…</t></is>, until </c>.
        while sc.nextTag() {
            if sc.i + 1 < sc.b.count, sc.b[sc.i + 1] == 0x2F {
                if sc.closes("c") { break }
                sc.i += 1
            } else if sc.isTag("v") {
                let (_, sClose) = sc.attributes([])
                if !sClose && type == .shared {
                    sharedIndex = sc.integerText()
                } else if !sClose {
                    text = sc.text()
                }
            } else if sc.isTag("t") {
                let (_, sClose) = sc.attributes([])
                if !sClose { text = (text ?? "") + sc.text() }
            } else if sc.isTag("rPh") {
                sc.skip(past: "rPh")
            } else if sc.isTag("f") {
                let (_, sClose) = sc.attributes([])
                if !sClose { _ = sc.text() }
            } else {
                sc.i += 1
            }
        }
        return (text, sharedIndex)
    }

    static func value(
        type: XMLScanner.CellType, style: Int, text: String, dateStyles: [Bool], date1904: Bool
    ) -> XLSXValue? {
        switch type {
        case .shared: return nil  // resolved by index by the caller
        case .inline, .formulaString: return text.isEmpty ? nil : .text(text)
        case .bool: return .bool(text == "1" || text == "true")
        case .error: return .error(text)
        case .number:
            guard !text.isEmpty, let d = Double(text) else { return nil }
            if style < dateStyles.count, dateStyles[style], let day = ExcelDate.day(serial: d, date1904: date1904) {
                return .date(day)
            }
            return .number(d)
        }
    }
}
