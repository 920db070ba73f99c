/// A JSON document with object keys kept in order. The contract APIs need to tell integers from
/// decimals and booleans, list every problem with its path and answer with a stable key order;
/// a small value type and parser (`JSONParser`) do that directly.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's text as written (`12`, `-3.5`, `1e3`), interpreted by the reader.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count
                && zip(x.members, y.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public static func int(_ v: Int64) -> JSONValue { .number(String(v)) }
    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object.members.first { $0.key == key }?.value }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// A string's text, or a number as written: what a page shows of a scalar.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        default: return nil
        }
    }

    /// An integer when the number is written without fraction or exponent and fits in Int64.
    public var int64: Int64? {
        if case .number(let text) = self { return Int64(text) }
        return nil
    }

    /// An integer when the number's value is one, however written (`12`, `12.0`, `1.2e1`): JSON
    /// Schema's `integer` (issue #9: the API accepts what its OpenAPI document says). Exact:
    /// decided on the digits, never through a `Double`.
    public var integral: Int64? {
        guard case .number(let text) = self else { return nil }
        if let plain = Int64(text) { return plain }
        return JSONValue.exactInteger(text)
    }

    static func exactInteger(_ text: String) -> Int64? {
        var u = Substring(text)
        let negative = u.first == "-"
        if negative { u = u.dropFirst() }
        let mantissaEnd = u.firstIndex { $0 == "e" || $0 == "E" } ?? u.endIndex
        var exponent = 0
        if mantissaEnd < u.endIndex {
            guard let e = Int(u[u.index(after: mantissaEnd)...].drop { $0 == "+" }), abs(e) <= 40 else { return nil }
            exponent = e
        }
        let mantissa = u[..<mantissaEnd]
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return nil }
        var digits = String(parts[0]) + (parts.count == 2 ? String(parts[1]) : "")
        exponent -= parts.count == 2 ? parts[1].count : 0
        while exponent < 0, digits.last == "0" {
            digits.removeLast()
            exponent += 1
        }
        guard exponent >= 0, digits.count + exponent <= 19 else { return digits.allSatisfy { $0 == "0" } ? 0 : nil }
        guard let value = Int64(digits + String(repeating: "0", count: exponent)) else { return nil }
        return negative ? -value : value
    }
}

/// The members of a JSON object, in order. Written and read as `(name, value)` pairs (array
/// literals of pairs build one); kept as structs, which the runtime copies and frees far faster
/// than tuples (issue #9: the request decoder's budget is 5 µs).
public struct JSONObject: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public struct Member: Sendable {
        public let key: String
        public let value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var members: [Member]

    public init(_ pairs: [(String, JSONValue)]) {
        members = pairs.map { Member(key: $0.0, value: $0.1) }
    }

    public init(arrayLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    init(capacity: Int) {
        members = []
        members.reserveCapacity(capacity)
    }

    mutating func append(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> (String, JSONValue) { (members[position].key, members[position].value) }
}
