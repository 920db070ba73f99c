import GuichetDomain

/// The 200 answer of `contracts/renovation-simulation.md`, keys in the contract's order,
/// written straight to bytes (the API's hot path).
public enum SimulationResponseEncoder {
    public static func encodeBytes(_ r: SimulationResult) -> [UInt8] {
        let w = JSONStreamWriter(capacity: r.financing?.loan.map { $0.lines.count * 96 + 4096 } ?? 4096)
        w.beginObject()
        w.field("reference_date", r.referenceDate.iso)
        w.field("parameters_version", r.parametersVersion)
        w.key("eligibility")
        eligibility(r.eligibility, w)
        w.key("financing")
        if let f = r.financing { financing(f, w) } else { w.null() }
        w.key("warnings")
        w.beginArray()
        for warning in r.warnings { w.string(warning.text) }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    static func eligibility(_ e: EligibilityResult, _ w: JSONStreamWriter) {
        w.beginObject()
        w.field("eligible", e.eligible)
        w.key("criteria")
        w.beginArray()
        for c in e.criteria {
            w.beginObject()
            w.field("rule", c.rule.rawValue)
            w.field("status", c.status.rawValue)
            w.field("message", c.message)
            w.endObject()
        }
        w.endArray()
        if let z = e.zone { w.field("zone", z.rawValue) } else { w.nullField("zone") }
        if let acv = e.actionCoeurDeVille {
            w.field("action_coeur_de_ville", acv)
        } else {
            w.nullField("action_coeur_de_ville")
        }
        if let cat = e.incomeCategory {
            w.field("income_category", cat.rawValue)
        } else {
            w.nullField("income_category")
        }
        if let ceiling = e.incomeCeiling {
            w.field("income_ceiling", ceiling.cents)
        } else {
            w.nullField("income_ceiling")
        }
        w.endObject()
    }

    static func financing(_ f: FinancingPlan, _ w: JSONStreamWriter) {
        w.beginObject()
        w.field("ceiling", f.ceiling.cents)
        w.field("annex_envelope", f.annexEnvelope.cents)
        w.field("amo_case", f.amoCase)
        w.field("amo_granted", f.amoGranted.cents)
        w.key("companies")
        w.beginArray()
        for c in f.companies {
            w.beginObject()
            w.field("siret", c.siret)
            w.field("granted", c.granted.cents)
            w.field("deposit_cap", c.depositCap.cents)
            w.endObject()
        }
        w.endArray()
        w.field("works_granted", f.worksGranted.cents)
        w.field("other_fees_granted", f.otherFeesGranted.cents)
        w.field("subsidy", f.subsidy.cents)
        w.field("external_aid", f.externalAid.cents)
        w.field("total_cost", f.totalCost.cents)
        w.field("remaining_cost", f.remainingCost.cents)
        w.field("loan_offered", f.loanOffered)
        w.key("loan")
        if let s = f.loan { loan(s, w) } else { w.null() }
        if let r = f.debtRatio { w.field("debt_ratio", ratio(r)) } else { w.nullField("debt_ratio") }
        w.endObject()
    }

    static func loan(_ s: LoanSchedule, _ w: JSONStreamWriter) {
        w.beginObject()
        w.field("amount", s.amount.cents)
        w.field("months", s.months)
        w.field("deferral_months", s.deferralMonths)
        w.field("annual_rate", s.annualRate.decimalString)
        w.field("monthly_instalment", s.monthlyInstalment.cents)
        w.field("total_interest", s.totalInterest.cents)
        w.field("total_cost", s.totalCostOfCredit.cents)
        w.key("schedule")
        w.beginArray()
        for l in s.lines {
            w.beginObject()
            w.field("month", l.month)
            w.field("instalment", l.instalment.cents)
            w.field("interest", l.interest.cents)
            w.field("principal", l.principal.cents)
            w.field("remaining", l.remaining.cents)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    /// A ratio as a decimal string with four places, like the contract's rates (`"0.3521"`).
    static func ratio(_ r: Double) -> String {
        let scaled = Int64((r * 10_000).rounded(.toNearestOrAwayFromZero))
        let frac = String(scaled % 10_000)
        return "\(scaled / 10_000).\(String(repeating: "0", count: 4 - frac.count))\(frac)"
    }
}
