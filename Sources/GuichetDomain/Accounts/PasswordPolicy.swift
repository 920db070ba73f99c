import Foundation

/// Password rules (issues #3 and #9): at least 12 characters; not a common password, even with a
/// few digits or signs added around it; not a sequence or a keyboard walk (`123456789012`,
/// `azertyuiop12`); nothing of the person's name or e-mail. Long passwords are accepted whole
/// (hashing pre-digests them, nothing is truncated).
public struct PasswordPolicy: Sendable {
    public static let minimumLength = 12
    public static let maximumLength = 1_024
    /// What may be added around a weak core and still leave it weak (`motdepasse12`, `!azerty2024!`),
    /// at each end.
    static let smallAddition = 6
    public let common: Set<String>

    public init(common: Set<String>) { self.common = common }

    /// Parses the shipped lists (one password per line).
    public init(commonList text: String) {
        common = Set(text.split(whereSeparator: \.isNewline).map { $0.lowercased() })
    }

    /// Keyboard rows of French (AZERTY) and English (QWERTY) keyboards, and the digits.
    static let keyboardRows = [
        "azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "&é\"'(-è_çà",
    ]

    /// French messages for every rule the password breaks (empty when it is acceptable).
    public func problems(_ password: String, email: String?, name: String? = nil) -> [String] {
        var out: [String] = []
        if password.count < Self.minimumLength {
            out.append(
                "Le mot de passe doit compter au moins \(Self.minimumLength) caractères (\(password.count) saisis).")
        }
        if password.count > Self.maximumLength {
            out.append("Le mot de passe ne doit pas dépasser \(Self.maximumLength) caractères.")
        }
        let lower = password.lowercased()
        let core = Self.core(lower)
        if common.contains(lower) || (core.count >= 4 && common.contains(core)) {
            out.append(
                "Ce mot de passe figure, à quelques caractères près, dans la liste des mots de passe les plus "
                    + "courants : choisissez-en un autre."
            )
        } else if Self.isSequenceOrWalk(core) {
            out.append(
                "Le mot de passe ne doit pas être une suite de caractères ou une ligne du clavier (comme 123456 ou "
                    + "azerty)."
            )
        }
        if let part = Self.personalPart(in: lower, email: email, name: name) {
            out.append("Le mot de passe ne doit pas reprendre votre nom ni votre adresse e-mail (« \(part) »).")
        }
        if Set(password).count <= 2 && password.count >= Self.minimumLength {
            out.append("Le mot de passe ne doit pas répéter un ou deux caractères.")
        }
        return out
    }

    /// The password without up to `smallAddition` digits or signs at each end.
    static func core(_ lower: String) -> String {
        // Digits alone are their own core (`123456789012` is a sequence, not an addition).
        guard lower.contains(where: \.isLetter) else { return lower }
        var chars = Array(lower)
        var dropped = 0
        while let last = chars.last, !last.isLetter, dropped < smallAddition, chars.count > 1 {
            chars.removeLast()
            dropped += 1
        }
        dropped = 0
        while let first = chars.first, !first.isLetter, dropped < smallAddition, chars.count > 1 {
            chars.removeFirst()
            dropped += 1
        }
        return String(chars)
    }

    /// True when every character belongs to a run of three or more that steps by one (`abc`,
    /// `987`) or follows a keyboard row (`azer`, `poiu`), with at most `smallAddition` left over.
    static func isSequenceOrWalk(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count >= 3 else { return false }
        var covered = Array(repeating: false, count: chars.count)
        var start = 0
        while start < chars.count - 1 {
            var end = start + 1
            while end < chars.count, follows(chars[end - 1], chars[end]) { end += 1 }
            if end - start >= 3 { for k in start..<end { covered[k] = true } }
            start = max(end - 1, start + 1)
        }
        return covered.filter { !$0 }.count <= smallAddition && covered.contains(true)
    }

    /// `b` comes right after or right before `a` in the alphabet, the digits or a keyboard row.
    static func follows(_ a: Character, _ b: Character) -> Bool {
        if let x = a.unicodeScalars.first?.value, let y = b.unicodeScalars.first?.value,
            a.isASCII, b.isASCII, a.isLetter == b.isLetter, a.isNumber == b.isNumber,
            x.distance(to: y) == 1 || y.distance(to: x) == 1
        {
            return true
        }
        for row in keyboardRows {
            let keys = Array(row)
            if let i = keys.firstIndex(of: a), let j = keys.firstIndex(of: b), abs(i - j) == 1 { return true }
        }
        return false
    }

    /// A part of the name (3 letters or more) or of the e-mail's local part found in the password.
    static func personalPart(in lower: String, email: String?, name: String?) -> String? {
        var parts: [String] = []
        if let email, !email.isEmpty {
            let lowerEmail = email.lowercased()
            if lower.contains(lowerEmail) { return email }
            let local = lowerEmail.split(separator: "@").first.map(String.init) ?? ""
            parts.append(local)
            parts += local.split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        if let name { parts += name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init) }
        let folded = fold(lower)
        return parts.filter { $0.count >= 3 }.first { folded.contains(fold($0)) }
    }

    /// Lower case without accents, for comparing names (`Hélène` in `helene1234`).
    static func fold(_ s: String) -> String {
        String(
            s.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }
            .map(Character.init))
    }
}
