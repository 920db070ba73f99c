import GuichetDomain

/// Shared, read-only fixtures: the shipped reference tables (loaded once per test process).
enum Fixtures {
    static let reference: ReferenceData = {
        do { return try ReferenceData.loadBundled() } catch { fatalError("reference data: \(error)") }
    }()
    static let parameters = RenovationParameters.builtIn

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// An eligible owner-occupier case (Bourg-en-Bresse, 2020), to vary in tests.
    static func ownerOccupier(income euros: Int64 = 25_000, size: Int = 3, insee: String = "01053") -> RenovationCase {
        var c = RenovationCase()
        c.applicant.kind = .ownerOccupier
        c.applicant.ownership = .full
        c.applicant.jointOwners = 1
        c.applicant.household = Household(
            employment: .privateSector, householdSize: size, referenceTaxIncome: .euros(euros))
        c.dwelling = Dwelling(insee: InseeCode(insee)!, postalCode: nil, principalResidence: true)
        c.works = Works(
            insulation: true, insulationNotNeededPerDiagnosis: false, heatingReplacement: false,
            renewableHeatingOrHotWater: false)
        return c
    }

    static func eligibility(_ c: RenovationCase, on day: String = "2020-06-15") -> EligibilityResult {
        var w: [Warning] = []
        return Eligibility.evaluate(c, on: Day(iso: day)!, reference: reference, warnings: &w)
    }

    static func status(_ e: EligibilityResult, _ rule: RuleID) -> CriterionStatus? {
        e.criteria.first { $0.rule == rule }?.status
    }
}
