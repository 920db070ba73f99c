import Foundation
import GuichetDomain

/// A refusal form of a review list sent back with its problems (a missing or too long reason):
/// the page is shown again with the error next to that request's reason field, and what was
/// typed kept (issue #11: the error only flashed at the top of the page).
public struct RefusalAttempt: Sendable, Equatable {
    public let id: OrganisationID
    public let reason: String
    public let problems: [FieldProblem]

    public init(id: OrganisationID, reason: String, problems: [FieldProblem]) {
        self.id = id
        self.reason = reason
        self.problems = problems
    }

    /// The refusal form's state for the request `id`: this attempt's when it is the one.
    static func state(for id: OrganisationID, _ attempt: RefusalAttempt?, csrf: String) -> FormState {
        guard let attempt, attempt.id == id else { return FormState(csrfToken: csrf) }
        return FormState(values: ["reason": attempt.reason], errors: attempt.problems, csrfToken: csrf)
    }

    /// A review form's decision: accept, or refuse with its reason; a refusal whose reason is
    /// missing or too long comes back as an attempt to show again, and nothing is decided.
    public static func decision(
        id: OrganisationID, _ values: [String: String]
    ) -> (accept: Bool, reason: String, refused: RefusalAttempt?) {
        let accept = values["decision"] == "accept"
        let reason = (values["reason"] ?? "").trimmingCharacters(in: .whitespaces)
        let problems = accept ? [] : Self.problems(reason: reason)
        return (accept, reason, problems.isEmpty ? nil : RefusalAttempt(id: id, reason: reason, problems: problems))
    }

    /// The reason's problems: required, at most `TextLimits.text` characters.
    static func problems(reason: String) -> [FieldProblem] {
        if reason.isEmpty { return [FieldProblem(field: "reason", message: "Indiquez le motif du refus.")] }
        return [TextLimits.problem(reason, field: "reason", label: "Motif du refus", max: TextLimits.text)]
            .compactMap { $0 }
    }
}
