/// A strict RFC 8259 parser over UTF-8 bytes (issue #9): one pass over the input, so its time is
/// linear in the input's size whatever its shape, with explicit bounds (`Limits`) on nesting,
/// on the members of one object and on the values of the whole document. Every bound broken is
/// a `Failure` with a French reason (a 422 for the API), never a trap.
public struct JSONParser {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "JSON invalide à l'octet \(offset) : \(reason)" }
    }

    /// What a document may hold. The contract's objects have at most 20 fields; these bounds
    /// leave room for any honest request and keep the worst one cheap.
    public struct Limits: Sendable {
        public var maxDepth: Int
        public var maxMembersPerObject: Int
        public var maxValues: Int

        public init(maxDepth: Int = 64, maxMembersPerObject: Int = 100, maxValues: Int = 100_000) {
            self.maxDepth = maxDepth
            self.maxMembersPerObject = maxMembersPerObject
            self.maxValues = maxValues
        }

        /// What comes from outside (API requests, files sent by a person).
        public static let standard = Limits()
        /// What the platform wrote itself (stored check results, parameters): only the nesting bound.
        public static let platformData = Limits(maxMembersPerObject: .max, maxValues: .max)
    }

    /// Above this many members, an object checks duplicate names with a set instead of a scan.
    private static let linearDuplicateScan = 12

    private let bytes: [UInt8]
    private let limits: Limits
    private var i = 0
    private var values = 0

    public static func parse(_ bytes: [UInt8], limits: Limits = .standard) throws(Failure) -> JSONValue {
        var p = JSONParser(bytes: bytes, limits: limits)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == bytes.count else { throw p.fail("contenu après la fin du document") }
        return v
    }

    public static func parse(_ text: String) throws(Failure) -> JSONValue { try parse(Array(text.utf8)) }

    private init(bytes: [UInt8], limits: Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    private func fail(_ reason: String) -> Failure { Failure(offset: i, reason: reason) }

    /// The byte at the cursor, or nil at the end.
    private var current: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipSpace() {
        while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth < limits.maxDepth else { throw fail("imbrication trop profonde (\(limits.maxDepth) niveaux au plus)") }
        values += 1
        guard values <= limits.maxValues else { throw fail("document trop grand (\(limits.maxValues) valeurs au plus)") }
        guard let b = current else { throw fail("fin inattendue") }
        switch b {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("caractère inattendu")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count else { throw fail("mot inconnu") }
        let matches = word.withUTF8Buffer { w in bytes[i..<(i + count)].elementsEqual(w) }
        guard matches else { throw fail("mot inconnu") }
        i += count
    }

    private mutating func expect(_ byte: UInt8, _ reason: String) throws(Failure) {
        guard current == byte else { throw fail(reason) }
        i += 1
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        i += 1
        var pairs: [(String, JSONValue)] = []
        var names: Set<String> = []
        skipSpace()
        if current == UInt8(ascii: "}") {
            i += 1
            return .object(pairs)
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw fail("nom de champ attendu") }
            let keyOffset = i
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"), "« : » attendu")
            skipSpace()
            let v = try value(depth: depth + 1)
            guard pairs.count < limits.maxMembersPerObject else {
                throw Failure(offset: keyOffset, reason: "objet trop grand (\(limits.maxMembersPerObject) champs au plus)")
            }
            if try isDuplicate(key, in: pairs, names: &names) {
                throw Failure(offset: keyOffset, reason: "champ « \(key) » en double")
            }
            pairs.append((key, v))
            skipSpace()
            guard let b = current else { throw fail("fin inattendue") }
            i += 1
            if b == UInt8(ascii: ",") { continue }
            if b == UInt8(ascii: "}") { return .object(pairs) }
            i -= 1
            throw fail("« , » ou « } » attendu")
        }
    }

    /// A scan while the object is small, a set of names once it grows: linear overall.
    private func isDuplicate(_ key: String, in pairs: [(String, JSONValue)], names: inout Set<String>) throws(Failure) -> Bool {
        if pairs.count < Self.linearDuplicateScan { return pairs.contains { $0.0 == key } }
        if names.isEmpty { names = Set(pairs.map(\.0)) }
        return !names.insert(key).inserted
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            i += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard let b = current else { throw fail("fin inattendue") }
            i += 1
            if b == UInt8(ascii: ",") { continue }
            if b == UInt8(ascii: "]") { return .array(items) }
            i -= 1
            throw fail("« , » ou « ] » attendu")
        }
    }

    private mutating func digits() -> Int {
        let start = i
        while let b = current, (48...57).contains(b) { i += 1 }
        return i - start
    }

    private mutating func number() throws(Failure) -> JSONValue {
        let start = i
        if current == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let n = digits()
        guard n > 0 else { throw fail("chiffre attendu") }
        if n > 1, bytes[intStart] == 48 { throw fail("zéro initial interdit") }
        if current == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw fail("chiffre attendu après la virgule") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            i += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw fail("exposant incomplet") }
        }
        return .number(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    /// A string: the common case (no escape) becomes a `String` straight from the input bytes.
    private mutating func string() throws(Failure) -> String {
        i += 1
        let start = i
        while let b = current, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") {
            guard b >= 0x20 else { throw fail("caractère de contrôle dans une chaîne") }
            i += 1
        }
        guard let b = current else { throw fail("chaîne non terminée") }
        if b == UInt8(ascii: "\"") {
            i += 1
            guard let s = String(validating: bytes[start..<(i - 1)], as: UTF8.self) else { throw fail("UTF-8 invalide") }
            return s
        }
        var out = Array(bytes[start..<i])
        try escapedTail(into: &out)
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("UTF-8 invalide") }
        return s
    }

    /// The rest of a string that holds escapes, from the first backslash to the closing quote.
    private mutating func escapedTail(into out: inout [UInt8]) throws(Failure) {
        while true {
            guard let b = current else { throw fail("chaîne non terminée") }
            if b == UInt8(ascii: "\"") {
                i += 1
                return
            }
            guard b >= 0x20 else { throw fail("caractère de contrôle dans une chaîne") }
            i += 1
            if b != UInt8(ascii: "\\") {
                out.append(b)
                continue
            }
            guard let e = current else { throw fail("échappement incomplet") }
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"): try unicodeEscape(into: &out)
            default: throw fail("échappement inconnu")
            }
        }
    }

    private mutating func unicodeEscape(into out: inout [UInt8]) throws(Failure) {
        var scalar = try hex4()
        if (0xD800...0xDBFF).contains(scalar) {
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                throw fail("demi-caractère UTF-16 isolé")
            }
            i += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("demi-caractère UTF-16 isolé") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw fail("demi-caractère UTF-16 isolé")
        }
        guard let u = Unicode.Scalar(scalar) else { throw fail("caractère invalide") }
        UTF8.encode(u) { out.append($0) }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("échappement \\u incomplet") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: throw fail("chiffre hexadécimal attendu")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
