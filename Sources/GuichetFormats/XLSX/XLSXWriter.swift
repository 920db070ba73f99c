import Foundation
import GuichetDomain
import ZIPFoundation

/// Writes `.xlsx` workbooks (SpreadsheetML, ECMA-376) that Excel, LibreOffice and openpyxl open
/// without repair: shared strings, a fixed set of cell styles (header, date, amounts, integers),
/// column widths and default column styles, frozen header rows, drop-down list validations and
/// formulas with their cached values. Formulas are recalculated when the file is opened.
public struct XLSXWriter: Sendable {
    public enum Style: Int, Sendable {
        case normal = 0
        case header, date, amount, integer, bold, wrap
    }

    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case date(Day)
        case bool(Bool)
        /// A formula without the leading `=`, and the value it computes to when written.
        case formula(String, cached: Double)
    }

    public struct Cell: Sendable {
        public var value: Value
        public var style: Style
        public init(_ value: Value, style: Style = .normal) {
            self.value = value
            self.style = style
        }
    }

    public struct Column: Sendable {
        public var width: Double
        /// The style of the whole column's empty cells (date or number formats while typing).
        public var style: Style?
        public init(width: Double, style: Style? = nil) {
            self.width = width
            self.style = style
        }
    }

    /// A drop-down list validation over `range` (`D2:D20001`), its values in `source`
    /// (`Listes!$A$2:$A$8`).
    public struct ListValidation: Sendable {
        public var range: String, source: String, title: String, message: String
        public init(range: String, source: String, title: String, message: String) {
            self.range = range
            self.source = source
            self.title = title
            self.message = message
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        /// Row 1 first; `nil` for an empty cell.
        public var rows: [[Cell?]]
        public var columns: [Column]
        public var frozenRows: Int
        public var validations: [ListValidation]
        public init(
            name: String, rows: [[Cell?]], columns: [Column] = [], frozenRows: Int = 0,
            validations: [ListValidation] = []
        ) {
            self.name = name
            self.rows = rows
            self.columns = columns
            self.frozenRows = frozenRows
            self.validations = validations
        }
    }

    public init() {}

    public func write(_ sheets: [Sheet]) throws -> Data {
        var strings = SharedStringTable()
        let sheetXML = sheets.map { sheetPart($0, strings: &strings) }
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ xml: String) throws {
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", contentTypes(sheets.count))
        try add("_rels/.rels", rootRelationships)
        try add("docProps/app.xml", appProperties(sheets))
        try add("xl/workbook.xml", workbook(sheets))
        try add("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count))
        try add("xl/styles.xml", Self.styles)
        try add("xl/sharedStrings.xml", strings.xml())
        for (i, xml) in sheetXML.enumerated() { try add("xl/worksheets/sheet\(i + 1).xml", xml) }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    // MARK: Parts

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let pkgRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    func contentTypes(_ count: Int) -> String {
        var w = XMLWriter()
        w.element("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"]) { w in
            w.empty(
                "Default",
                ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
            w.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
            w.empty(
                "Override",
                [
                    "PartName": "/xl/workbook.xml",
                    "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                ])
            w.empty(
                "Override",
                [
                    "PartName": "/xl/styles.xml",
                    "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
                ])
            w.empty(
                "Override",
                [
                    "PartName": "/xl/sharedStrings.xml",
                    "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
                ])
            w.empty(
                "Override",
                [
                    "PartName": "/docProps/app.xml",
                    "ContentType": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                ])
            for i in 1..<(count + 1) {
                w.empty(
                    "Override",
                    [
                        "PartName": "/xl/worksheets/sheet\(i).xml",
                        "ContentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
                    ])
            }
        }
        return w.output
    }

    var rootRelationships: String {
        var w = XMLWriter()
        w.element("Relationships", ["xmlns": Self.pkgRelNS]) { w in
            w.empty(
                "Relationship",
                [
                    "Id": "rId1",
                    "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                    "Target": "xl/workbook.xml",
                ])
            w.empty(
                "Relationship",
                [
                    "Id": "rId2",
                    "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
                    "Target": "docProps/app.xml",
                ])
        }
        return w.output
    }

    func appProperties(_ sheets: [Sheet]) -> String {
        var w = XMLWriter()
        w.element("Properties", ["xmlns": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"])
        { w in
            w.element("Application", text: "Guichet")
        }
        return w.output
    }

    func workbook(_ sheets: [Sheet]) -> String {
        var w = XMLWriter()
        w.element("workbook", ["xmlns": Self.mainNS, "xmlns:r": Self.relNS]) { w in
            w.empty("workbookPr", ["date1904": "false"])
            w.element("bookViews") { $0.empty("workbookView", ["activeTab": "0"]) }
            w.element("sheets") { w in
                for (i, s) in sheets.enumerated() {
                    w.empty("sheet", ["name": s.name, "sheetId": String(i + 1), "r:id": "rId\(i + 1)"])
                }
            }
            w.empty("calcPr", ["calcId": "191029", "fullCalcOnLoad": "1"])
        }
        return w.output
    }

    func workbookRelationships(_ count: Int) -> String {
        var w = XMLWriter()
        w.element("Relationships", ["xmlns": Self.pkgRelNS]) { w in
            for i in 0..<count {
                w.empty(
                    "Relationship",
                    [
                        "Id": "rId\(i + 1)",
                        "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
                        "Target": "worksheets/sheet\(i + 1).xml",
                    ])
            }
            w.empty(
                "Relationship",
                [
                    "Id": "rId\(count + 1)",
                    "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
                    "Target": "styles.xml",
                ])
            w.empty(
                "Relationship",
                [
                    "Id": "rId\(count + 2)",
                    "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
                    "Target": "sharedStrings.xml",
                ])
        }
        return w.output
    }

    func sheetPart(_ sheet: Sheet, strings: inout SharedStringTable) -> String {
        var w = XMLWriter()
        w.open("worksheet", ["xmlns": Self.mainNS, "xmlns:r": Self.relNS])
        let width = max(sheet.columns.count, sheet.rows.map(\.count).max() ?? 0, 1)
        w.empty("dimension", ["ref": "A1:" + CellReference.name(row: max(sheet.rows.count, 1), column: width)])
        Self.views(sheet, into: &w)
        w.empty("sheetFormatPr", ["defaultRowHeight": "15"])
        Self.columns(sheet.columns, into: &w)
        w.element("sheetData") { w in
            for (r, row) in sheet.rows.enumerated() where row.contains(where: { $0 != nil }) {
                w.element("row", ["r": String(r + 1)]) { w in
                    for (c, cell) in row.enumerated() {
                        guard let cell else { continue }
                        Self.cell(cell, ref: CellReference.name(row: r + 1, column: c + 1), into: &w, strings: &strings)
                    }
                }
            }
        }
        Self.validations(sheet.validations, into: &w)
        w.empty(
            "pageMargins",
            ["left": "0.7", "right": "0.7", "top": "0.75", "bottom": "0.75", "header": "0.3", "footer": "0.3"])
        w.close("worksheet")
        return w.output
    }

    /// The frozen header rows.
    static func views(_ sheet: Sheet, into w: inout XMLWriter) {
        w.element("sheetViews") { w in
            w.element("sheetView", ["workbookViewId": "0"]) { w in
                if sheet.frozenRows > 0 {
                    let topLeft = CellReference.name(row: sheet.frozenRows + 1, column: 1)
                    w.empty(
                        "pane",
                        [
                            "ySplit": String(sheet.frozenRows), "topLeftCell": topLeft, "activePane": "bottomLeft",
                            "state": "frozen",
                        ])
                    w.empty("selection", ["pane": "bottomLeft", "activeCell": topLeft, "sqref": topLeft])
                }
            }
        }
    }

    /// Column widths and default styles.
    static func columns(_ columns: [Column], into w: inout XMLWriter) {
        if !columns.isEmpty {
            w.element("cols") { w in
                for (i, c) in columns.enumerated() {
                    let n = String(i + 1)
                    if let style = c.style {
                        w.empty(
                            "col",
                            [
                                "min": n, "max": n, "width": Self.number(c.width), "style": String(style.rawValue),
                                "customWidth": "1",
                            ])
                    } else {
                        w.empty("col", ["min": n, "max": n, "width": Self.number(c.width), "customWidth": "1"])
                    }
                }
            }
        }
    }

    /// List validations (titles at most 32 characters, messages 255, as Excel requires).
    static func validations(_ validations: [ListValidation], into w: inout XMLWriter) {
        if !validations.isEmpty {
            w.element("dataValidations", ["count": String(validations.count)]) { w in
                for v in validations {
                    // Excel repairs a file whose titles exceed 32 characters or messages 255.
                    let title = String(v.title.prefix(32))
                    let message = String(v.message.prefix(255))
                    w.element(
                        "dataValidation",
                        [
                            "type": "list", "allowBlank": "1", "showInputMessage": "1", "showErrorMessage": "1",
                            "errorTitle": title, "error": message, "promptTitle": title, "prompt": message,
                            "sqref": v.range,
                        ]
                    ) { w in
                        w.element("formula1", text: v.source)
                    }
                }
            }
        }
    }

    static func cell(_ cell: Cell, ref: String, into w: inout XMLWriter, strings: inout SharedStringTable) {
        let s = String(cell.style.rawValue)
        switch cell.value {
        case .text(let t):
            w.element("c", ["r": ref, "s": s, "t": "s"]) { $0.element("v", text: String(strings.index(t))) }
        case .number(let d):
            w.element("c", ["r": ref, "s": s]) { $0.element("v", text: number(d)) }
        case .date(let day):
            w.element("c", ["r": ref, "s": s]) { $0.element("v", text: String(ExcelDate.serial(day))) }
        case .bool(let b):
            w.element("c", ["r": ref, "s": s, "t": "b"]) { $0.element("v", text: b ? "1" : "0") }
        case .formula(let f, let cached):
            w.element("c", ["r": ref, "s": s]) { w in
                w.element("f", text: f)
                w.element("v", text: number(cached))
            }
        }
    }

    /// Numbers as SpreadsheetML writes them: shortest round-trip form, no exponent for integers.
    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    /// Styles: 0 normal, 1 header (bold white on dark blue, wrapped, bordered), 2 date
    /// (dd/mm/yyyy), 3 amount (# ##0,00), 4 integer (# ##0), 5 bold, 6 wrapped text.
    static let styles: String = {
        var w = XMLWriter()
        w.element("styleSheet", ["xmlns": mainNS]) { w in
            w.element("numFmts", ["count": "1"]) {
                $0.empty("numFmt", ["numFmtId": "164", "formatCode": "dd/mm/yyyy"])
            }
            w.element("fonts", ["count": "3"]) { w in
                w.element("font") { w in
                    w.empty("sz", ["val": "11"])
                    w.empty("name", ["val": "Calibri"])
                    w.empty("family", ["val": "2"])
                }
                w.element("font") { w in
                    w.empty("b")
                    w.empty("sz", ["val": "11"])
                    w.empty("color", ["rgb": "FFFFFFFF"])
                    w.empty("name", ["val": "Calibri"])
                    w.empty("family", ["val": "2"])
                }
                w.element("font") { w in
                    w.empty("b")
                    w.empty("sz", ["val": "11"])
                    w.empty("name", ["val": "Calibri"])
                    w.empty("family", ["val": "2"])
                }
            }
            w.element("fills", ["count": "3"]) { w in
                w.element("fill") { $0.empty("patternFill", ["patternType": "none"]) }
                w.element("fill") { $0.empty("patternFill", ["patternType": "gray125"]) }
                w.element("fill") { w in
                    w.element("patternFill", ["patternType": "solid"]) { w in
                        w.empty("fgColor", ["rgb": "FF1F3A68"])
                        w.empty("bgColor", ["indexed": "64"])
                    }
                }
            }
            w.element("borders", ["count": "2"]) { w in
                w.element("border") { w in for side in ["left", "right", "top", "bottom", "diagonal"] { w.empty(side) }
                }
                w.element("border") { w in
                    for side in ["left", "right", "top", "bottom"] {
                        w.element(side, ["style": "thin"]) { $0.empty("color", ["rgb": "FF7F7F7F"]) }
                    }
                    w.empty("diagonal")
                }
            }
            w.element("cellStyleXfs", ["count": "1"]) {
                $0.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
            }
            w.element("cellXfs", ["count": "7"]) { w in
                w.empty("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0"])
                w.element(
                    "xf",
                    [
                        "numFmtId": "0", "fontId": "1", "fillId": "2", "borderId": "1", "xfId": "0", "applyFont": "1",
                        "applyFill": "1", "applyBorder": "1", "applyAlignment": "1",
                    ]
                ) {
                    $0.empty("alignment", ["vertical": "center", "wrapText": "1"])
                }
                w.empty(
                    "xf",
                    [
                        "numFmtId": "164", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0",
                        "applyNumberFormat": "1",
                    ])
                w.empty(
                    "xf",
                    [
                        "numFmtId": "4", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0",
                        "applyNumberFormat": "1",
                    ])
                w.empty(
                    "xf",
                    [
                        "numFmtId": "3", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0",
                        "applyNumberFormat": "1",
                    ])
                w.empty(
                    "xf",
                    ["numFmtId": "0", "fontId": "2", "fillId": "0", "borderId": "0", "xfId": "0", "applyFont": "1"])
                w.element(
                    "xf",
                    [
                        "numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0",
                        "applyAlignment": "1",
                    ]
                ) {
                    $0.empty("alignment", ["vertical": "top", "wrapText": "1"])
                }
            }
            w.element("cellStyles", ["count": "1"]) {
                $0.empty("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])
            }
        }
        return w.output
    }()
}

/// The shared-strings part: each distinct text once, referenced by index.
struct SharedStringTable {
    private var indexes: [String: Int] = [:]
    private var ordered: [String] = []
    private var references = 0

    mutating func index(_ s: String) -> Int {
        references += 1
        if let i = indexes[s] { return i }
        indexes[s] = ordered.count
        ordered.append(s)
        return ordered.count - 1
    }

    func xml() -> String {
        var w = XMLWriter()
        w.element(
            "sst", ["xmlns": XLSXWriter.mainNS, "count": String(references), "uniqueCount": String(ordered.count)]
        ) { w in
            for s in ordered {
                w.element("si") { w in
                    let edge = s.first.map(\.isWhitespace) == true || s.last.map(\.isWhitespace) == true
                    if edge { w.element("t", ["xml:space": "preserve"], text: s) } else { w.element("t", text: s) }
                }
            }
        }
        return w.output
    }
}
