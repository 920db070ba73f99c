/// Identifiers that validate on construction (ARCHITECTURE principle 2).

/// INSEE commune code: five characters, digits, or `2A`/`2B` followed by three digits (Corsica).
public struct InseeCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        let u = Array(text.utf8)
        guard u.count == 5 else { return nil }
        let isDigit = { (b: UInt8) in (48...57).contains(b) }
        let corsica = u[0] == 50 && (u[1] == 65 || u[1] == 66) // "2A" / "2B"
        guard isDigit(u[0]), isDigit(u[1]) || corsica, u[2...].allSatisfy(isDigit) else { return nil }
        value = text
    }
    /// Department code of the commune: `01`…`95`, `2A`, `2B`, or three digits overseas (`971`…`976`).
    public var departmentCode: String {
        var v = value
        return v.withUTF8 { u in
            let overseas = u[0] == 0x39 && (u[1] == 0x37 || u[1] == 0x38) // "97", "98"
            return String(decoding: UnsafeBufferPointer(rebasing: u[0..<(overseas ? 3 : 2)]), as: UTF8.self)
        }
    }
    public var description: String { value }
}

/// French postal code: five digits.
public struct PostalCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        guard text.utf8.count == 5, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        value = text
    }
    public var description: String { value }
}

/// Luhn checksum, used by SIREN and SIRET.
enum Luhn {
    static func isValid<S: Sequence>(_ digits: S) -> Bool where S.Element == UInt8 {
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            var v = Int(d - 48)
            if i % 2 == 1 { v *= 2; if v > 9 { v -= 9 } }
            sum += v
        }
        return sum % 10 == 0
    }
}

/// SIREN (9 digits, Luhn key): identifies a social landlord organisation.
public struct Siren: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        let compact = text.filter { $0 != " " }
        guard compact.utf8.count == 9, compact.utf8.allSatisfy({ (48...57).contains($0) }),
              Luhn.isValid(compact.utf8) else { return nil }
        value = compact
    }
    public var description: String { value }
}

/// SIRET (14 digits): SIREN + establishment number; Luhn key over the 14 digits, or, for La Poste
/// (SIREN 356000000) establishments, a digit sum divisible by 5.
public struct Siret: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        let compact = text.filter { $0 != " " }
        guard compact.utf8.count == 14, compact.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        let laPosteRule = compact.hasPrefix("356000000") && compact.utf8.reduce(0, { $0 + Int($1 - 48) }) % 5 == 0
        guard Luhn.isValid(compact.utf8) || laPosteRule else { return nil }
        value = compact
    }
    public var siren: String { String(value.prefix(9)) }
    public var description: String { value }
}
