/// `RENO-E4` Employment and `RENO-E5` Income, for the household that opens the right: the
/// applicant (owner-occupier), the applicant, a co-owner in indivision (`RENO-E2`) or the tenant
/// (landlord), the majority partner or the tenant (SCI). Both criteria must be met by the same
/// household.
struct RightCheck {
    let employment: Criterion
    let income: Criterion
    let opener: RightOpener?
    let category: AnahCeiling.Category?
    let ceiling: Money?

    var overall: CriterionStatus {
        if employment.status == .pass && income.status == .pass { return .pass }
        if employment.status == .fail || income.status == .fail { return .fail }
        return .missing
    }

    static func evaluate(
        _ c: RenovationCase, on day: Day, region: AnahCeiling.Region?,
        reference: ReferenceData, warnings: inout [Warning]
    ) -> RightCheck {
        // The primary household (applicant or majority partner), then, for a landlord, the tenant.
        let primaryWho: RightOpener = c.applicant.kind == .sci ? .majorityPartner : .applicant
        let primary = check(
            .household(c.applicant.kind == .sci ? (c.sci?.majorityPartner ?? Household()) : c.applicant.household),
            who: primaryWho, on: day, region: region, reference: reference, warnings: &warnings)
        guard c.applicant.kind?.isLandlord == true, primary.overall != .pass else {
            return primary.overall == .pass ? primary : primary.withoutOpener
        }
        let tenantCandidate: Candidate
        switch (c.tenant, c.tenant?.inPlace) {
        case (nil, _): tenantCandidate = .absent
        case (_, nil): tenantCandidate = .unknownPresence
        case (let t?, true?): tenantCandidate = .household(t.household)
        case (let t?, false?): tenantCandidate = .notYetInPlace(t.household.householdSize)
        }
        let coOwners =
            c.applicant.kind == .landlord
            ? c.applicant.coOwners.map {
                check(.household($0), who: .coOwner, on: day, region: region, reference: reference, warnings: &warnings)
            } : []
        let checks =
            [primary] + coOwners + [
                check(tenantCandidate, who: .tenant, on: day, region: region, reference: reference, warnings: &warnings)
            ]
        if let winner = checks.first(where: { $0.overall == .pass }) {
            guard winner.opener != checks[0].opener else { return winner }
            var employment = winner.employment
            if winner.opener == .tenant, case .employment(let label, let e, let opens, _) = employment.explanation {
                employment = Criterion(
                    .e4, .pass, .employment(label: label, employment: e, opens: opens, openedByTenant: true))
            }
            return RightCheck(
                employment: employment, income: winner.income,
                opener: winner.opener, category: winner.category, ceiling: winner.ceiling)
        }
        if let pending = checks.first(where: { $0.overall == .missing }) { return pending.withoutOpener }
        return checks[0].withoutOpener
    }

    private var withoutOpener: RightCheck {
        RightCheck(employment: employment, income: income, opener: nil, category: category, ceiling: ceiling)
    }

    private enum Candidate {
        case household(Household)
        case notYetInPlace(Int?)
        case unknownPresence
        case absent
    }

    private static func check(
        _ cand: Candidate, who: RightOpener, on day: Day, region: AnahCeiling.Region?,
        reference: ReferenceData, warnings: inout [Warning]
    ) -> RightCheck {
        let label =
            switch who {
            case .applicant: ""
            case .tenant: "Locataire : "
            case .coOwner: "Propriétaire en indivision : "
            case .majorityPartner: "Associé majoritaire : "
            }
        switch cand {
        case .absent:
            return RightCheck(
                employment: Criterion(
                    .e4, .missing, "Si le locataire remplit les conditions, renseignez sa situation professionnelle."),
                income: Criterion(.e5, .missing, "Si le locataire remplit les conditions, renseignez ses revenus."),
                opener: who, category: nil, ceiling: nil)
        case .unknownPresence:
            return RightCheck(
                employment: Criterion(.e4, .missing, "Indiquez si le locataire est déjà en place."),
                income: Criterion(.e5, .missing, "Indiquez si le locataire est déjà en place."),
                opener: who, category: nil, ceiling: nil)
        case .notYetInPlace(let size):
            let ceiling = region.flatMap { r in
                reference.anahCeiling(on: day, region: r, category: .modeste, warnings: &warnings)?.ceiling(
                    householdSize: max(1, size ?? 1))
            }
            return RightCheck(
                employment: Criterion(
                    .e4, .pass,
                    "Locataire pas encore en place : le propriétaire s'engage à louer à un salarié éligible (clause "
                        + "de la convention)."
                ),
                income: Criterion(
                    .e5, .pass,
                    "Locataire pas encore en place : revenu pris à 0 € ; le propriétaire s'engage à louer à un "
                        + "locataire sous les plafonds Anah."
                ),
                opener: who, category: .tresModeste, ceiling: ceiling)
        case .household(let h):
            let employment: Criterion
            switch h.employment {
            case nil: employment = Criterion(.e4, .missing, "\(label)indiquez la situation professionnelle.")
            case let e?:
                employment = Criterion(
                    .e4, e.opensRight ? .pass : .fail,
                    .employment(label: label, employment: e, opens: e.opensRight, openedByTenant: false))
            }
            let (income, category, ceiling) = incomeCriterion(
                h, label: label, on: day, region: region,
                reference: reference, warnings: &warnings)
            return RightCheck(employment: employment, income: income, opener: who, category: category, ceiling: ceiling)
        }
    }

    private static func incomeCriterion(
        _ h: Household, label: String, on day: Day, region: AnahCeiling.Region?,
        reference: ReferenceData, warnings: inout [Warning]
    )
        -> (Criterion, AnahCeiling.Category?, Money?)
    {
        guard let size = h.householdSize else {
            return (Criterion(.e5, .missing, "\(label)indiquez le nombre de personnes du foyer fiscal."), nil, nil)
        }
        guard let region else {
            return (
                Criterion(
                    .e5, .missing,
                    "\(label)le plafond de ressources dépend de la région du logement : indiquez sa commune."), nil, nil
            )
        }
        guard let modeste = reference.anahCeiling(on: day, region: region, category: .modeste, warnings: &warnings)
        else {
            return (Criterion(.e5, .missing, "Plafonds de ressources Anah indisponibles."), nil, nil)
        }
        let ceiling = modeste.ceiling(householdSize: size)
        guard let rfr = h.referenceTaxIncome else {
            return (Criterion(.e5, .missing, .incomeMissing(label: label, ceiling: ceiling)), nil, ceiling)
        }
        func explained(_ pass: Bool) -> Explanation {
            .income(
                label: label, income: rfr, pass: pass, year: modeste.year, ileDeFrance: region == .ileDeFrance,
                persons: size, ceiling: ceiling)
        }
        guard rfr <= ceiling else {
            return (Criterion(.e5, .fail, explained(false)), nil, ceiling)
        }
        var category = AnahCeiling.Category.modeste
        if let tres = reference.anahCeiling(on: day, region: region, category: .tresModeste, warnings: &warnings),
            rfr <= tres.ceiling(householdSize: size)
        {
            category = .tresModeste
        }
        return (Criterion(.e5, .pass, explained(true)), category, ceiling)
    }
}
