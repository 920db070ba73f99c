import GuichetDomain

/// One problem of a request, with the dotted path of the field (`applicant.household_size`).
public struct FieldError: Sendable, Equatable {
    public let field: String
    public let message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Reads the fields of a JSON object, collecting every problem instead of stopping at the first
/// one, and rejecting fields it was not asked about (the contract's "unknown fields are rejected").
public struct ObjectReader {
    /// The path given to the reader of the document (usually empty). A nested object's reader
    /// records its problems relative to itself, and its parent prefixes them with the field's
    /// name when it takes them (`object`, `objects`): paths are spelled out only when there is a
    /// problem, and reading nested objects allocates nothing for them (issue #9: the contract's
    /// example decoded in 4,5 µs rather than 5,4 µs).
    private let prefix: String
    public var path: String { prefix }
    private let pairs: JSONObject
    /// Which fields were read: a bit per field for the first 128 (no allocation; the parser
    /// bounds a request's objects at 100 fields), an array beyond (the platform's own data).
    private var askedLow: UInt64 = 0
    private var askedHigh: UInt64 = 0
    private var askedBeyond: [Bool] = []
    /// Just after the member found last (`index(of:)`).
    private var cursor = 0
    public private(set) var errors: [FieldError] = []

    /// The largest amount accepted: one billion euros, in cents (keeps every sum far from overflow).
    public static let maxCents: Int64 = 100_000_000_000

    /// Nil (with an error recorded by the caller) when `value` is not an object.
    public init?(_ value: JSONValue, path: String) {
        guard case .object(let pairs) = value else { return nil }
        self.pairs = pairs
        self.prefix = path
        if pairs.count > 128 { askedBeyond = Array(repeating: false, count: pairs.count - 128) }
    }

    public func field(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    /// A nested reader's problems, under `field` (`plan.loan`, `plan.companies[2]`).
    private mutating func take(_ nested: [FieldError], under field: String) {
        errors.reserveCapacity(errors.count + nested.count)
        for e in nested {
            errors.append(FieldError(field: e.field.isEmpty ? field : field + "." + e.field, message: e.message))
        }
    }

    public mutating func error(_ key: String, _ message: String) {
        errors.append(FieldError(field: field(key), message: message))
    }
    public mutating func absorb(_ other: [FieldError]) { errors += other }

    /// The raw value; `nil` when absent or JSON `null`.
    public mutating func raw(_ key: String) -> JSONValue? {
        guard let index = index(of: key) else { return nil }
        markAsked(index)
        let v = pairs.members[index].value
        if case .null = v { return nil }
        return v
    }

    /// Where `key` is among the members. Decoders ask in the order documents usually list their
    /// fields, so the search starts after the member found last and mostly ends at once.
    private mutating func index(of key: String) -> Int? {
        let members = pairs.members
        let n = members.count
        guard n > 0 else { return nil }
        let length = key.utf8.count
        var k = cursor < n ? cursor : 0
        for _ in 0..<n {
            if members[k].key.utf8.count == length && members[k].key == key {
                cursor = k + 1
                return k
            }
            k = k + 1 == n ? 0 : k + 1
        }
        return nil
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let v = raw(key) else { return nil }
        if case .bool(let b) = v { return b }
        error(key, "doit valoir true ou false")
        return nil
    }

    public mutating func string(_ key: String) -> String? {
        guard let v = raw(key) else { return nil }
        if case .string(let s) = v { return s }
        error(key, "doit être une chaîne de caractères")
        return nil
    }

    public mutating func int(_ key: String, min: Int64 = .min, max: Int64 = .max, rule: String? = nil) -> Int64? {
        guard let v = raw(key) else { return nil }
        guard case .number = v, let n = v.integral else {
            error(key, "doit être un nombre entier")
            return nil
        }
        if n < min {
            error(key, rule ?? "doit être supérieur ou égal à \(min)")
            return nil
        }
        if n > max {
            error(key, rule ?? "doit être inférieur ou égal à \(max)")
            return nil
        }
        return n
    }

    /// An amount in euro cents: integer, never negative.
    public mutating func money(_ key: String) -> Money? {
        guard let v = raw(key) else { return nil }
        guard case .number = v, let n = v.integral else {
            error(key, "doit être un montant entier en centimes d'euro")
            return nil
        }
        if n < 0 {
            error(key, "un montant ne peut pas être négatif")
            return nil
        }
        if n > Self.maxCents {
            error(key, "montant trop élevé (1 milliard d'euros au plus)")
            return nil
        }
        return Money(cents: n)
    }

    public mutating func day(_ key: String) -> Day? {
        guard let s = string(key) else { return nil }
        guard let d = Day(iso: s) else {
            error(key, "date invalide « \(s) » : format attendu AAAA-MM-JJ")
            return nil
        }
        if d.isSupported { return d }
        error(key, "\(Day.supportedRangeMessage) : « \(s) »")
        return nil
    }

    public mutating func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type) -> E?
    where E.RawValue == String {
        guard let s = string(key) else { return nil }
        if let e = E(rawValue: s) { return e }
        error(
            key, "valeur « \(s) » inconnue ; valeurs possibles : \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    /// A nested object read by `body`; records an error when the value is not an object.
    public mutating func object<T>(_ key: String, _ body: (inout ObjectReader) -> T) -> T? {
        guard let v = raw(key) else { return nil }
        guard var r = ObjectReader(v, path: "") else {
            error(key, "doit être un objet")
            return nil
        }
        let t = body(&r)
        r.finish()
        if !r.errors.isEmpty { take(r.errors, under: field(key)) }
        return t
    }

    /// A nested array of objects.
    public mutating func objects<T>(_ key: String, limit: Int, _ body: (inout ObjectReader) -> T) -> [T]? {
        guard let v = raw(key) else { return nil }
        guard case .array(let items) = v else {
            error(key, "doit être une liste")
            return nil
        }
        if items.count > limit {
            error(key, "\(limit) éléments au plus")
            return nil
        }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (n, item) in items.enumerated() {
            guard var r = ObjectReader(item, path: "") else {
                errors.append(FieldError(field: "\(field(key))[\(n)]", message: "doit être un objet"))
                continue
            }
            out.append(body(&r))
            r.finish()
            if !r.errors.isEmpty { take(r.errors, under: "\(field(key))[\(n)]") }
        }
        return out
    }

    private mutating func markAsked(_ index: Int) {
        switch index {
        case 0..<64: askedLow |= 1 << UInt64(index)
        case 64..<128: askedHigh |= 1 << UInt64(index - 64)
        default: askedBeyond[index - 128] = true
        }
    }

    private func wasAsked(_ index: Int) -> Bool {
        switch index {
        case 0..<64: askedLow & (1 << UInt64(index)) != 0
        case 64..<128: askedHigh & (1 << UInt64(index - 64)) != 0
        default: askedBeyond[index - 128]
        }
    }

    /// Records every field that was present but never asked for.
    public mutating func finish() {
        for (index, pair) in pairs.enumerated() where !wasAsked(index) { error(pair.0, "champ inconnu") }
    }
}
