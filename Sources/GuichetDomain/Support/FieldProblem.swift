/// A refusal that names the field it is about, in French: what services return when what a
/// person typed cannot be accepted. The web edge shows it next to its field (`FormState`), the
/// API as `{"field", "message"}`.
public struct FieldProblem: Sendable, Hashable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
