/// What the rules need to know about a renovation project. Every field is optional: an absent
/// answer makes its criterion `missing` (the public test asks only what is still needed).
public struct RenovationCase: Sendable, Hashable {
    public var applicant = Applicant()
    public var sci: SCI?
    public var tenant: Tenant?
    public var dwelling = Dwelling()
    public var works = Works()
    public var plan: FinancingPlanInput?
    public init() {}
}

public enum ApplicantKind: String, Sendable, CaseIterable, Codable {
    case ownerOccupier = "owner_occupier"
    case landlord, sci
    /// `RENO-F1`: owner-occupiers have the higher ceiling; landlords and SCI the lower one.
    public var isLandlord: Bool { self != .ownerOccupier }
}

public enum Ownership: String, Sendable, CaseIterable, Codable {
    case full, joint, usufruct
    case futureOwner = "future_owner"
    case freeLodging = "free_lodging"
}

public enum Employment: String, Sendable, CaseIterable, Codable {
    case privateSector = "private_sector"
    case agriculturalSector = "agricultural_sector"
    case assimilatedPublicCompany = "assimilated_public_company"
    case civilServant = "civil_servant"
    case selfEmployed = "self_employed"
    case retired, unemployed, other
    /// `RENO-E4`.
    public var opensRight: Bool {
        switch self {
        case .privateSector, .agriculturalSector, .assimilatedPublicCompany: true
        default: false
        }
    }
    public var french: String {
        switch self {
        case .privateSector: "salarié du secteur privé"
        case .agriculturalSector: "salarié du secteur agricole"
        case .assimilatedPublicCompany: "salarié d'une entreprise publique assimilée (La Poste, EDF, SNCF…)"
        case .civilServant: "fonctionnaire"
        case .selfEmployed: "travailleur indépendant"
        case .retired: "retraité"
        case .unemployed: "sans emploi"
        case .other: "autre situation"
        }
    }
}

/// The situation of a household whose income and employment may open the right.
public struct Household: Sendable, Hashable {
    public var employment: Employment?
    public var householdSize: Int?
    public var referenceTaxIncome: Money?
    public init(employment: Employment? = nil, householdSize: Int? = nil, referenceTaxIncome: Money? = nil) {
        self.employment = employment
        self.householdSize = householdSize
        self.referenceTaxIncome = referenceTaxIncome
    }
}

public struct Applicant: Sendable, Hashable {
    public var kind: ApplicantKind?
    public var ownership: Ownership?
    /// Number of owners, the applicant included (1 = sole owner).
    public var jointOwners: Int?
    public var jointOwnersPartnered: Bool?
    public var bareOwnerConsent: Bool?
    public var household = Household()
    /// `RENO-E2` for a landlord in indivision: the co-owners whose situation was given (any of
    /// them, or the tenant, may open the right).
    public var coOwners: [Household] = []
    public init() {}
}

public struct SCI: Sendable, Hashable {
    public var partnersAllNaturalPersons: Bool?
    public var majorityPartner = Household()
    public init(partnersAllNaturalPersons: Bool? = nil, majorityPartner: Household = Household()) {
        self.partnersAllNaturalPersons = partnersAllNaturalPersons
        self.majorityPartner = majorityPartner
    }
}

public struct Tenant: Sendable, Hashable {
    public var inPlace: Bool?
    public var household = Household()
    public init(inPlace: Bool? = nil, household: Household = Household()) {
        self.inPlace = inPlace
        self.household = household
    }
}

public struct Dwelling: Sendable, Hashable {
    public var insee: InseeCode?
    public var postalCode: PostalCode?
    public var principalResidence: Bool?
    public init(insee: InseeCode? = nil, postalCode: PostalCode? = nil, principalResidence: Bool? = nil) {
        self.insee = insee
        self.postalCode = postalCode
        self.principalResidence = principalResidence
    }
}

public struct Works: Sendable, Hashable {
    public var insulation: Bool?
    public var insulationNotNeededPerDiagnosis: Bool?
    public var heatingReplacement: Bool?
    public var renewableHeatingOrHotWater: Bool?
    public init(
        insulation: Bool? = nil, insulationNotNeededPerDiagnosis: Bool? = nil,
        heatingReplacement: Bool? = nil, renewableHeatingOrHotWater: Bool? = nil
    ) {
        self.insulation = insulation
        self.insulationNotNeededPerDiagnosis = insulationNotNeededPerDiagnosis
        self.heatingReplacement = heatingReplacement
        self.renewableHeatingOrHotWater = renewableHeatingOrHotWater
    }
}
