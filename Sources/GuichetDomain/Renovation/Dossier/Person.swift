/// A person's civil status as the guide lists it (« Création du compte », « Informations du
/// demandeur »): it signs the agreement, so it is read-only once the account exists (`RENO-C`).
public struct CivilStatus: Sendable, Hashable, Codable {
    public var usageName: String
    public var firstName: String
    public var birthName: String
    public var familySituation: FamilySituation?
    public var birthDate: Day
    public var birthCountry: String
    public var birthTown: String
    /// The postal code of the town of birth; empty when born abroad.
    public var birthPostalCode: String

    public init(
        usageName: String, firstName: String, birthName: String, familySituation: FamilySituation?, birthDate: Day,
        birthCountry: String, birthTown: String, birthPostalCode: String
    ) {
        self.usageName = usageName
        self.firstName = firstName
        self.birthName = birthName
        self.familySituation = familySituation
        self.birthDate = birthDate
        self.birthCountry = birthCountry
        self.birthTown = birthTown
        self.birthPostalCode = birthPostalCode
    }

    /// « Martin Claire » as lists show it; the birth name when it differs (« Martin née Durand Claire »).
    public var displayName: String { "\(firstName) \(usageName)" }
}

public enum FamilySituation: String, Sendable, CaseIterable, Codable {
    case single = "célibataire"
    case married = "marié"
    case pacs
    case cohabiting = "concubinage"
    case divorced = "divorcé"
    case widowed = "veuf"

    public var french: String {
        switch self {
        case .single: "Célibataire"
        case .married: "Marié(e)"
        case .pacs: "Pacsé(e)"
        case .cohabiting: "En concubinage"
        case .divorced: "Divorcé(e)"
        case .widowed: "Veuf ou veuve"
        }
    }

    /// `RENO-E2`: the partners of an owner-occupiers' indivision are bound by PACS or marriage.
    public var isBoundPartnership: Bool { self == .married || self == .pacs }
}

public struct ContactDetails: Sendable, Hashable, Codable {
    public var email: String
    public var mobile: String
    public var landline: String
    public init(email: String, mobile: String, landline: String = "") {
        self.email = email
        self.mobile = mobile
        self.landline = landline
    }
}

/// The professional situation the guide asks for (`RENO-E4`).
public struct Occupation: Sendable, Hashable, Codable {
    public var employment: Employment
    public var companyName: String
    public var sector: String
    public var companySiret: Siret?
    public init(employment: Employment, companyName: String, sector: String, companySiret: Siret?) {
        self.employment = employment
        self.companyName = companyName
        self.sector = sector
        self.companySiret = companySiret
    }
}

/// The household's tax situation (`RENO-E5`).
public struct TaxHousehold: Sendable, Hashable, Codable {
    public var referenceTaxIncome: Money
    public var size: Int
    public init(referenceTaxIncome: Money, size: Int) {
        self.referenceTaxIncome = referenceTaxIncome
        self.size = size
    }
}
