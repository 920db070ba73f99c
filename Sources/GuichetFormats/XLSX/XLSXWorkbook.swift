import GuichetDomain

/// A workbook as read from an `.xlsx` file: sheets in order, cells by reference, values typed
/// by the cell type and the cell's number format (dates).
public struct XLSXWorkbook: Sendable {
    public struct Sheet: Sendable {
        public let name: String
        /// Row number (1-based) → column number (1-based) → value. Sparse.
        public let rows: [Int: [Int: XLSXValue]]
        /// Merged ranges as written (`A1:C1`).
        public let merged: [String]
        public var maxRow: Int { rows.keys.max() ?? 0 }
        public func value(row: Int, column: Int) -> XLSXValue? { rows[row]?[column] }
    }
    public let sheets: [Sheet]
    /// The workbook uses the 1904 date system (old Mac Excel).
    public let date1904: Bool
    public func sheet(named name: String) -> Sheet? { sheets.first { $0.name == name } }
}

/// A cell's value.
public enum XLSXValue: Sendable, Equatable {
    case text(String)
    /// A number as written in the file, and its value.
    case number(Double)
    case bool(Bool)
    /// A number formatted as a date: the serial, already converted with the workbook's system.
    case date(Day)
    /// `#N/A`, `#DIV/0!`…
    case error(String)

    /// The value as the text a person sees (for error messages).
    public var display: String {
        switch self {
        case .text(let s): return s
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .bool(let b): return b ? "VRAI" : "FAUX"
        case .date(let day): return day.french
        case .error(let e): return e
        }
    }
}

/// Cell references: `F12` ↔ (row 12, column 6).
public enum CellReference {
    public static func parse(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var sawDigit = false
        for u in ref.utf8 {
            switch u {
            case 65...90 where !sawDigit: column = column * 26 + Int(u - 64)
            case 97...122 where !sawDigit: column = column * 26 + Int(u - 96)
            case 48...57:
                row = row * 10 + Int(u - 48)
                sawDigit = true
            case 36: continue  // "$"
            default: return nil
            }
            if column > 16_384 || row > 1_048_576 { return nil }
        }
        return column > 0 && row > 0 ? (row, column) : nil
    }

    public static func name(row: Int, column: Int) -> String { columnName(column) + String(row) }

    public static func columnName(_ column: Int) -> String {
        var c = column
        var out: [UInt8] = []
        while c > 0 {
            let r = (c - 1) % 26
            out.insert(UInt8(65 + r), at: 0)
            c = (c - 1) / 26
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Excel date serials: days since 1899-12-30 (1900 system, which counts the fictitious
/// 29 February 1900, hence the epoch one day early), or since 1904-01-01.
public enum ExcelDate {
    static let epoch1900 = Day(year: 1899, month: 12, day: 30)!.ordinal
    static let epoch1904 = Day(year: 1904, month: 1, day: 1)!.ordinal

    public static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var whole = Int(serial.rounded(.down))
        if !date1904 && whole < 61 { whole += 1 }  // serials before 1 March 1900 (the phantom 29 Feb)
        return Day(ordinal: (date1904 ? epoch1904 : epoch1900) + whole)
    }

    public static func serial(_ day: Day, date1904: Bool = false) -> Int {
        day.ordinal - (date1904 ? epoch1904 : epoch1900)
    }
}
