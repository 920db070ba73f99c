/// Rules for text that people type or send (issue #9): no control character (NUL, escape…)
/// reaches the database, where PostgreSQL refuses a NUL byte outright. Tab, carriage return and
/// line feed stay allowed, for multi-line fields.
public enum TextInput {
    public static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: return false
            case 0x00...0x1F, 0x7F...0x9F: return true
            default: return false
            }
        }
    }

    /// The text with every control character replaced by a space (file names given by a browser).
    public static func withoutControlCharacters(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    (0x00...0x1F).contains(scalar.value) || (0x7F...0x9F).contains(scalar.value) ? " " : scalar
                }))
    }

    /// The French message for a field that holds one.
    public static func controlCharacterMessage(field: String) -> String {
        "Le champ « \(field) » contient un caractère de contrôle invisible (par exemple un octet nul) : retirez-le et "
            + "envoyez le formulaire à nouveau."
    }
}
