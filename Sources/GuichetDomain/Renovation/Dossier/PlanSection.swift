/// The inputs of the financing plan (`RENO-F`), the loan question first (the guide).
public struct PlanSection: Sendable, Hashable, Codable {
    /// « Souhaitez-vous un prêt complémentaire ? »: nil until answered.
    public var loanWanted: Bool?
    public var loan: LoanWish?
    public var companies: [DossierCompany] = []
    public var amoFee: Money?
    public var amoExternalFunding: Money = .zero
    public var moeFee: Money = .zero
    public var moeByWorksCompany = false
    public var doInsurance: Money = .zero
    public var dpeAuditFee: Money = .zero
    public var dpeAuditDate: Day?
    public var externalAid: [ExternalAid] = []
    public var loanOnlyWorks: Money = .zero
    public var monthlyIncome: Money?
    public var monthlyCharges: Money?
    public init() {}
}

public struct LoanWish: Sendable, Hashable, Codable {
    public var amount: Money
    public var months: Int
    public var deferralMonths: Int
    public init(amount: Money, months: Int, deferralMonths: Int) {
        self.amount = amount
        self.months = months
        self.deferralMonths = deferralMonths
    }
}

/// A works company as the dossier names it: its SIRET (`RENO-E11`), the type of main works it
/// does (the guide's table) and the amounts of its quote financeable by the subsidy.
public struct DossierCompany: Sendable, Hashable, Codable {
    public var siret: Siret
    public var name: String
    public var rge: Bool
    public var mainWorkType: MainWorkType
    public var mainWorks: Money
    public var inducedWorks: Money
    /// The legal representative's name (the guide's « Nom / Prénom du représentant légal »).
    public var representative: String?
    public init(
        siret: Siret, name: String, rge: Bool, mainWorkType: MainWorkType, mainWorks: Money, inducedWorks: Money,
        representative: String? = nil
    ) {
        self.representative = representative
        self.siret = siret
        self.name = name
        self.rge = rge
        self.mainWorkType = mainWorkType
        self.mainWorks = mainWorks
        self.inducedWorks = inducedWorks
    }
}

/// The guide's table of main works (`RENO-E8`): items marked ✗ there (windows, doors, shutters,
/// glazing) are never financed by the subsidy and cannot be chosen.
public enum MainWorkType: String, Sendable, CaseIterable, Codable {
    case wallInsulation = "isolation_murs"
    case atticInsulation = "isolation_combles"
    case floorInsulation = "isolation_planchers"
    case heatingReplacement = "remplacement_chauffage"
    case renewableHeating = "chauffage_renouvelable"
    case renewableHotWater = "eau_chaude_renouvelable"
    case windows = "fenêtres"
    case doors = "portes"
    case shutters = "volets"
    case glazing = "vitrages"

    public var french: String {
        switch self {
        case .wallInsulation: "Isolation thermique des murs"
        case .atticInsulation: "Isolation thermique des combles ou toitures"
        case .floorInsulation: "Isolation thermique des planchers bas"
        case .heatingReplacement: "Remplacement du système de chauffage"
        case .renewableHeating: "Chauffage utilisant une source d'énergie renouvelable"
        case .renewableHotWater: "Eau chaude sanitaire utilisant une source d'énergie renouvelable"
        case .windows: "Fenêtres"
        case .doors: "Portes"
        case .shutters: "Volets"
        case .glazing: "Vitrages"
        }
    }

    /// ✗ in the guide's table.
    public var isFinanceable: Bool {
        switch self {
        case .windows, .doors, .shutters, .glazing: false
        default: true
        }
    }

    public static let choosable = allCases.filter(\.isFinanceable)
}

/// A works company of the shared registry, by SIRET (`RENO-E11`): its bank details (third-party
/// payment) are given by the first dossier naming it and reused by the others, like its documents
/// (« seul le premier devra déposer les pièces »); a change goes through the instructor.
public struct WorksCompanyRegistration: Sendable, Hashable {
    public var siret: Siret
    public var name: String
    public var representative: String
    public var accountHolder: String
    public var iban: Iban
    public var bic: Bic
    public init(siret: Siret, name: String, representative: String, accountHolder: String, iban: Iban, bic: Bic) {
        self.siret = siret
        self.name = name
        self.representative = representative
        self.accountHolder = accountHolder
        self.iban = iban
        self.bic = bic
    }
}
