import GuichetDomain

/// The 200 answer of `contracts/renovation-simulation.md`, keys in the contract's order.
public enum SimulationResponseEncoder {
    public static func encode(_ r: SimulationResult) -> JSONValue {
        .object([
            ("reference_date", .string(r.referenceDate.iso)),
            ("parameters_version", .string(r.parametersVersion)),
            ("eligibility", eligibility(r.eligibility)),
            ("financing", r.financing.map(financing) ?? .null),
            ("warnings", .array(r.warnings.map(JSONValue.string))),
        ])
    }

    static func eligibility(_ e: EligibilityResult) -> JSONValue {
        .object([
            ("eligible", .bool(e.eligible)),
            ("criteria", .array(e.criteria.map {
                .object([("rule", .string($0.rule.rawValue)), ("status", .string($0.status.rawValue)), ("message", .string($0.message))])
            })),
            ("zone", e.zone.map { .string($0.rawValue) } ?? .null),
            ("action_coeur_de_ville", e.actionCoeurDeVille.map(JSONValue.bool) ?? .null),
            ("income_category", e.incomeCategory.map { .string($0.rawValue) } ?? .null),
            ("income_ceiling", e.incomeCeiling.map { .int($0.cents) } ?? .null),
        ])
    }

    static func financing(_ f: FinancingPlan) -> JSONValue {
        .object([
            ("ceiling", .int(f.ceiling.cents)),
            ("annex_envelope", .int(f.annexEnvelope.cents)),
            ("amo_case", .int(f.amoCase)),
            ("amo_granted", .int(f.amoGranted.cents)),
            ("companies", .array(f.companies.map {
                .object([("siret", .string($0.siret)), ("granted", .int($0.granted.cents)), ("deposit_cap", .int($0.depositCap.cents))])
            })),
            ("works_granted", .int(f.worksGranted.cents)),
            ("other_fees_granted", .int(f.otherFeesGranted.cents)),
            ("subsidy", .int(f.subsidy.cents)),
            ("external_aid", .int(f.externalAid.cents)),
            ("total_cost", .int(f.totalCost.cents)),
            ("remaining_cost", .int(f.remainingCost.cents)),
            ("loan_offered", .bool(f.loanOffered)),
            ("loan", f.loan.map(loan) ?? .null),
            ("debt_ratio", f.debtRatio.map { .string(ratio($0)) } ?? .null),
        ])
    }

    static func loan(_ s: LoanSchedule) -> JSONValue {
        .object([
            ("amount", .int(s.amount.cents)),
            ("months", .int(s.months)),
            ("deferral_months", .int(s.deferralMonths)),
            ("annual_rate", .string(s.annualRate.decimalString)),
            ("monthly_instalment", .int(s.monthlyInstalment.cents)),
            ("total_interest", .int(s.totalInterest.cents)),
            ("total_cost", .int(s.totalCostOfCredit.cents)),
            ("schedule", .array(s.lines.map {
                .object([("month", .int($0.month)), ("instalment", .int($0.instalment.cents)), ("interest", .int($0.interest.cents)),
                         ("principal", .int($0.principal.cents)), ("remaining", .int($0.remaining.cents))])
            })),
        ])
    }

    /// A ratio as a decimal string with four places, like the contract's rates (`"0.3521"`).
    static func ratio(_ r: Double) -> String {
        let scaled = Int64((r * 10_000).rounded(.toNearestOrAwayFromZero))
        let frac = String(scaled % 10_000)
        return "\(scaled / 10_000).\(String(repeating: "0", count: 4 - frac.count))\(frac)"
    }
}
