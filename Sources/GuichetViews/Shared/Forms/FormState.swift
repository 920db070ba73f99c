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

    public init(values: [String: String] = [:], errors: [FieldError] = [], csrfToken: String = "") {
        self.values = values
        self.errors = errors
        self.csrfToken = csrfToken
    }
    public func value(_ name: String) -> String { values[name] ?? "" }
    public func error(_ name: String) -> String? { errors.first { $0.field == name }?.message }
    public var hasErrors: Bool { !errors.isEmpty }
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
