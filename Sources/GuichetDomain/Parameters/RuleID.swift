/// Rule identifiers of `RULES.md`. Every decision names the rule that made it.
public enum RuleID: String, Sendable, CaseIterable, Codable {
    case e1 = "RENO-E1"
    case e2 = "RENO-E2"
    case e3 = "RENO-E3"
    case e4 = "RENO-E4"
    case e5 = "RENO-E5"
    case e6 = "RENO-E6"
    case e7 = "RENO-E7"
    case e8 = "RENO-E8"
    case e9 = "RENO-E9"
    case e10 = "RENO-E10"
    case e11 = "RENO-E11"
    case f1 = "RENO-F1"
    case f2 = "RENO-F2"
    case f3 = "RENO-F3"
    case f4 = "RENO-F4"
    case f5 = "RENO-F5"
    case f6 = "RENO-F6"
    case f7 = "RENO-F7"
    case f8 = "RENO-F8"
    case f9 = "RENO-F9"
    // AMI DROM (RULES.md part 2)
    case amiK = "AMI-K"
    case amiB = "AMI-B"
    case amiX = "AMI-X"
    case amiO = "AMI-O"
    case amiE = "AMI-E"
    case amiL = "AMI-L"
    case amiR = "AMI-R"
}

/// Outcome of one criterion.
public enum CriterionStatus: String, Sendable, Codable {
    case pass, fail, missing

    /// As pages and documents say it.
    public var french: String {
        switch self {
        case .pass: "satisfait"
        case .fail: "non satisfait"
        case .missing: "à compléter"
        }
    }
}

/// One explained decision: the rule, its status and a French message naming the figures used.
/// The message is composed when read (`message`), from the figures kept in `explanation`: a
/// decision costs no string building until it is shown.
public struct Criterion: Sendable, Hashable {
    public let rule: RuleID
    public let status: CriterionStatus
    public let explanation: Explanation
    public var message: String { explanation.french }

    public init(_ rule: RuleID, _ status: CriterionStatus, _ message: String) {
        self.rule = rule
        self.status = status
        self.explanation = .text(message)
    }
    public init(_ rule: RuleID, _ status: CriterionStatus, _ explanation: Explanation) {
        self.rule = rule
        self.status = status
        self.explanation = explanation
    }
}
