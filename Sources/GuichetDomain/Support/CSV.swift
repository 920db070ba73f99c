/// A small RFC 4180 reader over UTF-8 bytes (quoted fields, doubled quotes, CRLF or LF).
/// The reference files are a few megabytes; reading them field by field from bytes keeps the
/// start-up load well under the 300 ms budget of issue #4.
public struct CSVTable: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public init(text: String) { self.init(bytes: Array(text.utf8)) }

    public init(bytes: [UInt8]) {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var i = 0
        var inQuotes = false
        var fieldWasQuoted = false
        let n = bytes.count
        // Skip a UTF-8 byte-order mark.
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while i < n {
            let b = bytes[i]
            if inQuotes {
                if b == 34 {
                    if i + 1 < n, bytes[i + 1] == 34 { field.append(34); i += 1 } else { inQuotes = false }
                } else { field.append(b) }
            } else {
                switch b {
                case 34 where field.isEmpty && !fieldWasQuoted: inQuotes = true; fieldWasQuoted = true
                case 44: endField()
                case 10:
                    endField()
                    if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
                    row.removeAll(keepingCapacity: true)
                case 13: break
                default: field.append(b)
                }
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { endField(); rows.append(row) }
        header = rows.first ?? []
        self.rows = Array(rows.dropFirst())
    }

    /// Index of a header, for reading by column name.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}

/// Scans CSV rows without making strings: each row's field ranges are handed to `body`, which
/// converts only the fields it needs (`CSVScanner.string`). Used for the large reference files.
public enum CSVScanner {
    /// - Parameter body: row number (0 = header), field ranges (quotes excluded), the bytes.
    public static func scan(_ bytes: [UInt8], _ body: (Int, [Range<Int>], UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { b in
            var fields: [Range<Int>] = []
            fields.reserveCapacity(16)
            var i = 0, row = 0
            let n = b.count
            if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
            while i < n {
                fields.removeAll(keepingCapacity: true)
                var lineEnded = false
                while !lineEnded {
                    if i < n, b[i] == 0x22 { // quoted field
                        let start = i + 1
                        i += 1
                        while i < n { if b[i] == 0x22 { if i + 1 < n, b[i + 1] == 0x22 { i += 2; continue }; break }; i += 1 }
                        fields.append(start..<min(i, n))
                        i += 1
                        while i < n, b[i] != 0x2C, b[i] != 0x0A { i += 1 }
                    } else {
                        let start = i
                        while i < n, b[i] != 0x2C, b[i] != 0x0A { i += 1 }
                        var end = i
                        if end > start, b[end - 1] == 0x0D { end -= 1 }
                        fields.append(start..<end)
                    }
                    if i >= n || b[i] == 0x0A { lineEnded = true }
                    i += 1
                }
                if !(fields.count == 1 && fields[0].isEmpty) { try body(row, fields, b); row += 1 }
            }
        }
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
