import GuichetDomain

/// What a form shows again after a refused submission: the values typed (nothing is lost) and
/// the error of each field, in the order of the form.
public struct FormState: Sendable {
    /// A form's error is a service's `FieldProblem`, shown next to its field.
    public typealias FieldError = FieldProblem
    public var values: [String: String]
    public var errors: [FieldError]
    /// Anti-CSRF token to embed (empty for public forms that change nothing).
    public var csrfToken: String
    /// Prefix of the ids of this form's fields: `champ-` for a page's only form; a page with
    /// several forms gives each its own (issue #11: `/compte` had two `champ-password`).
    public var idPrefix = "champ-"
    /// The form's fields in page order: the error summary lists its errors in that order.
    public var fieldOrder: [String] = []

    public init(values: [String: String] = [:], errors: [FieldError] = [], csrfToken: String = "") {
        self.values = values
        self.errors = errors
        self.csrfToken = csrfToken
    }
    public func value(_ name: String) -> String { values[name] ?? "" }
    public func error(_ name: String) -> String? { errors.first { $0.field == name }?.message }
    public var hasErrors: Bool { !errors.isEmpty }

    /// The id of a field's control (`champ-email`, `champ-compte-email-password`).
    public func fieldID(_ name: String) -> String {
        idPrefix + name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    /// The errors in the order of the form's fields; errors of fields not in the order come last,
    /// in the order they were found.
    public var orderedErrors: [FieldError] {
        guard !fieldOrder.isEmpty else { return errors }
        let rank = Dictionary(fieldOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return errors.enumerated().sorted { a, b in
            let ra = rank[a.element.field] ?? Int.max
            let rb = rank[b.element.field] ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }
}

/// One choice of a radio group or select.
public struct Choice: Sendable, Hashable {
    public let value: String
    public let label: String
    public let hint: String?
    public init(_ value: String, _ label: String, hint: String? = nil) {
        self.value = value
        self.label = label
        self.hint = hint
    }
}
