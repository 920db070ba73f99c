/// Who a person is on the platform (issue #3). A person may hold several roles.
public enum Role: String, Sendable, CaseIterable, Codable, Hashable {
    case beneficiaire, amo, bailleur, instructeur, comite, administrateur

    public var french: String {
        switch self {
        case .beneficiaire: "Bénéficiaire"
        case .amo: "AMO"
        case .bailleur: "Bailleur social"
        case .instructeur: "Instructeur"
        case .comite: "Membre du comité"
        case .administrateur: "Administrateur"
        }
    }
    /// Roles only an administrator grants (Action Logement staff).
    public var isStaff: Bool { self == .instructeur || self == .comite || self == .administrateur }
    /// Roles tied to an organisation (AMO by SIRET, social landlord by SIREN).
    public var needsOrganisation: Bool { self == .amo || self == .bailleur }
}
