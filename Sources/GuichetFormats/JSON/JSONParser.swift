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

    /// Above this many members, an object checks duplicate names with a table of name hashes
    /// (`NameTable`) instead of a scan.
    private static let linearDuplicateScan = 16

    /// The input, read in place for the duration of `parse` only. Every read is at an index
    /// checked against `count` first (`current`, or an explicit bound).
    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private let limits: Limits
    private let names: KnownNames?
    private var i = 0
    private var values = 0
    /// The index in `names` of the last name read, when it is a known one.
    private var knownIndex: Int?

    /// - Parameter names: field names the caller expects; a name of the input equal to one of
    ///   them is that very `String` (no copy, and comparisons with it are immediate).
    public static func parse(
        _ bytes: [UInt8], limits: Limits = .standard, names: KnownNames? = nil
    ) throws(Failure) -> JSONValue {
        let result: Result<JSONValue, Failure> = bytes.withUnsafeBufferPointer { buffer in
            var p = JSONParser(bytes: buffer, limits: limits, names: names)
            do throws(Failure) {
                p.skipSpace()
                let v = try p.value(depth: 0)
                p.skipSpace()
                guard p.i == p.count else { throw p.fail("contenu après la fin du document") }
                return .success(v)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(Failure) -> JSONValue { try parse(Array(text.utf8)) }

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: Limits, names: KnownNames?) {
        self.bytes = bytes
        self.count = bytes.count
        self.limits = limits
        self.names = names
    }

    private func fail(_ reason: String) -> Failure { Failure(offset: i, reason: reason) }

    /// The byte at the cursor, or nil at the end.
    private var current: UInt8? { i < count ? bytes[i] : nil }

    private mutating func skipSpace() {
        while i < count {
            let b = bytes[i]
            if b == 0x20, i + 8 <= count, let base = bytes.baseAddress {
                // Indentation: the run of spaces in the next eight bytes, skipped at once.
                // Little-endian order, so that the first byte is the lowest one on every platform.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let others = word ^ 0x2020_2020_2020_2020
                i += others == 0 ? 8 : others.trailingZeroBitCount / 8
                continue
            }
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard depth < limits.maxDepth else {
            throw fail("imbrication trop profonde (\(limits.maxDepth) niveaux au plus)")
        }
        values += 1
        guard values <= limits.maxValues else {
            throw fail("document trop grand (\(limits.maxValues) valeurs au plus)")
        }
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
        let length = word.utf8CodeUnitCount
        guard i + length <= count else { throw fail("mot inconnu") }
        let matches = word.withUTF8Buffer { w in
            var k = 0
            while k < length, bytes[i + k] == w[k] { k += 1 }
            return k == length
        }
        guard matches else { throw fail("mot inconnu") }
        i += length
    }

    private mutating func expect(_ byte: UInt8, _ reason: String) throws(Failure) {
        guard current == byte else { throw fail(reason) }
        i += 1
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        i += 1
        var pairs = JSONObject(capacity: 16)
        var names = NameTable()
        var seenKnown: UInt64 = 0
        skipSpace()
        if current == UInt8(ascii: "}") {
            i += 1
            return .object(pairs)
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw fail("nom de champ attendu") }
            let keyOffset = i
            knownIndex = nil
            let key = try string(name: true)
            let known = knownIndex
            skipSpace()
            try expect(UInt8(ascii: ":"), "« : » attendu")
            skipSpace()
            let v = try value(depth: depth + 1)
            guard pairs.count < limits.maxMembersPerObject else {
                throw Failure(
                    offset: keyOffset, reason: "objet trop grand (\(limits.maxMembersPerObject) champs au plus)")
            }
            if let known, known < 64 {
                // A known name: one bit per name says whether the object already has it.
                let bit: UInt64 = 1 << UInt64(known)
                if seenKnown & bit != 0 { throw Failure(offset: keyOffset, reason: "champ « \(key) » en double") }
                seenKnown |= bit
            } else if isDuplicate(key, in: pairs, names: &names) {
                throw Failure(offset: keyOffset, reason: "champ « \(key) » en double")
            }
            pairs.append(key, v)
            skipSpace()
            guard let b = current else { throw fail("fin inattendue") }
            i += 1
            if b == UInt8(ascii: ",") { continue }
            if b == UInt8(ascii: "}") { return .object(pairs) }
            i -= 1
            throw fail("« , » ou « } » attendu")
        }
    }

    /// A scan while the object is small, a table of name hashes once it grows: linear overall.
    private func isDuplicate(_ key: String, in pairs: JSONObject, names: inout NameTable) -> Bool {
        if pairs.count < Self.linearDuplicateScan {
            let length = key.utf8.count
            return pairs.members.contains { $0.key.utf8.count == length && $0.key == key }
        }
        if names.isEmpty {
            for (index, member) in pairs.members.enumerated() { _ = names.insert(member.key, at: index, in: pairs) }
        }
        return !names.insert(key, at: pairs.count, in: pairs)
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        items.reserveCapacity(4)
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
        while i < count, (48...57).contains(bytes[i]) { i += 1 }
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
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
    }

    /// A string: the common case (no escape) becomes a `String` straight from the input bytes.
    private mutating func string(name: Bool = false) throws(Failure) -> String {
        i += 1
        let start = i
        var seen: UInt8 = 0
        skipPlainWords()
        while i < count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { break }
            guard b >= 0x20 else { throw fail("caractère de contrôle dans une chaîne") }
            seen |= b
            i += 1
        }
        guard let b = current else { throw fail("chaîne non terminée") }
        if b == UInt8(ascii: "\"") {
            i += 1
            let text = UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)])
            if name, let names, let known = names.lookup(text) {
                knownIndex = known.index
                return known.name
            }
            // ASCII (the common case) needs no validation; anything else is validated.
            if seen < 0x80 { return String(decoding: text, as: UTF8.self) }
            guard let s = String(validating: text, as: UTF8.self) else { throw fail("UTF-8 invalide") }
            return s
        }
        var out = Array(bytes[start..<i])
        try escapedTail(into: &out)
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("UTF-8 invalide") }
        return s
    }

    /// Skips 8 bytes at a time while none is a quote, a backslash, a control character or
    /// outside ASCII: most of a string's bytes in one test per word.
    private mutating func skipPlainWords() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let hasQuote = (quote &- ones) & ~quote & highs
            let hasBackslash = (backslash &- ones) & ~backslash & highs
            let hasControl = (word &- ones &* 0x20) & ~word & highs
            guard hasQuote | hasBackslash | hasControl | (word & highs) == 0 else { return }
            i += 8
        }
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
            guard i + 1 < count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
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
        guard i + 4 <= count else { throw fail("échappement \\u incomplet") }
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

