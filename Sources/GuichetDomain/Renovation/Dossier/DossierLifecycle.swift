/// `RENO-S` up to filing: the life of a renovation dossier as one table. A draft is saved step by
/// step (by the beneficiary, or by the AMO acting for them) and filed (`deposé`) when complete and
/// eligible; instruction, signature and payments add their events to this table.
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
    public static func transition(
        _ state: DossierState, _ event: DossierEvent, mandate: MandateStatus
    ) -> Result<Transition<DossierState, DossierEffect>, DossierRefusal> {
        guard state.isEditable else {
            return .failure(DossierRefusal("Ce dossier est « \(state.french) » : il ne peut plus être modifié."))
        }
        switch event {
        case .save(let step):
            return .success(
                Transition(
                    to: state, [.history("Étape « \(step.french) » enregistrée."), .audit(action: "dossier.étape")]))
        case .chooseAMO(let name, let byAMO):
            guard mandate != .accepted else {
                return .failure(DossierRefusal("Un AMO est déjà mandaté : retirez d'abord son mandat."))
            }
            if byAMO {
                return .success(
                    Transition(
                        to: state,
                        [
                            .setMandate(.accepted), .history("AMO « \(name) » choisi et mandaté."),
                            .audit(action: "dossier.amo"),
                        ]))
            }
            return .success(
                Transition(
                    to: state,
                    [
                        .setMandate(.requested), .history("Mandat demandé à l'AMO « \(name) »."), .mandateRequestEmail,
                        .audit(action: "dossier.amo"),
                    ]))
        case .acceptMandate(let name):
            guard mandate == .requested else {
                return .failure(DossierRefusal("Aucune demande de mandat en attente pour ce dossier."))
            }
            return .success(
                Transition(
                    to: state,
                    [
                        .setMandate(.accepted), .history("Mandat accepté par l'AMO « \(name) »."),
                        .audit(action: "dossier.mandat"),
                    ]))
        case .withdrawMandate(let name):
            guard mandate != .none else { return .failure(DossierRefusal("Aucun AMO n'est mandaté pour ce dossier.")) }
            return .success(
                Transition(
                    to: state,
                    [
                        .setMandate(.none), .history("Mandat de l'AMO « \(name) » retiré."),
                        .audit(action: "dossier.mandat"),
                    ]))
        case .file(let problems):
            guard state == .draft else {
                return .failure(DossierRefusal("Ce dossier renvoyé pour correction se redépose depuis l'instruction."))
            }
            guard problems.isEmpty else {
                return .failure(DossierRefusal("Le dossier ne peut pas encore être déposé.", problems: problems))
            }
            return .success(
                Transition(
                    to: .filed,
                    [
                        .history("Dossier déposé."), .storeDecision, .acknowledgementEmails, .receipt,
                        .audit(action: "dossier.dépôt"),
                    ]))
        }
    }
}
