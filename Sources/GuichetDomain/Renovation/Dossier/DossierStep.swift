/// The pages of a dossier, in the guide's order; each is saved on its own « Enregistrer ».
public enum DossierStep: String, Sendable, CaseIterable, Codable {
    case amo
    case applicant = "demandeur"
    case coApplicants = "codemandeurs"
    case tenant = "locataire"
    case dwelling = "logement"
    case works = "travaux"
    case plan = "plan-de-financement"
    case documents = "pieces"
    case review = "recapitulatif"

    public var french: String {
        switch self {
        case .amo: "Assistant à maîtrise d'ouvrage (AMO)"
        case .applicant: "Demandeur"
        case .coApplicants: "Codemandeurs (autres propriétaires)"
        case .tenant: "Locataire"
        case .dwelling: "Logement"
        case .works: "Travaux"
        case .plan: "Plan de financement"
        case .documents: "Pièces justificatives"
        case .review: "Récapitulatif et dépôt"
        }
    }
}

/// Where the AMO's mandate stands (`RENO-E10`): chosen by the beneficiary (or created by the
/// AMO), accepted by the AMO, withdrawn by the beneficiary.
public enum MandateStatus: String, Sendable, CaseIterable, Codable {
    case none = "aucun"
    case requested = "demandé"
    case accepted = "accepté"

    public var french: String {
        switch self {
        case .none: "Aucun AMO choisi"
        case .requested: "En attente d'acceptation par l'AMO"
        case .accepted: "AMO mandaté"
        }
    }
}
