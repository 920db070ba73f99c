/// The answers of a renovation dossier, section by section (the guide's pages « Informations du
/// demandeur » to « Saisie du plan de financement »). A draft may lack any of them: an absent
/// section is a step still to do, never a default.
public struct DossierAnswers: Sendable, Hashable, Codable {
    public var applicant = ApplicantSection()
    public var coApplicants: [CoApplicant] = []
    /// « Tous les propriétaires du bien sont déclarés » (the guide): ticked on the co-applicants' step.
    public var coApplicantsDeclared = false
    public var sciAllPartnersNaturalPersons: Bool?
    public var tenant: TenantSection?
    public var dwelling = DwellingSection()
    public var works = WorksSection()
    public var plan = PlanSection()
    public init() {}
}

public struct ApplicantSection: Sendable, Hashable, Codable {
    public var kind: ApplicantKind?
    public var ownership: Ownership?
    /// Owners, the applicant included, as the eligibility test asked (`RENO-E2`).
    public var jointOwners: Int?
    public var jointOwnersPartnered: Bool?
    public var bareOwnerConsent: Bool?
    public var contact: ContactDetails?
    public var occupation: Occupation?
    public var tax: TaxHousehold?
    public init() {}
}

/// Another owner: the spouse or partner, an indivision partner, or an SCI partner holding more
/// than 25 % (`RENO-E3`). Every owner must be declared (the guide).
public struct CoApplicant: Sendable, Hashable, Codable {
    public enum Relation: String, Sendable, CaseIterable, Codable {
        case spouse = "conjoint"
        case jointOwner = "indivisaire"
        case sciPartner = "associé"
        public var french: String {
            switch self {
            case .spouse: "Conjoint ou partenaire"
            case .jointOwner: "Propriétaire en indivision"
            case .sciPartner: "Associé de la SCI (plus de 25 % des parts)"
            }
        }
    }
    public var relation: Relation
    public var civilStatus: CivilStatus
    /// Percent of the SCI's shares (SCI partners only).
    public var sharePercent: Int?
    public var occupation: Occupation?
    public var tax: TaxHousehold?
    public init(
        relation: Relation, civilStatus: CivilStatus, sharePercent: Int? = nil, occupation: Occupation? = nil,
        tax: TaxHousehold? = nil
    ) {
        self.relation = relation
        self.civilStatus = civilStatus
        self.sharePercent = sharePercent
        self.occupation = occupation
        self.tax = tax
    }
}

/// The tenant of a let dwelling (`RENO-E4`, `RENO-E5`, `RENO-E7`). Not yet in place: income 0
/// and the landlord's commitment to let to an eligible tenant (a clause of the agreement).
public struct TenantSection: Sendable, Hashable, Codable {
    public var inPlace: Bool
    public var civilStatus: CivilStatus?
    public var occupation: Occupation?
    public var tax: TaxHousehold?
    public var landlordCommitment: Bool
    public init(
        inPlace: Bool, civilStatus: CivilStatus? = nil, occupation: Occupation? = nil, tax: TaxHousehold? = nil,
        landlordCommitment: Bool = false
    ) {
        self.inPlace = inPlace
        self.civilStatus = civilStatus
        self.occupation = occupation
        self.tax = tax
        self.landlordCommitment = landlordCommitment
    }
}

public struct DwellingSection: Sendable, Hashable, Codable {
    public var address: String?
    public var postalCode: String?
    /// The commune chosen among those of the postal code (`RENO-E6`).
    public var insee: String?
    public var principalResidence: Bool?
    public init() {}
}

public struct WorksSection: Sendable, Hashable, Codable {
    public var insulation: Bool?
    public var insulationNotNeededPerDiagnosis: Bool?
    public var heatingReplacement: Bool?
    public var renewableHeatingOrHotWater: Bool?
    public init() {}
}
