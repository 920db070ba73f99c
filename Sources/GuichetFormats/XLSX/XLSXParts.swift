import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GuichetDomain

/// A flat list of XML elements with their attributes (small parts: workbook, relationships).
struct XMLElements {
    struct Element { let name: String; let attributes: [String: String] }

    static func parse(_ data: Data, path: String) throws(XLSXReader.Failure) -> [Element] {
        final class Delegate: NSObject, XMLParserDelegate {
            var elements: [Element] = []
            func parser(_ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                elements.append(Element(name: Self.local(name), attributes: attributes))
            }
            static func local(_ n: String) -> String { n.split(separator: ":").last.map(String.init) ?? n }
        }
        let d = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = d
        guard parser.parse() else { throw XLSXReader.Failure(message: "Fichier .xlsx endommagé : « \(path) » n'est pas du XML valide.") }
        return d.elements
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>` (rich text runs joined).
enum SharedStrings {
    static func parse(_ data: Data) throws(XLSXReader.Failure) -> [String] {
        final class Delegate: NSObject, XMLParserDelegate {
            var strings: [String] = []
            var current = ""
            var inText = false, inPhonetic = false
            func parser(_ p: XMLParser, didStartElement n: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                switch n { case "si": current = ""; case "t": inText = true; case "rPh": inPhonetic = true; default: break }
            }
            func parser(_ p: XMLParser, didEndElement n: String, namespaceURI: String?, qualifiedName: String?) {
                switch n { case "si": strings.append(current); case "t": inText = false; case "rPh": inPhonetic = false; default: break }
            }
            func parser(_ p: XMLParser, foundCharacters s: String) { if inText && !inPhonetic { current += s } }
        }
        let d = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = d
        guard parser.parse() else { throw XLSXReader.Failure(message: "Fichier .xlsx endommagé : les textes partagés sont illisibles.") }
        return d.strings
    }
}

/// `xl/styles.xml`: for each cell style (`cellXfs` index), whether its number format is a date.
enum DateStyles {
    static let builtInDateFormats: Set<Int> = [14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]

    static func isDateFormat(_ code: String) -> Bool {
        // Drop quoted text, escapes and colours, then look for day/month/year tokens.
        var cleaned = "", inQuote = false, skipNext = false, inBracket = false
        for ch in code {
            if skipNext { skipNext = false; continue }
            switch ch {
            case "\"": inQuote.toggle()
            case "\\": skipNext = true
            case "[": inBracket = true
            case "]": inBracket = false
            default: if !inQuote && !inBracket { cleaned.append(ch) }
            }
        }
        let lower = cleaned.lowercased()
        return lower.contains("d") || lower.contains("y") || (lower.contains("m") && !lower.contains("h") && !lower.contains("s") && !lower.contains("0"))
    }

    static func parse(_ data: Data) throws(XLSXReader.Failure) -> [Bool] {
        final class Delegate: NSObject, XMLParserDelegate {
            var custom: [Int: String] = [:]
            var xfs: [Int] = []
            var inCellXfs = false
            func parser(_ p: XMLParser, didStartElement n: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String]) {
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
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = d
        guard parser.parse() else { throw XLSXReader.Failure(message: "Fichier .xlsx endommagé : les styles sont illisibles.") }
        return d.xfs.map { id in builtInDateFormats.contains(id) || (d.custom[id].map(isDateFormat) ?? false) }
    }
}

/// A worksheet: cells with their type (`s`, `inlineStr`, `str`, `b`, `e`, `n`), style, value or
/// cached formula value; rows beyond the limit stop the reading.
enum SheetParser {
    static func parse(_ data: Data, name: String, shared: [String], dateStyles: [Bool], date1904: Bool,
                      maxRows: Int) throws(XLSXReader.Failure) -> XLSXWorkbook.Sheet {
        final class Delegate: NSObject, XMLParserDelegate {
            let shared: [String], dateStyles: [Bool], date1904: Bool, maxRows: Int
            var rows: [Int: [Int: XLSXValue]] = [:]
            var merged: [String] = []
            var row = 0, column = 0, type = "n", style = 0
            var text = "", collecting = false, inInline = false
            var failure: XLSXReader.Failure?
            var lastRow = 0
            init(shared: [String], dateStyles: [Bool], date1904: Bool, maxRows: Int) {
                self.shared = shared; self.dateStyles = dateStyles; self.date1904 = date1904; self.maxRows = maxRows
            }
            func parser(_ p: XMLParser, didStartElement n: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String]) {
                switch n {
                case "row":
                    lastRow = a["r"].flatMap(Int.init) ?? lastRow + 1
                    if lastRow > maxRows + 1 {
                        failure = .init(message: "Trop de lignes : \(maxRows) opérations au plus par fichier.")
                        p.abortParsing()
                    }
                case "c":
                    if let r = a["r"], let ref = CellReference.parse(r) { row = ref.row; column = ref.column } else { row = lastRow; column += 1 }
                    type = a["t"] ?? "n"; style = a["s"].flatMap(Int.init) ?? 0
                    text = ""
                case "v": collecting = true; text = ""
                case "is": inInline = true; text = ""
                case "t" where inInline: collecting = true
                case "mergeCell": if let ref = a["ref"] { merged.append(ref) }
                default: break
                }
            }
            func parser(_ p: XMLParser, foundCharacters s: String) { if collecting { text += s } }
            func parser(_ p: XMLParser, didEndElement n: String, namespaceURI: String?, qualifiedName: String?) {
                switch n {
                case "v", "t": collecting = false
                case "is": inInline = false
                case "c":
                    if let v = value() { rows[row, default: [:]][column] = v }
                default: break
                }
            }
            func value() -> XLSXValue? {
                switch type {
                case "s": return Int(text).flatMap { $0 < shared.count ? .text(shared[$0]) : nil }
                case "inlineStr", "str": return text.isEmpty ? nil : .text(text)
                case "b": return .bool(text == "1")
                case "e": return .error(text)
                default:
                    guard !text.isEmpty, let d = Double(text) else { return nil }
                    if style < dateStyles.count, dateStyles[style], let day = ExcelDate.day(serial: d, date1904: date1904) { return .date(day) }
                    return .number(d)
                }
            }
        }
        let d = Delegate(shared: shared, dateStyles: dateStyles, date1904: date1904, maxRows: maxRows)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = d
        let ok = parser.parse()
        if let f = d.failure { throw f }
        guard ok else { throw XLSXReader.Failure(message: "Fichier .xlsx endommagé : la feuille « \(name) » n'est pas du XML valide.") }
        return XLSXWorkbook.Sheet(name: name, rows: d.rows, merged: d.merged)
    }
}
