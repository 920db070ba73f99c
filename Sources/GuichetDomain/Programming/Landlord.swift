/// `AMI-B`: the kind of a social landlord (bailleur social).
public enum LandlordKind: String, Sendable, CaseIterable, Codable {
    case oph = "OPH"
    case esh = "ESH"
    case sem = "SEM"
    case other = "autre"

    public var french: String {
        switch self {
        case .oph: "Office public de l'habitat (OPH)"
        case .esh: "Entreprise sociale pour l'habitat (ESH)"
        case .sem: "Société d'économie mixte (SEM)"
        case .other: "Autre organisme"
        }
    }
}

/// `AMI-B`: the identification form of a landlord organisation.
public struct LandlordIdentification: Sendable, Equatable, Codable {
    public var name: String
    public var siren: Siren
    public var kind: LandlordKind
    public var address: String
    public var postalCode: String
    public var city: String
    public var contactName: String
    public var contactEmail: String
    public var contactPhone: String

    public init(
        name: String, siren: Siren, kind: LandlordKind, address: String, postalCode: String, city: String,
        contactName: String, contactEmail: String, contactPhone: String
    ) {
        self.name = name
        self.siren = siren
        self.kind = kind
        self.address = address
        self.postalCode = postalCode
        self.city = city
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
    }
}
