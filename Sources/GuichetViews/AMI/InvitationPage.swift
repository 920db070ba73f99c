import Foundation

/// `/ami/invitations/{token}`: an invitation to join a landlord organisation, accepted by the
/// invitee only (issue #9): with the invited address's account, or by creating one.
public enum InvitationPage {
    public enum Visitor: Sendable {
        /// Signed in with the invited address: one button accepts.
        case invitee
        /// Signed in with another address.
        case otherAccount
        /// Not signed in, the invited address has an account: sign in first.
        case hasAccount
        /// Not signed in, no account yet: the form that creates it and accepts.
        case newAccount(FormState)
    }

    public struct Model: Sendable {
        public let token: String
        public let email: String
        public let organisation: String
        public let siren: String
        public let visitor: Visitor
        public let csrfToken: String

        public init(
            token: String, email: String, organisation: String, siren: String, visitor: Visitor, csrfToken: String
        ) {
            self.token = token
            self.email = email
            self.organisation = organisation
            self.siren = siren
            self.visitor = visitor
            self.csrfToken = csrfToken
        }
    }

    public static func invalid(_ page: PageModel) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Invitation invalide ou expirée",
                blocks: [
                    .paragraph(
                        "Ce lien d'invitation n'est plus valable (il sert une fois, pendant 7 jours). Demandez à un "
                            + "membre de l'organisme de vous inviter à nouveau.")
                ]))
    }

    public static func render(_ page: PageModel, _ m: Model) -> String {
        let path = "/ami/invitations/\(m.token)"
        var blocks: [InfoPageModel.Block] = [
            .paragraph(
                "L'adresse \(m.email) est invitée à rejoindre les membres de \(m.organisation) (SIREN \(m.siren)) pour "
                    + "l'AMI DROM. Rien ne change sans votre accord.")
        ]
        switch m.visitor {
        case .invitee:
            blocks.append(.button(action: path, label: "Accepter l'invitation", hidden: [], csrf: m.csrfToken))
        case .otherAccount:
            blocks.append(
                .notice(
                    .warning,
                    "Cette invitation a été envoyée à une autre adresse que celle de votre compte : connectez-vous "
                        + "avec le compte de l'adresse invitée."))
        case .hasAccount:
            let next = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            blocks.append(.links([("Se connecter pour accepter", "/connexion?suite=\(next)")]))
        case .newAccount(let state):
            blocks.append(
                .form(
                    FormPageModel(
                        heading: "Créer votre compte et rejoindre \(m.organisation)",
                        intro: ["Cette adresse n'a pas encore de compte Guichet : choisissez vos nom et mot de passe."],
                        action: path,
                        fields: [
                            .input(name: "name", label: "Nom et prénom", autocomplete: "name"),
                            .input(
                                name: "password", label: "Mot de passe", type: "password",
                                hint: "12 caractères au moins",
                                autocomplete: "new-password"),
                            .input(
                                name: "password_confirm", label: "Confirmation du mot de passe", type: "password",
                                autocomplete: "new-password"),
                        ],
                        submit: "Créer mon compte et rejoindre l'organisme", state: state)))
        }
        return InfoPage.render(page, InfoPageModel(heading: "Invitation de \(m.organisation)", blocks: blocks))
    }
}
