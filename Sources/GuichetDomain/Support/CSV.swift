/// A small CSV table (header and rows of strings) for the small reference files; read by
/// `CSVScanner`, the one CSV reader of the project (RFC 4180: quoted fields, doubled quotes,
/// CRLF or LF, byte-order mark).
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public init(text: String) { self.init(bytes: Array(text.utf8)) }

    public init(bytes: [UInt8]) {
        var all: [[String]] = []
        CSVScanner.scan(bytes) { _, fields, b in all.append(fields.map { CSVScanner.string($0, b) }) }
        header = all.first ?? []
        rows = Array(all.dropFirst())
    }

    /// Index of a header, for reading by column name.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}

/// Scans CSV rows without making strings: each row's field ranges are handed to `body`, which
/// converts only the fields it needs (`CSVScanner.string`). Used for the large reference files.
public enum CSVScanner {
    /// - Parameter body: row number (0 = header), field ranges (quotes excluded), the bytes.
    public static func scan(
        _ bytes: [UInt8], _ body: (Int, [Range<Int>], UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        try bytes.withUnsafeBufferPointer { b in
            var fields: [Range<Int>] = []
            fields.reserveCapacity(16)
            var i = 0
            var row = 0
            let n = b.count
            if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
            while i < n {
                fields.removeAll(keepingCapacity: true)
                var lineEnded = false
                while !lineEnded {
                    fields.append(field(b, from: &i))
                    if i >= n || b[i] == 0x0A { lineEnded = true }
                    i += 1
                }
                if !(fields.count == 1 && fields[0].isEmpty) {
                    try body(row, fields, b)
                    row += 1
                }
            }
        }
    }

    /// One field from `i` (quoted or not), leaving `i` on the comma or newline that ends it.
    @inline(__always)
    static func field(_ b: UnsafeBufferPointer<UInt8>, from i: inout Int) -> Range<Int> {
        let n = b.count
        guard i < n, b[i] == 0x22 else {
            let start = i
            while i < n, b[i] != 0x2C, b[i] != 0x0A { i += 1 }
            var end = i
            if end > start, b[end - 1] == 0x0D { end -= 1 }
            return start..<end
        }
        let start = i + 1
        i = closingQuote(b, from: start)
        let range = start..<min(i, n)
        i += 1
        while i < n, b[i] != 0x2C, b[i] != 0x0A { i += 1 }
        return range
    }

    /// The quote that closes a quoted field (a doubled quote is part of the text), or the end.
    @inline(__always)
    static func closingQuote(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < b.count {
            if b[i] == 0x22 {
                if i + 1 < b.count, b[i + 1] == 0x22 {
                    i += 2
                    continue
                }
                return i
            }
            i += 1
        }
        return b.count
    }

    /// The text of a field (doubled quotes of a quoted field are undone).
    public static func string(_ r: Range<Int>, _ b: UnsafeBufferPointer<UInt8>) -> String {
        let slice = UnsafeBufferPointer(rebasing: b[r])
        guard slice.contains(0x22) else { return String(decoding: slice, as: UTF8.self) }
        // Undo doubled quotes.
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = 0
        while k < slice.count {
            out.append(slice[k])
            k += slice[k] == 0x22 && k + 1 < slice.count && slice[k + 1] == 0x22 ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func equals(_ r: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ ascii: StaticString) -> Bool {
        guard r.count == ascii.utf8CodeUnitCount else { return false }
        for k in 0..<r.count where b[r.lowerBound + k] != ascii.utf8Start[k] { return false }
        return true
    }
}

/// CSV as French spreadsheets open it: `;` between cells, CRLF, quotes where needed, and a cell
/// that would start a formula (`=`, `+`, `-`, `@`) prefixed with `'`.
public enum CSVWriter {
    public static let byteOrderMark = "\u{FEFF}"

    public static func cell(_ s: String) -> String {
        let needs = s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        let safe = s.first.map { "=+-@".contains($0) } == true ? "'" + s : s
        return needs ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
    }

    public static func line(_ cells: [String]) -> String { cells.map(cell).joined(separator: ";") + "\r\n" }
}
