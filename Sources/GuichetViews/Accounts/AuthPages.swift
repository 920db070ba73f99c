/// The pages of signing in, signing up, activation and the forgotten password (issue #3), with
/// their French text; the controller only says which one and with what.
public enum AuthPages {
    /// Why a sign-in was refused.
    public enum SignInRefusal: Sendable, Equatable {
        case invalid
        case notActivated
        case wait(seconds: Int)
        case locked

        public var message: String {
            switch self {
            case .invalid: "Adresse e-mail ou mot de passe incorrect."
            case .notActivated:
                "Ce compte n'est pas encore activé : ouvrez le lien reçu par e-mail, ou demandez-en un nouveau avec "
                    + "« Mot de passe oublié »."
            case .wait(let s): "Trop de tentatives : patientez \(s) seconde\(s > 1 ? "s" : "") avant de réessayer."
            case .locked: "Trop de tentatives échouées : la connexion est bloquée pendant 15 minutes."
            }
        }
    }

    /// `action` keeps where the person was going (`/connexion?suite=…`).
    public static func signIn(_ page: PageModel, action: String, _ state: FormState) -> String {
        FormPage.render(
            page,
            FormPageModel(
                heading: "Se connecter", action: action,
                fields: [
                    .input(name: "email", label: "Adresse e-mail", type: "email", autocomplete: "username"),
                    .input(name: "password", label: "Mot de passe", type: "password", autocomplete: "current-password"),
                ],
                submit: "Se connecter", state: state,
                links: [("Mot de passe oublié ?", "/mot-de-passe-oublie"), ("Créer un compte", "/inscription")]))
    }

    public static func signUp(_ page: PageModel, _ state: FormState) -> String {
        FormPage.render(
            page,
            FormPageModel(
                heading: "Créer un compte bénéficiaire",
                intro: [
                    "Vous recevrez un e-mail pour activer votre compte ; le lien est valable 12 heures.",
                    "Vous êtes AMO ? Faites une demande de compte AMO. Vous êtes un bailleur social ? Votre organisme "
                        + "vous ouvre un accès.",
                ],
                action: "/inscription",
                fields: [
                    .input(name: "name", label: "Nom et prénom", autocomplete: "name"),
                    .input(name: "email", label: "Adresse e-mail personnelle", type: "email", autocomplete: "email"),
                    .input(
                        name: "password", label: "Mot de passe", type: "password",
                        hint: "Au moins 12 caractères ; évitez les mots de passe courants.",
                        autocomplete: "new-password"),
                    .input(
                        name: "password_confirm", label: "Confirmez le mot de passe", type: "password",
                        autocomplete: "new-password"),
                ],
                submit: "Créer mon compte", state: state,
                links: [("J'ai déjà un compte", "/connexion"), ("Demander un compte AMO", "/amo/demande")]))
    }

    /// After a sign-up: the same answer whatever the address (no account is revealed).
    public static func signUpSent(_ page: PageModel, email: String) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Vérifiez votre messagerie",
                blocks: [
                    .paragraph(
                        "Si l'adresse \(email) peut recevoir un compte, un e-mail vient de lui être envoyé avec un "
                            + "lien d'activation valable 12 heures."),
                    .paragraph(
                        "Rien reçu ? Vérifiez les indésirables, ou demandez un nouveau lien avec « Mot de passe "
                            + "oublié »."
                    ),
                ]))
    }

    public static func activationExpired(_ page: PageModel) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Ce lien d'activation a expiré",
                blocks: [
                    .paragraph(
                        "Un lien d'activation est valable 12 heures (RENO-C). Demandez-en un nouveau : indiquez votre "
                            + "adresse sur la page « Mot de passe oublié »."),
                    .links([("Recevoir un nouveau lien", "/mot-de-passe-oublie")]),
                ]))
    }

    public static func activationInvalid(_ page: PageModel) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Ce lien n'est pas valable",
                blocks: [
                    .paragraph(
                        "Le lien a déjà servi ou il est incomplet. Si votre compte est actif, connectez-vous ; sinon "
                            + "demandez un nouveau lien."),
                    .links([("Se connecter", "/connexion"), ("Recevoir un nouveau lien", "/mot-de-passe-oublie")]),
                ]))
    }

    public static func forgot(_ page: PageModel, _ state: FormState) -> String {
        FormPage.render(
            page,
            FormPageModel(
                heading: "Mot de passe oublié",
                intro: [
                    "Indiquez l'adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe "
                        + "(valable 1 heure), ou un nouveau lien d'activation si le compte n'est pas encore activé."
                ],
                action: "/mot-de-passe-oublie",
                fields: [.input(name: "email", label: "Adresse e-mail", type: "email", autocomplete: "email")],
                submit: "Recevoir le lien", state: state))
    }

    public static func forgotSent(_ page: PageModel, email: String) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Vérifiez votre messagerie",
                blocks: [
                    .paragraph("Si un compte existe pour \(email), un e-mail vient de lui être envoyé.")
                ]))
    }

    public static func reset(_ page: PageModel, token: String, _ state: FormState) -> String {
        FormPage.render(
            page,
            FormPageModel(
                heading: "Choisir un nouveau mot de passe", action: "/reinitialisation/\(token)",
                fields: [
                    .input(
                        name: "password", label: "Nouveau mot de passe", type: "password",
                        hint: "Au moins 12 caractères.",
                        autocomplete: "new-password"),
                    .input(
                        name: "password_confirm", label: "Confirmez le mot de passe", type: "password",
                        autocomplete: "new-password"),
                ],
                submit: "Enregistrer", state: state))
    }

    public static func resetExpired(_ page: PageModel) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Ce lien n'est plus valable",
                blocks: [
                    .paragraph(
                        "Un lien de réinitialisation est valable 1 heure et ne sert qu'une fois. Demandez-en un "
                            + "nouveau."
                    ),
                    .links([("Mot de passe oublié", "/mot-de-passe-oublie")]),
                ]))
    }
}
