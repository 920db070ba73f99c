/// The one computation behind the public test, the dossier's financing plan and the
/// instructor's check (`contracts/renovation-simulation.md`): eligibility, then the plan.
public struct SimulationResult: Sendable, Hashable {
    public let referenceDate: Day
    public let parametersVersion: String
    public let eligibility: EligibilityResult
    /// Nil when no plan was given, or when the applicant kind (which sets the ceiling) is unknown.
    public let financing: FinancingPlan?
    public let warnings: [Warning]
}

public enum RenovationSimulation {
    public static func run(
        _ c: RenovationCase, on day: Day, parameters: RenovationParameters,
        reference base: ReferenceData
    ) -> SimulationResult {
        let reference = parameters.effectiveReference(base)
        let resolved = parameters.resolve(at: day, effective: reference)
        var warnings = resolved.warnings
        let eligibility = Eligibility.evaluate(c, on: day, reference: reference, warnings: &warnings)
        var financing: FinancingPlan?
        if let plan = c.plan {
            if let kind = c.applicant.kind {
                financing = FinancingPlanner.compute(
                    plan, kind: kind, on: day, parameters: resolved, warnings: &warnings)
            } else {
                warnings.append(
                    Warning(
                        .f1,
                        "le type de demandeur (occupant, bailleur, SCI) fixe le plafond ; plan de financement non "
                            + "calculé."
                    )
                )
            }
        }
        if c.tenant != nil, c.applicant.kind == .ownerOccupier {
            warnings.append(Warning(nil, "Locataire ignoré : le demandeur est propriétaire occupant."))
        }
        return SimulationResult(
            referenceDate: day, parametersVersion: parameters.version,
            eligibility: eligibility, financing: financing, warnings: unique(warnings))
    }

    /// Same warning raised by several lookups is reported once, in first-seen order.
    static func unique(_ items: [Warning]) -> [Warning] {
        var seen = Set<Warning>()
        return items.filter { seen.insert($0).inserted }
    }
}
