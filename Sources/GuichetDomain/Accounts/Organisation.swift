/// The two kinds of organisation the platform knows: AMOs, identified by SIRET, and social
/// landlords of the AMI DROM (`AMI-B`), identified by SIREN. Stored by their raw value.
public enum OrganisationKind: String, Sendable, CaseIterable, Codable, Hashable {
    case amo
    case landlord = "bailleur"

    /// The role a member of such an organisation holds.
    public var memberRole: Role {
        switch self {
        case .amo: .amo
        case .landlord: .bailleur
        }
    }
}

/// Where an organisation's registration stands: reviewed by an administrator before any of its
/// members acts for it (issue #9).
public enum OrganisationStatus: String, Sendable, CaseIterable, Codable, Hashable {
    case pending
    case accepted
    case refused

    public var french: String {
        switch self {
        case .pending: "en attente d'examen"
        case .accepted: "acceptée"
        case .refused: "refusée"
        }
    }
}

/// The review of an organisation's registration as one transition table: a pending
/// registration is accepted or refused once; a decided one cannot be decided again.
public enum OrganisationReview {
    public enum Event: Sendable, Equatable {
        case accept
        case refuse(reason: String)
    }

    public enum Effect: Sendable, Equatable {
        /// The organisation's members are told of the decision by e-mail.
        case tellMembers
        case audit(action: String)
    }

    public struct Refusal: Error, Sendable, Equatable {
        public let message: String
    }

    public static func transition(
        _ status: OrganisationStatus, _ event: Event, kind: OrganisationKind
    )
        -> Result<Transition<OrganisationStatus, Effect>, Refusal>
    {
        let subject = kind == .amo ? "amo" : "bailleur"
        switch (status, event) {
        case (.pending, .accept):
            return .success(Transition(to: .accepted, [.tellMembers, .audit(action: "\(subject).acceptation")]))
        case (.pending, .refuse):
            return .success(Transition(to: .refused, [.tellMembers, .audit(action: "\(subject).refus")]))
        case (.accepted, _), (.refused, _):
            return .failure(Refusal(message: "Cette demande a déjà été examinée (\(status.french))."))
        }
    }
}
