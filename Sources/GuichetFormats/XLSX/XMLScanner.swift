import Foundation

/// A forward-only scanner over the bytes of a SpreadsheetML part. Worksheets and shared strings
/// are large and regular: reading them as bytes is an order of magnitude faster than an event
/// parser. DOCTYPE and entity declarations are refused before (`XLSXReader`).
struct XMLScanner {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    /// Moves to the next `<`; returns false at the end.
    mutating func nextTag() -> Bool {
        while i < b.count, b[i] != 0x3C { i += 1 }
        return i < b.count
    }

    /// At `<`: is the tag name `name` (followed by space, `>` or `/`)?
    func isTag(_ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        guard i + 1 + n < b.count else { return false }
        for k in 0..<n where b[i + 1 + k] != name.utf8Start[k] { return false }
        let after = b[i + 1 + n]
        return after == 0x20 || after == 0x3E || after == 0x2F || after == 0x0A || after == 0x0D || after == 0x09
    }

    /// One step through a tag's attributes: an attribute (name and value byte ranges), or the
    /// end of the tag (the scanner then past its `>`).
    enum AttributeStep {
        case attribute(name: Range<Int>, value: Range<Int>)
        case end(selfClosing: Bool)
    }

    /// At `<`: moves past the tag's name, to its first attribute.
    mutating func skipTagName() {
        while i < b.count, b[i] != 0x20, b[i] != 0x3E, b[i] != 0x2F { i += 1 }
    }

    mutating func nextAttribute() -> AttributeStep {
        while i < b.count {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
            guard i < b.count else { break }
            if b[i] == 0x3E {
                i += 1
                return .end(selfClosing: false)
            }
            if b[i] == 0x2F {
                i += 2
                return .end(selfClosing: true)
            }
            let nameStart = i
            while i < b.count, b[i] != 0x3D, b[i] != 0x20, b[i] != 0x3E { i += 1 }
            let nameEnd = i
            guard i < b.count, b[i] == 0x3D else { continue }
            i += 1
            guard i < b.count else { break }
            let quote = b[i]
            i += 1
            let valueStart = i
            while i < b.count, b[i] != quote { i += 1 }
            let valueEnd = i
            i += 1
            return .attribute(name: nameStart..<nameEnd, value: valueStart..<valueEnd)
        }
        return .end(selfClosing: false)
    }

    /// Reads the attributes of the tag at `<` and moves past its `>`; tells whether it self-closes.
    mutating func attributes(_ wanted: [StaticString]) -> (values: [String?], selfClosing: Bool) {
        var values = [String?](repeating: nil, count: wanted.count)
        skipTagName()
        while true {
            switch nextAttribute() {
            case .end(let selfClosing): return (values, selfClosing)
            case .attribute(let name, let value):
                for (k, w) in wanted.enumerated() where values[k] == nil && equals(name, w) {
                    values[k] = Self.decode(b, value)
                }
            }
        }
    }

    /// Whether the bytes in `range` spell `name`.
    @inline(__always)
    func equals(_ range: Range<Int>, _ name: StaticString) -> Bool {
        guard range.count == name.utf8CodeUnitCount else { return false }
        for m in 0..<range.count where b[range.lowerBound + m] != name.utf8Start[m] { return false }
        return true
    }

    /// The kinds of cell (`t` attribute of `<c>`).
    enum CellType: UInt8 { case number, shared, inline, formulaString, bool, error }

    /// Reads the attributes of a `<c>` tag without making strings (it runs for every cell):
    /// reference `r` as row and column, type `t`, style `s`; moves past its `>`.
    mutating func cellAttributes() -> (row: Int, column: Int, type: CellType, style: Int, selfClosing: Bool) {
        var row = 0
        var column = 0
        var type = CellType.number
        var style = 0
        skipTagName()
        while true {
            let step = nextAttribute()
            guard case .attribute(let name, let value) = step else {
                if case .end(let selfClosing) = step { return (row, column, type, style, selfClosing) }
                return (row, column, type, style, false)
            }
            guard name.count == 1 else { continue }
            switch b[name.lowerBound] {
            case 0x72:  // r: letters then digits
                var k = value.lowerBound
                // Bounded while reading: a damaged reference never overflows.
                while k < value.upperBound, column <= 16_384,
                    (0x41...0x5A).contains(b[k]) || (0x61...0x7A).contains(b[k])
                {
                    column = column * 26 + Int((b[k] | 0x20) - 0x60)
                    k += 1
                }
                while k < value.upperBound, row <= 1_048_576, (0x30...0x39).contains(b[k]) {
                    row = row * 10 + Int(b[k] - 0x30)
                    k += 1
                }
                if k != value.upperBound || column > 16_384 || row > 1_048_576 {
                    row = 0
                    column = 0
                }
            case 0x74:  // t
                switch (value.count, value.isEmpty ? 0 : b[value.lowerBound]) {
                case (1, 0x73): type = .shared
                case (1, 0x62): type = .bool
                case (1, 0x65): type = .error
                case (3, 0x73): type = .formulaString
                case (9, 0x69): type = .inline
                default: type = .number
                }
            case 0x73:  // s
                var v = 0
                var k = value.lowerBound
                while k < value.upperBound, (0x30...0x39).contains(b[k]), v < 1_000_000 {
                    v = v * 10 + Int(b[k] - 0x30)
                    k += 1
                }
                style = v
            default: break
            }
        }
    }

    /// Text up to the next `<` (entities decoded), the scanner left at that `<`.
    mutating func text() -> String {
        let start = i
        while i < b.count, b[i] != 0x3C { i += 1 }
        return Self.decode(b, start..<i)
    }

    /// A non-negative integer up to the next `<` (a shared-string index); -1 when it is not one.
    mutating func integerText() -> Int {
        var v = 0
        var digits = 0
        while i < b.count, b[i] != 0x3C {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 && v < 100_000_000 {
                v = v * 10 + Int(c - 0x30)
                digits += 1
            } else if c != 0x20 && c != 0x0A && c != 0x0D && c != 0x09 {
                digits = -1_000
            }
            i += 1
        }
        return digits > 0 ? v : -1
    }

    /// Moves past the `>` that ends the current tag.
    @inline(__always)
    mutating func skipPastTagEnd() {
        while i < b.count, b[i] != 0x3E { i += 1 }
        i += 1
    }

    /// At `<` of `</name>`: moves past its `>` and says so; anywhere else, moves nothing.
    @inline(__always)
    mutating func closes(_ name: StaticString) -> Bool {
        var end = self
        end.i = i + 1
        guard end.isTag(name) else { return false }
        skipPastTagEnd()
        return true
    }

    /// Skips past the closing tag `</name>`.
    mutating func skip(past name: StaticString) {
        while nextTag() {
            if i + 1 < b.count, b[i + 1] == 0x2F, closes(name) { return }
            i += 1
        }
    }

    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: b[r])
        guard slice.contains(0x26) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = 0
        while k < slice.count {
            guard slice[k] == 0x26, let semi = slice[k...].firstIndex(of: 0x3B), semi - k <= 10 else {
                out.append(slice[k])
                k += 1
                continue
            }
            let entity = String(decoding: UnsafeBufferPointer(rebasing: slice[(k + 1)..<semi]), as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch entity {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if entity.hasPrefix("#x") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                k = semi + 1
            } else {
                out.append(slice[k])
                k += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
