/// Every figure of `RULES.md` part 1 as dated series, plus the reference tables they lean on.
/// The server keeps the series in its database (each administrator's edit is a new version);
/// `builtIn` is the value seeded from the sources.
public struct RenovationParameters: Sendable {
    public var subsidyCeilingOwnerOccupier: DatedSeries<Money>  // P-S-PO
    public var subsidyCeilingLandlord: DatedSeries<Money>  // P-S-PB
    public var loanMaximum: DatedSeries<Money>  // P-L-MAX
    public var loanMaximumMonths: DatedSeries<Int>  // P-L-DUR
    public var deferralMaximumMonths: DatedSeries<Int>  // P-L-DEF
    public var loanRateFloor: DatedSeries<Rate>  // P-L-RATE (floor)
    public var amoCaps: DatedSeries<AmoCaps>  // P-AMO
    public var annexEnvelopePercent: DatedSeries<Int>  // P-ANNEX
    public var remainingCostThreshold: DatedSeries<Money>  // P-RAC
    public var depositPercent: DatedSeries<Int>  // P-ACOMPTE
    public var debtRatioAlertPercent: DatedSeries<Int>  // RENO-F9
    /// Livret A rates and Anah ceilings added by an administrator after the shipped tables
    /// (P-L-RATE, P-ANAH): they extend the reference data without a redeployment.
    public var livretAAdditions: [LivretARate] = []
    public var anahAdditions: [AnahCeiling] = []
    /// Version label stored with every decision: `builtin` or the database version number.
    public var version: String

    public init(
        subsidyCeilingOwnerOccupier: DatedSeries<Money>, subsidyCeilingLandlord: DatedSeries<Money>,
        loanMaximum: DatedSeries<Money>, loanMaximumMonths: DatedSeries<Int>, deferralMaximumMonths: DatedSeries<Int>,
        loanRateFloor: DatedSeries<Rate>, amoCaps: DatedSeries<AmoCaps>, annexEnvelopePercent: DatedSeries<Int>,
        remainingCostThreshold: DatedSeries<Money>, depositPercent: DatedSeries<Int>,
        debtRatioAlertPercent: DatedSeries<Int>, version: String
    ) {
        self.subsidyCeilingOwnerOccupier = subsidyCeilingOwnerOccupier
        self.subsidyCeilingLandlord = subsidyCeilingLandlord
        self.loanMaximum = loanMaximum
        self.loanMaximumMonths = loanMaximumMonths
        self.deferralMaximumMonths = deferralMaximumMonths
        self.loanRateFloor = loanRateFloor
        self.amoCaps = amoCaps
        self.annexEnvelopePercent = annexEnvelopePercent
        self.remainingCostThreshold = remainingCostThreshold
        self.depositPercent = depositPercent
        self.debtRatioAlertPercent = debtRatioAlertPercent
        self.version = version
    }

    public static let applicationStart = Day(year: 2019, month: 9, day: 15)!

