/// The financing plan as entered by the AMO (`RULES.md`, RENO-F inputs). Amounts TTC.
public struct FinancingPlanInput: Sendable, Hashable {
    public var amoFee: Money = .zero
    public var amoExternalFunding: Money = .zero
    public var companies: [WorksCompany] = []
    public var moeFee: Money = .zero
    public var moeByWorksCompany = false
    public var doInsurance: Money = .zero
    public var dpeAuditFee: Money = .zero
    public var dpeAuditDate: Day?
    public var externalAid: [ExternalAid] = []
    public var loanOnlyWorks: Money = .zero
    public var monthlyIncome: Money?
    public var monthlyCharges: Money?
    public var loan: LoanRequest?
    public init() {}
}

public struct WorksCompany: Sendable, Hashable {
    public var siret: String
    public var name: String
    public var rge: Bool
    public var mainWorks: Money
    public var inducedWorks: Money
    public init(siret: String, name: String, rge: Bool, mainWorks: Money, inducedWorks: Money) {
        self.siret = siret
        self.name = name
        self.rge = rge
        self.mainWorks = mainWorks
        self.inducedWorks = inducedWorks
    }
    /// `RENO-E11`: main works count only when the company is RGE; induced works need no label.
    public var financeableWorks: Money { (rge ? mainWorks : .zero) + inducedWorks }
}

public enum Funder: String, Sendable, CaseIterable, Codable {
    case anah, collectivity, other
    public var french: String {
        switch self {
        case .anah: "Anah"
        case .collectivity: "collectivité"
        case .other: "autre financeur"
        }
    }
}

public struct ExternalAid: Sendable, Hashable, Codable {
    public var funder: Funder
    public var amount: Money
    public init(funder: Funder, amount: Money) {
        self.funder = funder
        self.amount = amount
    }
}

public struct LoanRequest: Sendable, Hashable {
    public var amount: Money
    public var months: Int
    public var deferralMonths: Int
    public init(amount: Money, months: Int, deferralMonths: Int) {
        self.amount = amount
        self.months = months
        self.deferralMonths = deferralMonths
    }
}
