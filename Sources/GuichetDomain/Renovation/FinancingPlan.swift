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

        // RENO-F1
        let ceiling = kind.isLandlord ? p.ceilingLandlord : p.ceilingOwnerOccupier
        let annex = ceiling.share(Int64(p.annexEnvelopePercent), over: 100)
        note(
            .f1,
            "Plafond de subvention \(euros(ceiling)) ; enveloppe des frais annexes \(p.annexEnvelopePercent) % : "
                + "\(euros(annex))."
        )

        // RENO-F2
        let withAid = input.externalAid.contains { $0.amount.cents > 0 }
        let amoCase = (kind.isLandlord ? 3 : 1) + (withAid ? 1 : 0)
        let amoCap = p.amoCaps.cap(case: amoCase)
        var amo = min(input.amoFee - input.amoExternalFunding, amoCap, annex, ceiling).clampedAtZero
        note(
            .f2,
            "Frais d'AMO \(euros(input.amoFee)) − financement externe \(euros(input.amoExternalFunding)), plafond cas "
                + "\(amoCase) \(euros(amoCap)) : \(euros(amo)) pris en charge."
        )

        // RENO-F3
        for c in input.companies where !c.rge && c.mainWorks.cents > 0 {
            warnings.append(
                Warning(
                    .e11,
                    "\(c.name) (\(c.siret)) n'est pas RGE ; ses travaux principaux (\(euros(c.mainWorks))) ne sont "
                        + "pas financés par la subvention."
                )
            )
        }
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
        var excess = amo + works + other + externalAid - totalCost
        if excess.cents > 0 {
            let before = amo + works + other
            for slot in 0..<3 where excess.cents > 0 {
                let cut: Money
                switch slot {
                case 0:
                    cut = min(other, excess)
                    other -= cut
                case 1:
                    cut = min(works, excess)
                    works -= cut
                default:
                    cut = min(amo, excess)
                    amo -= cut
                }
                excess -= cut
            }
            trace.append(
                Criterion(
                    .f5, .pass,
                    "Subvention réduite de \(euros(before - amo - works - other)) : subvention et aides externes "
                        + "(\(euros(externalAid))) ne dépassent pas le coût total \(euros(totalCost))."
                ))
        } else {
            note(.f5, "Pas de surfinancement : subvention et aides externes ≤ coût total \(euros(totalCost)).")
        }

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
        var schedule: LoanSchedule?
        if let wish = input.loan {
            let problems = LoanRules.check(wish, remainingCost: remaining, subsidy: subsidy, parameters: p)
            if problems.isEmpty {
                let s = LoanSchedule(
                    amount: wish.amount, months: wish.months, deferralMonths: wish.deferralMonths,
                    annualRate: p.loanRate)
                schedule = s
                let livret =
                    p.livretA.map { "Livret A au \(day.lastDayOfPreviousYear.french) : \($0.rate.frenchPercent)" }
                    ?? "Livret A inconnu"
                note(
                    .f8,
                    "Prêt \(euros(wish.amount)) sur \(wish.months) mois dont \(wish.deferralMonths) de différé, taux "
                        + "\(p.loanRate.frenchPercent) (\(livret), plancher 1 %) ; mensualité "
                        + "\(euros(s.monthlyInstalment)), intérêts \(euros(s.totalInterest))."
                )
            } else {
                warnings.append(contentsOf: problems.map { Warning(.f7, $0, failed: true) })
            }
        }

        // RENO-F9
        var ratio: Double?
        if let s = schedule, let income = input.monthlyIncome, income.cents > 0 {
            let r = Double((s.monthlyInstalment + (input.monthlyCharges ?? .zero)).cents) / Double(income.cents)
            ratio = r
            if r * 100 > Double(p.debtRatioAlertPercent) {
                warnings.append(
                    Warning(
                        .f9,
                        "taux d'endettement \(FrenchFormat.percent(ratio: r)) supérieur à \(p.debtRatioAlertPercent) "
                            + "% (mensualité \(euros(s.monthlyInstalment)) + charges "
                            + "\(euros(input.monthlyCharges ?? .zero)) sur revenus \(euros(income)))."
                    )
                )
            }
        }
        return FinancingPlan(
            ceiling: ceiling, annexEnvelope: annex, amoCase: amoCase, amoGranted: amo,
            companies: companies, worksGranted: works, otherFeesGranted: other,
            externalAid: externalAid, totalCost: totalCost, loanOffered: offered,
            loan: schedule, debtRatio: ratio, trace: trace)
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
