/// The financing plan computed by `RENO-F1`…`RENO-F9`.
public struct FinancingPlan: Sendable, Hashable {
    public struct CompanyShare: Sendable, Hashable {
        public let siret: String
        public let name: String
        public let financeableWorks: Money
        public let granted: Money
        /// `P-ACOMPTE`: deposit cap, 30 % of the amount granted to the company.
        public let depositCap: Money
    }
    public let ceiling: Money
    public let annexEnvelope: Money
    public let amoCase: Int
    public let amoGranted: Money
    public let companies: [CompanyShare]
    public let worksGranted: Money
    public let otherFeesGranted: Money
    public var subsidy: Money { amoGranted + worksGranted + otherFeesGranted }
    public let externalAid: Money
    public let totalCost: Money
    /// `RENO-F6`, never below zero (external aid alone may exceed the cost).
    public var remainingCost: Money { (totalCost - subsidy - externalAid).clampedAtZero }
    public let loanOffered: Bool
    public let loan: LoanSchedule?
    /// `RENO-F9`: (instalment + monthly charges) / monthly income, when known.
    public let debtRatio: Double?
    /// Explanations of each step, with the rule that made it.
    public let trace: [Criterion]
}

public enum FinancingPlanner {
    public static func compute(
        _ input: FinancingPlanInput, kind: ApplicantKind, on day: Day,
        parameters p: ResolvedParameters, warnings: inout [Warning]
    ) -> FinancingPlan {
        var trace: [Criterion] = []
        func note(_ r: RuleID, _ m: String) { trace.append(Criterion(r, .pass, m)) }
        func euros(_ m: Money) -> String { m.formatted() }

        let g = grants(input, kind: kind, on: day, parameters: p, trace: &trace, warnings: &warnings)
        let (amo, works, other, externalAid, totalCost) = (g.amo, g.works, g.other, g.externalAid, g.totalCost)
        let financeable = g.financeable
        let shares = Allocation.largestRemainder(total: works, weights: financeable)
        let companies = zip(input.companies, zip(financeable, shares)).map { c, pair in
            FinancingPlan.CompanyShare(
                siret: c.siret, name: c.name, financeableWorks: pair.0, granted: pair.1,
                depositCap: pair.1.share(Int64(p.depositPercent), over: 100))
        }

        // RENO-F6
        let subsidy = amo + works + other
        let remaining = (totalCost - subsidy - externalAid).clampedAtZero
        let offered = remaining > p.remainingCostThreshold
        let loanOffer =
            offered ? " : supérieur à \(euros(p.remainingCostThreshold)), un prêt peut être proposé" : ""
        note(.f6, "Reste à charge \(euros(remaining))\(loanOffer).")

        // RENO-F7, RENO-F8
        let schedule = input.loan.flatMap {
            loan($0, remaining: remaining, subsidy: subsidy, on: day, parameters: p, trace: &trace, warnings: &warnings)
        }

        // RENO-F9
        let ratio = schedule.flatMap {
            debtRatio($0, input, alertPercent: p.debtRatioAlertPercent, warnings: &warnings)
        }
        return FinancingPlan(
            ceiling: g.ceiling, annexEnvelope: g.annex, amoCase: g.amoCase, amoGranted: amo,
            companies: companies, worksGranted: works, otherFeesGranted: other,
            externalAid: externalAid, totalCost: totalCost, loanOffered: offered,
            loan: schedule, debtRatio: ratio, trace: trace)
    }

    /// What the subsidy grants before the loan: `RENO-F1` to `RENO-F5`.
    struct Grants {
        let ceiling, annex, amo, works, other, externalAid, totalCost: Money
        let amoCase: Int
        let financeable: [Money]
    }

