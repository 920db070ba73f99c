/// Something a decision wants the reader to know without refusing (a parameter out of date, a
/// commune that does not match its postal code, a loan that breaks `RENO-F7`): the rule it comes
/// from as data, for pages and tools to sort and link, and its French text.
public struct Warning: Sendable, Hashable, CustomStringConvertible {
    /// The rule, when the warning comes from one (`RENO-F4`); nil for data notices.
    public let rule: RuleID?
    public let message: String
    /// A failed check reported as a warning (`RENO-F7 (échec)`), not a mere notice.
    public let failed: Bool

    public init(_ rule: RuleID?, _ message: String, failed: Bool = false) {
        self.rule = rule
        self.message = message
        self.failed = failed
    }

    /// As shown and as the contract's `warnings` array carries it: `RENO-F4 : …`.
    public var text: String {
        guard let rule else { return message }
        return "\(rule.rawValue)\(failed ? " (échec)" : "") : \(message)"
    }

    public var description: String { text }
}
