/// Password rules (issue #3): at least 12 characters, not a common password, not the e-mail.
/// Long passwords are accepted whole (hashing pre-digests them, nothing is truncated).
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    public static let maximumLength = 1_024
    public let common: Set<String>

    public init(common: Set<String>) { self.common = common }

    /// Parses the shipped list (one password per line).
    public init(commonList text: String) {
        common = Set(text.split(whereSeparator: \.isNewline).map { $0.lowercased() })
    }

    /// French messages for every rule the password breaks (empty when it is acceptable).
    public func problems(_ password: String, email: String?) -> [String] {
        var out: [String] = []
        if password.count < Self.minimumLength {
            out.append("Le mot de passe doit compter au moins \(Self.minimumLength) caractères (\(password.count) saisis).")
        }
        if password.count > Self.maximumLength {
            out.append("Le mot de passe ne doit pas dépasser \(Self.maximumLength) caractères.")
        }
        let lower = password.lowercased()
        if common.contains(lower) {
            out.append("Ce mot de passe figure dans la liste des mots de passe les plus courants : choisissez-en un autre.")
        }
        if let email, !email.isEmpty {
            let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
            if lower == email.lowercased() || (local.count >= 4 && lower.contains(local)) {
                out.append("Le mot de passe ne doit pas reprendre votre adresse e-mail.")
            }
        }
        if Set(password).count <= 2 && password.count >= Self.minimumLength {
            out.append("Le mot de passe ne doit pas répéter un ou deux caractères.")
        }
        return out
    }
}
