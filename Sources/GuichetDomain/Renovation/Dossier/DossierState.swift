/// `RENO-S`: where a renovation dossier stands. The stored values are the regulator's words.
public enum DossierState: String, Sendable, CaseIterable, Codable {
    case draft = "brouillon"
    case filed = "deposé"
    case inInstruction = "en_instruction"
    case toCorrect = "à_corriger"
    case validated = "validé"
    case awaitingSignature = "en_attente_signature"
    case agreementSigned = "convention_signée"
    case inPayment = "en_paiement"
    case settled = "soldé"
    case refused = "refusé"
    case cancelled = "annulé"

    public var french: String {
        switch self {
        case .draft: "Brouillon"
        case .filed: "Déposé"
        case .inInstruction: "En instruction"
        case .toCorrect: "À corriger"
        case .validated: "Validé"
        case .awaitingSignature: "En attente de signature de la convention"
        case .agreementSigned: "Convention signée"
        case .inPayment: "En paiement"
        case .settled: "Soldé"
        case .refused: "Refusé"
        case .cancelled: "Annulé"
        }
    }

    /// `RENO-E9`: a dossier that still carries the aid of its dwelling (every state but a refused
    /// or cancelled one: a settled dossier has used it).
    public var isLive: Bool { self != .refused && self != .cancelled }

    /// The applicant or the AMO may change the answers (before filing, and when sent back).
    public var isEditable: Bool { self == .draft || self == .toCorrect }
}
