/// How long a typed text may be (issue #11: a 5 000-character name made the accounts table
/// 24 647 px wide). Every free-text field has a limit, checked with the form's other fields so
/// that every problem is listed at once, with a French message that says the limit.
public enum TextLimits {
    /// A person's name, a first name, a town.
    public static let name = 100
    /// An organisation's name.
    public static let organisation = 150
    /// An e-mail address (RFC 5321).
    public static let email = 254
    /// An address line, a source, a short label.
    public static let line = 200
    /// A motive, a reason, a note.
    public static let text = 2_000

    /// The problem of a text longer than `max` characters, if it is.
    public static func problem(_ value: String, field: String, label: String, max: Int) -> FieldProblem? {
        let count = value.count
        guard count > max else { return nil }
        return FieldProblem(
            field: field,
            message:
                "\(label) : \(FrenchFormat.integer(max)) caractères au plus (\(FrenchFormat.integer(count)) saisis).")
    }

    /// The problems of several fields (name, label, limit) read from `values`.
    public static func problems(_ values: [String: String], _ fields: [(String, String, Int)]) -> [FieldProblem] {
        fields.compactMap { name, label, max in problem(values[name] ?? "", field: name, label: label, max: max) }
    }
}