    static func grants(
        _ input: FinancingPlanInput, kind: ApplicantKind, on day: Day, parameters p: ResolvedParameters,
        trace: inout [Criterion], warnings: inout [Warning]
    ) -> Grants {
        func note(_ r: RuleID, _ m: String) { trace.append(Criterion(r, .pass, m)) }
        func euros(_ m: Money) -> String { m.formatted() }
        // RENO-F1
        let ceiling = kind.isLandlord ? p.ceilingLandlord : p.ceilingOwnerOccupier
        let annex = ceiling.share(Int64(p.annexEnvelopePercent), over: 100)
        let envelope = "enveloppe des frais annexes \(p.annexEnvelopePercent) % : \(euros(annex))"
        note(.f1, "Plafond de subvention \(euros(ceiling)) ; \(envelope).")

        // RENO-F2
        let (amoCase, amoCap) = amoCap(input, kind: kind, parameters: p)
        var amo = min(input.amoFee - input.amoExternalFunding, amoCap, annex, ceiling).clampedAtZero
        note(
            .f2,
            "Frais d'AMO \(euros(input.amoFee)) − financement externe \(euros(input.amoExternalFunding)), plafond cas "
                + "\(amoCase) \(euros(amoCap)) : \(euros(amo)) pris en charge."
        )

        // RENO-F3
        warnings += nonRGEWarnings(input.companies)
        let financeable = input.companies.map(\.financeableWorks)
        let totalFinanceable = financeable.sum()
        var works = min(totalFinanceable, (ceiling - amo).clampedAtZero)
        let capped = works < totalFinanceable ? " (plafonnés, répartis au prorata entre les entreprises)" : ""
        note(.f3, "Travaux finançables \(euros(totalFinanceable)) ; accordés \(euros(works))\(capped).")

        // RENO-F4
        let dpe = dpeFinanced(input, on: day, warnings: &warnings)
        let otherFees = input.moeFee + input.doInsurance + dpe
        var other = min(otherFees, (annex - amo).clampedAtZero, (ceiling - amo - works).clampedAtZero)
        note(
            .f4,
            "Autres frais annexes (MOE, assurance dommage-ouvrage, DPE/audit) \(euros(otherFees)) ; accordés "
                + "\(euros(other))."
        )

        // RENO-F5 (no over-financing): reduce other fees, then works, then AMO.
        let externalAid = input.externalAid.map(\.amount).sum()
        let allWorks = input.companies.reduce(Money.zero) { $0 + $1.mainWorks + $1.inducedWorks }
        let totalCost =
            allWorks + input.loanOnlyWorks + input.amoFee + input.moeFee + input.doInsurance + input.dpeAuditFee
        let excess = amo + works + other + externalAid - totalCost
        let before = amo + works + other
        (amo, works, other) = removeOverFinancing(excess, amo: amo, works: works, other: other)
        note(
            .f5,
            excess.cents > 0
                ? "Subvention réduite de \(euros(before - amo - works - other)) : subvention et aides externes "
                    + "(\(euros(externalAid))) ne dépassent pas le coût total \(euros(totalCost))."
                : "Pas de surfinancement : subvention et aides externes ≤ coût total \(euros(totalCost)).")
        return Grants(
            ceiling: ceiling, annex: annex, amo: amo, works: works, other: other, externalAid: externalAid,
            totalCost: totalCost, amoCase: amoCase, financeable: financeable)
    }

    /// `RENO-F2`: the AMO case (1, 2 owner-occupier; 3, 4 landlord; +1 with external aid) and its cap.
    static func amoCap(
        _ input: FinancingPlanInput, kind: ApplicantKind, parameters p: ResolvedParameters
    ) -> (Int, Money) {
        let withAid = input.externalAid.contains { $0.amount.cents > 0 }
        let amoCase = (kind.isLandlord ? 3 : 1) + (withAid ? 1 : 0)
        return (amoCase, p.amoCaps.cap(case: amoCase))
    }

    /// `RENO-E11`: the main works of a company without RGE are not financed by the subsidy.
    static func nonRGEWarnings(_ companies: [WorksCompany]) -> [Warning] {
        companies.filter { !$0.rge && $0.mainWorks.cents > 0 }.map { c in
            Warning(
                .e11,
                "\(c.name) (\(c.siret)) n'est pas RGE ; ses travaux principaux (\(c.mainWorks.formatted())) ne sont "
                    + "pas financés par la subvention.")
        }
    }

    /// `RENO-F5`: an over-financing is taken from the other fees, then the works, then the AMO.
    static func removeOverFinancing(
        _ excess: Money, amo: Money, works: Money, other: Money
    ) -> (amo: Money, works: Money, other: Money) {
        guard excess.cents > 0 else { return (amo, works, other) }
        var (amo, works, other, excess) = (amo, works, other, excess)
        let fromOther = min(other, excess)
        other -= fromOther
        excess -= fromOther
        let fromWorks = min(works, excess)
        works -= fromWorks
        excess -= fromWorks
        amo -= min(amo, excess)
        return (amo, works, other)
    }

