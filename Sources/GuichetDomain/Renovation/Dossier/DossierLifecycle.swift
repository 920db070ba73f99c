/// `RENO-S` up to filing: the life of a renovation dossier as one table. A draft is saved step by
/// step (by the beneficiary, or by the AMO acting for them) and filed (`deposé`) when complete and
/// eligible, and refiled when sent back; instruction and signature are decided by
/// `DossierLifecycle.instruct` (`DossierLifecycle+Instruction`).
public enum DossierEvent: Sendable, Equatable {
    /// « Enregistrer » on a step.
    case save(DossierStep)
    /// The beneficiary chooses an AMO (from the directory or by SIRET), or the AMO created the
    /// dossier and confirms itself (« Je choisis cet AMO »).
    case chooseAMO(name: String, byAMO: Bool)
    /// The AMO accepts the mandate.
    case acceptMandate(name: String)
    /// The beneficiary withdraws the mandate.
    case withdrawMandate(name: String)
    /// A supporting document given, replaced or deleted (its history line).
    case document(String)
    /// « Déposer le dossier »: what still stands in the way, from `DossierFilingCheck`.
    case file(problems: [FilingProblem])
}

public enum DossierEffect: Sendable, Equatable {
    case history(String)
    case audit(action: String)
    case setMandate(MandateStatus)
    /// The rule trace and the parameter version are stored with the dossier.
    case storeDecision
    /// Acknowledgement e-mail to the beneficiary and the AMO.
    case acknowledgementEmails
    /// The PDF receipt (answers, documents with their SHA-256, plan), made by a job.
    case receipt
    /// The AMO is told a beneficiary asks for its mandate.
    case mandateRequestEmail
}

/// Something that keeps a dossier from being filed, on the page where it is fixed.
public struct FilingProblem: Sendable, Hashable {
    public let step: DossierStep
    public let rule: RuleID?
    public let message: String
    public init(step: DossierStep, rule: RuleID?, message: String) {
        self.step = step
        self.rule = rule
        self.message = message
    }
}

public struct DossierRefusal: Error, Sendable, Equatable {
    public let message: String
    public let problems: [FilingProblem]
    public init(_ message: String, problems: [FilingProblem] = []) {
        self.message = message
        self.problems = problems
    }
}

public enum DossierLifecycle {
    public typealias Outcome = Result<Transition<DossierState, DossierEffect>, DossierRefusal>

    public static func transition(_ state: DossierState, _ event: DossierEvent, mandate: MandateStatus) -> Outcome {
        guard state.isEditable else {
            return .failure(DossierRefusal("Ce dossier est « \(state.french) » : il ne peut plus être modifié."))
        }
        switch event {
        case .save(let step):
            return stay(state, "Étape « \(step.french) » enregistrée.", "dossier.étape")
        case .chooseAMO(let name, let byAMO):
            guard mandate != .accepted else {
                return .failure(DossierRefusal("Un AMO est déjà mandaté : retirez d'abord son mandat."))
            }
            if byAMO {
                return stay(state, "AMO « \(name) » choisi et mandaté.", "dossier.amo", [.setMandate(.accepted)])
            }
            return stay(
                state, "Mandat demandé à l'AMO « \(name) ».", "dossier.amo",
                [.setMandate(.requested), .mandateRequestEmail])
        case .acceptMandate(let name):
            guard mandate == .requested else {
                return .failure(DossierRefusal("Aucune demande de mandat en attente pour ce dossier."))
            }
            return stay(state, "Mandat accepté par l'AMO « \(name) ».", "dossier.mandat", [.setMandate(.accepted)])
        case .withdrawMandate(let name):
            guard mandate != .none else { return .failure(DossierRefusal("Aucun AMO n'est mandaté pour ce dossier.")) }
            return stay(state, "Mandat de l'AMO « \(name) » retiré.", "dossier.mandat", [.setMandate(.none)])
        case .document(let text):
            return stay(state, text, "dossier.pièce")
        case .file(let problems):
            return file(state, problems)
        }
    }

    /// An event that changes the answers or the mandate, not the state.
    static func stay(
        _ state: DossierState, _ history: String, _ action: String, _ effects: [DossierEffect] = []
    )
        -> Outcome
    {
        .success(Transition(to: state, effects + [.history(history), .audit(action: action)]))
    }

    /// « Déposer »: a draft, or a dossier sent back for correction (refiled), only without
    /// problem; the decision is stored, the applicant and the AMO are told, the receipt is made.
    static func file(_ state: DossierState, _ problems: [FilingProblem]) -> Outcome {
        guard problems.isEmpty else {
            return .failure(DossierRefusal("Le dossier ne peut pas encore être déposé.", problems: problems))
        }
        return .success(
            Transition(
                to: .filed,
                [
                    .history(state == .toCorrect ? "Dossier redéposé après correction." : "Dossier déposé."),
                    .storeDecision, .acknowledgementEmails, .receipt,
                    .audit(action: "dossier.dépôt"),
                ]))
    }
}
