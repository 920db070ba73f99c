/// Zonage A/B/C of a commune (arrêté du 1er août 2014 and its revisions).
public enum Zone: String, Sendable, CaseIterable, Codable {
    case abis = "Abis"
    case a = "A"
    case b1 = "B1"
    case b2 = "B2"
    case c = "C"
    /// `RENO-E6`: the aid is open in B2 and C.
    public var openForRenovationAid: Bool { self == .b2 || self == .c }
}

/// One published version of the zonage, in force from `validFrom`.
public struct ZonageVersion: Sendable {
    public let validFrom: Day
    public let label: String
    public let source: String
    public let zones: [String: Zone]
    public init(validFrom: Day, label: String, source: String, zones: [String: Zone]) {
        self.validFrom = validFrom
        self.label = label
        self.source = source
        self.zones = zones
    }
}

/// A commune known by the reference tables.
public struct Commune: Sendable, Hashable {
    public let insee: String
    public let name: String
    public let postalCode: String
}

public struct Department: Sendable, Hashable {
    public let code: String
    public let name: String
    public let regionCode: String
    public let regionName: String
    public let isIleDeFrance: Bool
    public let isDROM: Bool
}

/// Anah income ceiling row (one year × region × category), in whole euros as published.
public struct AnahCeiling: Sendable, Hashable {
    public enum Region: String, Sendable, CaseIterable {
        case ileDeFrance = "ile_de_france"
        case other = "hors_ile_de_france"

        public var french: String { self == .ileDeFrance ? "Île-de-France" : "hors Île-de-France" }
    }
    public enum Category: String, Sendable, CaseIterable {
        case tresModeste = "tres_modeste"
        case modeste, intermediaire

        public var french: String {
            switch self {
            case .tresModeste: "très modeste"
            case .modeste: "modeste"
            case .intermediaire: "intermédiaire"
            }
        }
    }
    public let year: Int
    public let region: Region
    public let category: Category
    /// Ceilings for 1…5 persons.
    public let persons: [Int64]
    public let perExtraPerson: Int64
    public let source: String

    public init(year: Int, region: Region, category: Category, persons: [Int64], perExtraPerson: Int64, source: String)
    {
        precondition(persons.count == 5)
        self.year = year
        self.region = region
        self.category = category
        self.persons = persons
        self.perExtraPerson = perExtraPerson
        self.source = source
    }

    /// `RENO-E5`: ceiling for a household size; beyond 5 persons add the per-person amount.
    public func ceiling(householdSize: Int) -> Money {
        precondition(householdSize >= 1)
        let euros =
            householdSize <= 5
            ? persons[householdSize - 1]
            : persons[4] + Int64(householdSize - 5) * perExtraPerson
        return .euros(euros)
    }
}

/// A Livret A rate change.
public struct LivretARate: Sendable, Hashable {
    public let effective: Day
    public let rate: Rate
    public let reference: String
    public init(effective: Day, rate: Rate, reference: String) {
        self.effective = effective
        self.rate = rate
        self.reference = reference
    }
}
