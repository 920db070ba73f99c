/// An IBAN (ISO 13616): country, check digits and the country's account number, checked by its
/// length for the country and its key (modulo 97). Works companies are paid on it (third-party
/// payment, the guide's « coordonnées bancaires de l'entreprise »).
public struct Iban: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// Lengths of the SEPA countries' IBANs.
    static let lengths: [String: Int] = [
        "FR": 27, "MC": 27, "DE": 22, "BE": 16, "ES": 24, "IT": 27, "LU": 20, "NL": 18, "PT": 25, "AT": 20, "CH": 21,
        "IE": 22, "GB": 22, "FI": 18, "GR": 27, "DK": 18, "SE": 24, "NO": 15, "PL": 28, "CZ": 24, "SK": 24, "HU": 28,
        "RO": 24, "BG": 22, "HR": 21, "SI": 19, "EE": 20, "LV": 21, "LT": 20, "CY": 28, "MT": 31, "IS": 26, "LI": 21,
    ]

    public enum Problem: Error, Sendable, Equatable {
        case characters, country
        case length(expected: Int)
        case key
        public var french: String {
            switch self {
            case .characters: "lettres et chiffres seulement, comme FR76 3000 6000 0112 3456 7890 189"
            case .country: "le code pays (deux premières lettres) n'est pas celui d'un pays SEPA"
            case .length(let n): "\(n) caractères attendus pour ce pays"
            case .key: "la clé de contrôle ne correspond pas : vérifiez les chiffres"
            }
        }
    }

    public static func check(_ text: String) -> Result<Iban, Problem> {
        let compact = text.uppercased().filter { $0 != " " && $0 != "-" }
        guard compact.count <= 34, compact.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
            return .failure(.characters)
        }
        guard let expected = lengths[String(compact.prefix(2))] else { return .failure(.country) }
        guard compact.count == expected else { return .failure(.length(expected: expected)) }
        // The first four characters moved to the end, letters as 10…35, the number modulo 97 is 1.
        var remainder = 0
        for ch in compact.dropFirst(4) + compact.prefix(4) {
            guard let ascii = ch.asciiValue else { return .failure(.characters) }
            let digits = ch.isNumber ? Int(ascii - 48) : Int(ascii - 55)
            remainder = (digits >= 10 ? remainder * 100 : remainder * 10) + digits
            remainder %= 97
        }
        return remainder == 1 ? .success(Iban(value: compact)) : .failure(.key)
    }

    /// « FR76 •••• •••• •••• •••• •••• 189 »: what pages show of it.
    public var masked: String {
        let shown = String(value.prefix(4)) + String(repeating: "•", count: max(0, value.count - 7)) + value.suffix(3)
        return stride(from: 0, to: shown.count, by: 4).map { i in
            String(shown.dropFirst(i).prefix(4))
        }.joined(separator: " ")
    }

    public var description: String { value }
}

/// A BIC (ISO 9362): four letters of the bank, two of the country, two letters or digits of the
/// place, and optionally three of the branch.
public struct Bic: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let c = Array(text.uppercased().filter { $0 != " " })
        guard c.count == 8 || c.count == 11, c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            c[0..<6].allSatisfy(\.isLetter)
        else { return nil }
        value = String(c)
    }

    /// The country of the bank (letters 5 and 6), to compare with the IBAN's.
    public var country: String { String(value.dropFirst(4).prefix(2)) }
    public var description: String { value }
}