    public static var builtIn: RenovationParameters {
        let d = applicationStart
        let directive = "Directive PP_TREPO_2_DIRPIV (CA du 27/06/2019)"
        let guide = "Guide AMO Action Logement"
        return RenovationParameters(
            subsidyCeilingOwnerOccupier: .init(
                id: "P-S-PO", label: "Plafond de subvention, propriétaire occupant",
                entries: [.init(from: d, .euros(20_000), source: directive + ", guide p.1")]),
            subsidyCeilingLandlord: .init(
                id: "P-S-PB", label: "Plafond de subvention, propriétaire bailleur ou SCI",
                entries: [.init(from: d, .euros(15_000), source: guide + " p.1")]),
            loanMaximum: .init(
                id: "P-L-MAX", label: "Montant maximum du prêt",
                entries: [.init(from: d, .euros(30_000), source: directive)]),
            loanMaximumMonths: .init(
                id: "P-L-DUR", label: "Durée maximum du prêt (mois)",
                entries: [.init(from: d, 240, source: directive)]),
            deferralMaximumMonths: .init(
                id: "P-L-DEF", label: "Différé d'amortissement maximum (mois)",
                entries: [.init(from: d, 36, source: directive)]),
            loanRateFloor: .init(
                id: "P-L-RATE", label: "Taux plancher du prêt",
                entries: [.init(from: d, .percent(1), source: directive)]),
            amoCaps: .init(
                id: "P-AMO", label: "Plafonds des frais d'AMO (cas 1 à 4)",
                entries: [
                    .init(
                        from: d, AmoCaps(.euros(1_000), .euros(575), .euros(1_225), .euros(900)),
                        source: guide + ", FAQ « AMO »")
                ]),
            annexEnvelopePercent: .init(
                id: "P-ANNEX", label: "Enveloppe des frais annexes (% du plafond)",
                entries: [.init(from: d, 15, source: guide + ", FAQ « Autres frais »")]),
            remainingCostThreshold: .init(
                id: "P-RAC", label: "Reste à charge au-delà duquel le prêt est proposé",
                entries: [.init(from: d, .euros(500), source: guide + " p.9")]),
            depositPercent: .init(
                id: "P-ACOMPTE", label: "Acompte maximum (% de la part de l'entreprise)",
                entries: [.init(from: d, 30, source: guide + ", FAQ « Versements »")]),
            debtRatioAlertPercent: .init(
                id: "P-ENDET", label: "Taux d'endettement signalé au-delà de",
                entries: [.init(from: d, 35, source: "RULES.md RENO-F9 (Code de la consommation L.312-14)")]),
            version: "builtin")
    }

    /// The reference tables with the administrator's additions (the same object when there are none).
    public func effectiveReference(_ base: ReferenceData) -> ReferenceData {
        guard !livretAAdditions.isEmpty || !anahAdditions.isEmpty else { return base }
        return base.adding(livretA: livretAAdditions, anahCeilings: anahAdditions)
    }

    /// The values in force on `day`, with the warnings the resolution raised.
    public func resolve(at day: Day, reference base: ReferenceData) -> ResolvedParameters {
        resolve(at: day, effective: effectiveReference(base))
    }

    /// The same, with tables that already carry the additions (`effectiveReference`).
    func resolve(at day: Day, effective reference: ReferenceData) -> ResolvedParameters {
        var w: [Warning] = []
        let floor = loanRateFloor.resolve(at: day, warnings: &w)
        let livret = reference.livretARate(on: day.lastDayOfPreviousYear, warnings: &w)
        return ResolvedParameters(
            day: day, version: version,
            ceilingOwnerOccupier: subsidyCeilingOwnerOccupier.resolve(at: day, warnings: &w),
            ceilingLandlord: subsidyCeilingLandlord.resolve(at: day, warnings: &w),
            loanMaximum: loanMaximum.resolve(at: day, warnings: &w),
            loanMaximumMonths: loanMaximumMonths.resolve(at: day, warnings: &w),
            deferralMaximumMonths: deferralMaximumMonths.resolve(at: day, warnings: &w),
            livretA: livret, loanRate: max(livret?.rate ?? floor, floor),
            amoCaps: amoCaps.resolve(at: day, warnings: &w),
            annexEnvelopePercent: annexEnvelopePercent.resolve(at: day, warnings: &w),
            remainingCostThreshold: remainingCostThreshold.resolve(at: day, warnings: &w),
            depositPercent: depositPercent.resolve(at: day, warnings: &w),
            debtRatioAlertPercent: debtRatioAlertPercent.resolve(at: day, warnings: &w),
            warnings: w)
    }
}

/// Parameters in force on one day: plain values, ready for the rules.
public struct ResolvedParameters: Sendable {
    public let day: Day
    public let version: String
    public let ceilingOwnerOccupier: Money
    public let ceilingLandlord: Money
    public let loanMaximum: Money
    public let loanMaximumMonths: Int
    public let deferralMaximumMonths: Int
    /// Livret A rate in force on 31 December of the year before, when known.
    public let livretA: LivretARate?
    /// `P-L-RATE`: max(Livret A, floor).
    public let loanRate: Rate
    public let amoCaps: AmoCaps
    public let annexEnvelopePercent: Int
    public let remainingCostThreshold: Money
    public let depositPercent: Int
    public let debtRatioAlertPercent: Int
    public let warnings: [Warning]
}
