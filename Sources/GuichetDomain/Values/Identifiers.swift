/// Identifiers that validate on construction (ARCHITECTURE principle 2).

/// INSEE commune code: five characters, digits, or `2A`/`2B` followed by three digits (Corsica).
public struct InseeCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        let u = text.utf8
        guard u.count == 5 else { return nil }
        let isDigit = { (b: UInt8) in (48...57).contains(b) }
        var k = 0
        var first: UInt8 = 0
        for b in u {
            switch k {
            case 0: guard isDigit(b) else { return nil }
            case 1: guard isDigit(b) || (first == 50 && (b == 65 || b == 66)) else { return nil }  // "2A" / "2B"
            default: guard isDigit(b) else { return nil }
            }
            if k == 0 { first = b }
            k += 1
        }
        value = text
    }
    /// Department code of the commune: `01`…`95`, `2A`, `2B`, or three digits overseas (`971`…`976`).
    public var departmentCode: String {
        var v = value
        return v.withUTF8 { u in
            let overseas = u[0] == 0x39 && (u[1] == 0x37 || u[1] == 0x38)  // "97", "98"
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
    /// The ASCII digits of `text` without its spaces, when there are exactly `count` of them and
    /// nothing else (one pass over the bytes: no `Character` is made).
    static func digits(_ text: String, count: Int) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for b in text.utf8 where b != 0x20 {
            guard (48...57).contains(b), out.count < count else { return nil }
            out.append(b)
        }
        return out.count == count ? out : nil
    }

    static func isValid(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            var v = Int(d &- 48)
            if i % 2 == 1 {
                v *= 2
                if v > 9 { v -= 9 }
            }
            sum += v
        }
        return sum % 10 == 0
    }
}

/// SIREN (9 digits, Luhn key): identifies a social landlord organisation.
public struct Siren: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        guard let digits = Luhn.digits(text, count: 9), Luhn.isValid(digits) else { return nil }
        // Written without spaces already (the common case): the same string, not a copy.
        value = text.utf8.count == 9 ? text : String(decoding: digits, as: UTF8.self)
    }
    public var description: String { value }
}

/// SIRET (14 digits): SIREN + establishment number; Luhn key over the 14 digits, or, for La Poste
/// (SIREN 356000000) establishments, a digit sum divisible by 5.
public struct Siret: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public init?(_ text: String) {
        guard let digits = Luhn.digits(text, count: 14) else { return nil }
        let laPosteRule =
            digits.starts(with: Array("356000000".utf8)) && digits.reduce(0, { $0 + Int($1 &- 48) }) % 5 == 0
        guard Luhn.isValid(digits) || laPosteRule else { return nil }
        value = text.utf8.count == 14 ? text : String(decoding: digits, as: UTF8.self)
    }
    public var siren: String { String(value.prefix(9)) }
    public var description: String { value }
}

/// Identifiers are stored and exchanged as their digits; reading one back checks it again.
extension Siren: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let siren = Siren(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "SIREN invalide"))
        }
        self = siren
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension Siret: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let siret = Siret(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "SIRET invalide"))
        }
        self = siret
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
