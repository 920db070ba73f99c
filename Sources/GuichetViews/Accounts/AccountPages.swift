import Foundation
import GuichetDomain

/// « Mon compte » (roles, password and e-mail changes) and the personal API tokens.
public enum AccountPages {
    public struct Model: Sendable {
        public let displayName: String
        public let email: String
        public let roles: [(role: Role, scope: [String])]
        public let passwordForm: FormState
        public let emailForm: FormState

        public init(
            displayName: String, email: String, roles: [(role: Role, scope: [String])], passwordForm: FormState,
            emailForm: FormState
        ) {
            self.displayName = displayName
            self.email = email
            self.roles = roles
            self.passwordForm = passwordForm
            self.emailForm = emailForm
        }
    }

    public static func account(_ page: PageModel, _ m: Model) -> String {
        let password = FormPageModel(
            heading: "Changer de mot de passe", action: "/compte/mot-de-passe",
            fields: [
                .input(
                    name: "current_password", label: "Mot de passe actuel", type: "password",
                    autocomplete: "current-password"),
                .input(
                    name: "password", label: "Nouveau mot de passe", type: "password", hint: "Au moins 12 caractères.",
                    autocomplete: "new-password"),
                .input(
                    name: "password_confirm", label: "Confirmez le nouveau mot de passe", type: "password",
                    autocomplete: "new-password"),
            ],
            submit: "Changer le mot de passe", state: m.passwordForm)
        let email = FormPageModel(
            heading: "Changer d'adresse e-mail",
            intro: ["Un lien de confirmation (valable 24 heures) est envoyé à la nouvelle adresse."],
            action: "/compte/email",
            fields: [
                .input(name: "email", label: "Nouvelle adresse", type: "email", autocomplete: "email"),
                .input(name: "password", label: "Mot de passe", type: "password", autocomplete: "current-password"),
            ],
            submit: "Changer d'adresse", state: m.emailForm)
        let roles = m.roles.map { [$0.role.french, $0.scope.isEmpty ? "—" : $0.scope.joined(separator: ", ")] }
        return InfoPage.render(
            page,
            InfoPageModel(
                heading: "Mon compte",
                blocks: [
                    .paragraph("\(m.displayName) — \(m.email)"),
                    .table(caption: "Mes rôles", headers: ["Rôle", "Périmètre"], rows: roles),
                    .form(password), .form(email),
                ]))
    }

    public static func emailLinkInvalid(_ page: PageModel) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Ce lien n'est plus valable",
                blocks: [
                    .paragraph("Le lien a expiré ou a déjà servi : refaites la demande depuis « Mon compte ».")
                ]))
    }

    public struct Token: Sendable, Equatable {
        public let id: APITokenID
        public let name: String
        public let createdAt: Date
        public let lastUsedAt: Date?
        public let revoked: Bool

        public init(id: APITokenID, name: String, createdAt: Date, lastUsedAt: Date?, revoked: Bool) {
            self.id = id
            self.name = name
            self.createdAt = createdAt
            self.lastUsedAt = lastUsedAt
            self.revoked = revoked
        }
    }

    public struct TokensModel: Sendable {
        public let tokens: [Token]
        /// The token just created: shown once.
        public let created: String?
        public let form: FormState
        public let csrfToken: String

        public init(tokens: [Token], created: String?, form: FormState, csrfToken: String) {
            self.tokens = tokens
            self.created = created
            self.form = form
            self.csrfToken = csrfToken
        }
    }

    public static func tokens(_ page: PageModel, _ m: TokensModel) -> String {
        var blocks: [InfoPageModel.Block] = [
            .paragraph(
                "Un jeton personnel permet à vos outils d'appeler l'API de Guichet (en-tête « Authorization: Bearer … "
                    + "»). Il n'est affiché qu'une fois ; seule son empreinte est conservée.")
        ]
        if let created = m.created { blocks += [.heading("Nouveau jeton (copiez-le maintenant)"), .code(created)] }
        let time = ParisTime.formatter()
        blocks.append(
            .table(
                caption: "Mes jetons", headers: ["Nom", "Créé le", "Dernière utilisation", "État"],
                rows: m.tokens.map {
                    [
                        $0.name, time.string(from: $0.createdAt), $0.lastUsedAt.map(time.string) ?? "jamais",
                        $0.revoked ? "révoqué" : "actif",
                    ]
                }))
        for t in m.tokens where !t.revoked {
            blocks.append(
                .button(
                    action: "/compte/jetons/\(t.id.uuidString)/revocation", label: "Révoquer « \(t.name) »", hidden: [],
                    csrf: m.csrfToken))
        }
        blocks.append(
            .form(
                FormPageModel(
                    heading: "Créer un jeton", action: "/compte/jetons",
                    fields: [.input(name: "name", label: "Nom du jeton", hint: "Par exemple : logiciel de gestion")],
                    submit: "Créer le jeton", state: m.form)))
        return InfoPage.render(page, InfoPageModel(heading: "Jetons d'API", blocks: blocks))
    }
}