    /// `RENO-F7`, `RENO-F8`: the loan asked for, checked, and its schedule at the Livret A rate.
    static func loan(
        _ wish: LoanRequest, remaining: Money, subsidy: Money, on day: Day, parameters p: ResolvedParameters,
        trace: inout [Criterion], warnings: inout [Warning]
    ) -> LoanSchedule? {
        let problems = LoanRules.check(wish, remainingCost: remaining, subsidy: subsidy, parameters: p)
        guard problems.isEmpty else {
            warnings.append(contentsOf: problems.map { Warning(.f7, $0, failed: true) })
            return nil
        }
        let s = LoanSchedule(
            amount: wish.amount, months: wish.months, deferralMonths: wish.deferralMonths, annualRate: p.loanRate)
        let livret =
            p.livretA.map { "Livret A au \(day.lastDayOfPreviousYear.french) : \($0.rate.frenchPercent)" }
            ?? "Livret A inconnu"
        trace.append(
            Criterion(
                .f8, .pass,
                "Prêt \(wish.amount.formatted()) sur \(wish.months) mois dont \(wish.deferralMonths) de différé, taux "
                    + "\(p.loanRate.frenchPercent) (\(livret), plancher 1 %) ; mensualité "
                    + "\(s.monthlyInstalment.formatted()), intérêts \(s.totalInterest.formatted())."))
        return s
    }

    /// `RENO-F9`: (instalment + monthly charges) / monthly income, with a warning above the alert.
    static func debtRatio(
        _ s: LoanSchedule, _ input: FinancingPlanInput, alertPercent: Int, warnings: inout [Warning]
    ) -> Double? {
        guard let income = input.monthlyIncome, income.cents > 0 else { return nil }
        let charges = input.monthlyCharges ?? .zero
        let r = Double((s.monthlyInstalment + charges).cents) / Double(income.cents)
        if r * 100 > Double(alertPercent) {
            warnings.append(
                Warning(
                    .f9,
                    "taux d'endettement \(FrenchFormat.percent(ratio: r)) supérieur à \(alertPercent) % (mensualité "
                        + "\(s.monthlyInstalment.formatted()) + charges \(charges.formatted()) sur revenus "
                        + "\(income.formatted()))."))
        }
        return r
    }

    /// `RENO-F4`: a DPE or audit is financed only when less than 3 months old at the reference
    /// date; 3 months to 5 years it is evidence, not financed; older, it is rejected.
    static func dpeFinanced(_ input: FinancingPlanInput, on day: Day, warnings: inout [Warning]) -> Money {
        guard input.dpeAuditFee.cents > 0 else { return .zero }
        guard let date = input.dpeAuditDate else {
            warnings.append(Warning(.f4, "date du DPE ou de l'audit non indiquée ; ses frais ne sont pas financés."))
            return .zero
        }
        if date > day {
            warnings.append(
                Warning(
                    .f4, "DPE ou audit daté du \(date.french), postérieur à la date de référence ; frais non financés.")
            )
            return .zero
        }
        if date > day.adding(months: -3) { return input.dpeAuditFee }
        if date > day.adding(months: -60) {
            warnings.append(
                Warning(
                    .f4,
                    "DPE ou audit du \(date.french) de plus de 3 mois : accepté comme justificatif, frais non financés."
                )
            )
        } else {
            warnings.append(Warning(.f4, "DPE ou audit du \(date.french) de plus de 5 ans : refusé."))
        }
        return .zero
    }
}

/// `RENO-F7`: the loan's amount and terms.
public enum LoanRules {
    public static func check(
        _ wish: LoanRequest, remainingCost: Money, subsidy: Money, parameters p: ResolvedParameters
    ) -> [String] {
        var problems: [String] = []
        if subsidy.cents <= 0 {
            problems.append("le prêt est indissociable de la subvention : aucune subvention n'est accordée.")
        }
        if wish.amount.cents <= 0 { problems.append("le montant du prêt doit être positif.") }
        let maximum = min(p.loanMaximum, remainingCost.clampedAtZero)
        if wish.amount > maximum {
            problems.append(
                "le montant du prêt \(wish.amount.formatted()) dépasse le maximum \(maximum.formatted()) (plafond "
                    + "\(p.loanMaximum.formatted()) et reste à charge \(remainingCost.formatted()))."
            )
        }
        if wish.months < 1 || wish.months > p.loanMaximumMonths {
            problems.append(
                "la durée de \(wish.months) mois doit être comprise entre 1 et \(p.loanMaximumMonths) mois.")
        }
        if wish.deferralMonths < 0 || wish.deferralMonths > p.deferralMaximumMonths {
            problems.append(
                "le différé de \(wish.deferralMonths) mois doit être compris entre 0 et \(p.deferralMaximumMonths) "
                    + "mois."
            )
        } else if wish.deferralMonths >= wish.months {
            problems.append(
                "le différé (\(wish.deferralMonths) mois) doit être inférieur à la durée (\(wish.months) mois).")
        }
        return problems
    }
}
