/// What keeps a dossier from being filed (`RENO-S` « deposé »: complete, eligible, financing plan
/// computed), every problem at once, each on the step where it is fixed, with its rule.
public enum DossierFilingCheck {
    public struct Input: Sendable {
        public var progress: DossierProgress
        public var simulation: SimulationResult
        /// `RENO-E9`, `RENO-E10`, `RENO-E11`: the criteria that need stored data.
        public var storedCriteria: [Criterion]
        /// Documents whose date is not valid on the filing date (`RENO-D`).
        public var documentProblems: [String]
        public init(
            progress: DossierProgress, simulation: SimulationResult, storedCriteria: [Criterion],
            documentProblems: [String]
        ) {
            self.progress = progress
            self.simulation = simulation
            self.storedCriteria = storedCriteria
            self.documentProblems = documentProblems
        }
    }

    public static func problems(_ input: Input) -> [FilingProblem] {
        var out: [FilingProblem] = []
        for item in input.progress.items where item.status == .toDo && item.step != .review {
            for missing in item.missing {
                out.append(FilingProblem(step: item.step, rule: nil, message: "\(item.step.french) : \(missing)."))
            }
        }
        let criteria = input.simulation.eligibility.criteria + input.storedCriteria
        for c in criteria where c.status == .fail {
            out.append(FilingProblem(step: step(of: c.rule), rule: c.rule, message: c.message))
        }
        for message in input.documentProblems {
            out.append(FilingProblem(step: .documents, rule: nil, message: message))
        }
        if input.simulation.financing == nil, input.progress[.plan]?.status == .complete {
            out.append(
                FilingProblem(step: .plan, rule: .f1, message: "Le plan de financement n'a pas pu être calculé."))
        }
        return out
    }

    /// The page where a criterion's answers are given.
    static func step(of rule: RuleID) -> DossierStep {
        switch rule {
        case .e1, .e4, .e5: .applicant
        case .e2, .e3: .coApplicants
        case .e6, .e7, .e9: .dwelling
        case .e8: .works
        case .e10: .amo
        default: .plan
        }
    }
}
