/// Rule identifiers of `RULES.md`. Every decision names the rule that made it.
public enum RuleID: String, Sendable, CaseIterable, Codable {
    case e1 = "RENO-E1", e2 = "RENO-E2", e3 = "RENO-E3", e4 = "RENO-E4", e5 = "RENO-E5"
    case e6 = "RENO-E6", e7 = "RENO-E7", e8 = "RENO-E8", e9 = "RENO-E9", e10 = "RENO-E10", e11 = "RENO-E11"
    case f1 = "RENO-F1", f2 = "RENO-F2", f3 = "RENO-F3", f4 = "RENO-F4", f5 = "RENO-F5"
    case f6 = "RENO-F6", f7 = "RENO-F7", f8 = "RENO-F8", f9 = "RENO-F9"
    // AMI DROM (RULES.md part 2)
    case amiK = "AMI-K", amiB = "AMI-B", amiX = "AMI-X", amiO = "AMI-O", amiE = "AMI-E", amiL = "AMI-L", amiR = "AMI-R"
}

/// Outcome of one criterion.
public enum CriterionStatus: String, Sendable, Codable { case pass, fail, missing }

/// One explained decision: the rule, its status and a French message naming the figures used.
/// The message is composed when read (`message`), from the figures kept in `explanation`: a
/// decision costs no string building until it is shown.
public struct Criterion: Sendable, Hashable {
    public let rule: RuleID
    public let status: CriterionStatus
    public let explanation: Explanation
    public var message: String { explanation.french }

    public init(_ rule: RuleID, _ status: CriterionStatus, _ message: String) {
        self.rule = rule; self.status = status; self.explanation = .text(message)
    }
    public init(_ rule: RuleID, _ status: CriterionStatus, _ explanation: Explanation) {
        self.rule = rule; self.status = status; self.explanation = explanation
    }
}