/// The names of one large object, by FNV-1a hash in an open-addressing table: a duplicate is
/// found in constant time, strings compared only when hashes meet.
private struct NameTable {
    private var slots: [(hash: UInt64, index: Int)] = []
    private var count = 0

    var isEmpty: Bool { count == 0 }

    /// Adds `name` (the member at `index` of `pairs`); false when the object already has it.
    mutating func insert(_ name: String, at index: Int, in pairs: JSONObject) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(name)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot].index >= 0 {
            if slots[slot].hash == hash, pairs.members[slots[slot].index].key == name { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = (hash, index)
        count += 1
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (0, -1), count: max(64, old.count * 2))
        count = 0
        for entry in old where entry.index >= 0 {
            var slot = Int(truncatingIfNeeded: entry.hash) & (slots.count - 1)
            while slots[slot].index >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = entry
            count += 1
        }
    }

    static func hash(_ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01b3
        }
        return h
    }
}

/// Field names a decoder expects, found by their bytes (`JSONParser.parse(_:limits:names:)`).
public struct KnownNames: Sendable {
    private struct Entry: Sendable {
        let bytes: [UInt8]
        let name: String
        let index: Int
        /// The first eight bytes (zero-padded), compared before the rest.
        let prefix: UInt64
    }

    /// Names by length in bytes.
    private let byLength: [[Entry]]

    public init(_ names: [String]) {
        var table = Array(repeating: [Entry](), count: (names.map(\.utf8.count).max() ?? 0) + 1)
        for (index, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            table[bytes.count].append(
                Entry(bytes: bytes, name: name, index: index, prefix: Self.prefix(bytes.withUnsafeBufferPointer { $0 }))
            )
        }
        byLength = table
    }

    static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.count >= 8, let base = bytes.baseAddress {
            return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
        }
        var value: UInt64 = 0
        for k in 0..<min(8, bytes.count) { value |= UInt64(bytes[k]) << UInt64(8 * k) }
        return value
    }

    func lookup(_ text: UnsafeBufferPointer<UInt8>) -> (name: String, index: Int)? {
        guard text.count < byLength.count else { return nil }
        let head = Self.prefix(text)
        for entry in byLength[text.count] where entry.prefix == head {
            let same = entry.bytes.withUnsafeBufferPointer { known in
                var k = 8
                while k < known.count, known[k] == text[k] { k += 1 }
                return k >= known.count
            }
            if same { return (entry.name, entry.index) }
        }
        return nil
    }
}
