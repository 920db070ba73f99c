import GuichetDomain

/// Every short message the platform shows after an action (a flash after a redirect, a notice
/// above a page), worded here with the pages and not in the controllers (issue #10). A case says
/// what happened; `kind` and `text` say how it reads.
public enum Notice: Sendable, Equatable {
    // Accounts
    case signedIn, signedOut, sessionExtended, accountActivated, passwordSaved, passwordChanged
    case emailConfirmationSent, emailConfirmed, apiTokenRevoked
    // Landlords and the AMI
    case landlordRegistered(organisation: String, underReview: Bool)
    case invitationSent(email: String)
    case lastMemberCannotLeave
    case leftOrganisation(String)
    case memberRemoved(from: String)
    case joined(String)
    case invitationRefused(String)
    case filingSent, chooseTableFile
    case fileTooLarge(megabytes: Int)
    case refused(message: String, rule: RuleID)
    // Administration
    case landlordReviewed(accepted: Bool)
    case amoRequestReviewed(accepted: Bool)
    case campaignCreated(year: Int)
    case campaignSaved(year: Int)
    case parametersSaved(version: String)
    case staffAccountCreated(email: String)
    case jobRetried
    // Renovation dossiers
    case dossierSaved(step: DossierStep)
    case dossierCreated(reference: String)
    case dossierFiled(reference: String)
    case mandateRequested(amo: String)
    case mandateAccepted
    case mandateWithdrawn
    case documentStored(String)
    case documentDeleted(String)
    case dossierRefused(String)
    // Instruction and signature (issue #13)
    case instructionDone(String)
    case instructionRefused(String)

    public var kind: PageModel.FlashKind {
        switch self {
        case .signedOut, .emailConfirmationSent: .info
        case .lastMemberCannotLeave, .invitationRefused, .chooseTableFile, .fileTooLarge, .refused, .dossierRefused,
            .instructionRefused:
            .error
        default: .success
        }
    }

    public var text: String {
        switch self {
        case .signedIn: "Vous êtes connecté."
        case .signedOut: "Vous êtes déconnecté."
        case .sessionExtended: "Session prolongée."
        case .accountActivated: "Votre compte est activé : vous pouvez vous connecter."
        case .passwordSaved: "Mot de passe enregistré : connectez-vous."
        case .passwordChanged: "Mot de passe changé ; vos autres sessions sont fermées."
        case .emailConfirmationSent: "Un lien de confirmation a été envoyé à la nouvelle adresse."
        case .emailConfirmed: "Nouvelle adresse e-mail confirmée."
        case .apiTokenRevoked: "Jeton révoqué."
        case .landlordRegistered(let organisation, let underReview):
            "\(organisation) est enregistré. "
                + (underReview
                    ? "Ce SIREN est déjà inscrit par un autre compte : Action Logement examinera les deux "
                        + "inscriptions et vous écrira."
                    : "Action Logement examine l'inscription et vous écrit dès qu'elle est acceptée ; vous pourrez "
                        + "alors déposer.")
        case .invitationSent(let email):
            "Invitation envoyée à \(email) : la personne deviendra membre quand elle l'aura acceptée."
        case .lastMemberCannotLeave:
            "Le dernier membre d'un organisme ne peut pas le quitter : invitez d'abord un collègue."
        case .leftOrganisation(let name): "Vous avez quitté \(name)."
        case .memberRemoved(let name): "Le membre est retiré de \(name)."
        case .joined(let name): "Vous êtes membre de \(name)."
        case .invitationRefused(let message): message
        case .filingSent:
            "Dépôt envoyé. L'accusé de réception est disponible ci-dessous et a été envoyé par e-mail."
        case .chooseTableFile: "Choisissez le fichier .xlsx du tableau de programmation."
        case .fileTooLarge(let mb): "Fichier trop volumineux : \(FrenchFormat.integer(mb)) Mo au plus."
        case .refused(let message, let rule): "\(FrenchText.clause(message)) (\(rule.rawValue))."
        case .landlordReviewed(let accepted):
            accepted ? "Inscription acceptée : les membres ont été prévenus." : "Inscription refusée."
        case .amoRequestReviewed(let accepted):
            accepted ? "Demande acceptée : le contact a reçu son lien d'accès." : "Demande refusée."
        case .campaignCreated(let year): "Campagne \(year) créée."
        case .campaignSaved(let year): "Campagne \(year) enregistrée."
        case .parametersSaved(let version): "Version \(version) enregistrée."
        case .staffAccountCreated(let email): "Compte créé pour \(email) : un lien lui a été envoyé."
        case .jobRetried: "La tâche est relancée : le prochain passage du travailleur l'exécute."
        case .dossierSaved(let step): "« \(step.french) » enregistré."
        case .dossierCreated(let reference):
            "Dossier \(reference) créé : le bénéficiaire a reçu un e-mail pour activer son compte sous 12 heures."
        case .dossierFiled(let reference):
            "Dossier \(reference) déposé. Un accusé de réception a été envoyé par e-mail ; le PDF "
                + "sera disponible ici dans un instant."
        case .mandateRequested(let amo):
            "Demande de mandat envoyée à \(amo) : le dossier lui sera ouvert dès qu'il l'aura acceptée."
        case .mandateAccepted: "Mandat accepté : vous pouvez compléter le dossier pour le compte du bénéficiaire."
        case .mandateWithdrawn: "Mandat retiré : l'AMO n'a plus accès au dossier."
        case .documentStored(let title): "« \(title) » enregistré."
        case .documentDeleted(let title): "« \(title) » supprimé."
        case .dossierRefused(let message): FrenchText.sentence(message)
        case .instructionDone(let message), .instructionRefused(let message): FrenchText.sentence(message)
        }
    }
}
