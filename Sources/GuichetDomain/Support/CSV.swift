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
