/// French error pages (404, 403, 413, 422, 500…) that never show internals.
public enum ErrorPage {
    /// `message`: the platform's own French explanation of a refusal (4xx), shown with the page;
    /// `back`: the page to return to (the form a too large file was sent from).
    public static func render(
        status: Int, page: PageModel, reference: String? = nil, message: String? = nil,
        back: (label: String, href: String)? = nil
    ) -> String {
        let (title, text) = wording(status)
        var p = page
        p.title = title
        return Layout.render(p) {
            H1(title)
            Paragraph(text)
            if let message { Paragraph(message).class("error-reason") }
            if let reference { Paragraph("Référence de l'incident : \(reference)").class("muted") }
            Paragraph {
                if let back { Link(back.label, url: back.href).class("button") }
                Link("Revenir à l'accueil", url: "/").class("button button-secondary")
            }.class("actions")
        }
    }

    public static func wording(_ status: Int) -> (String, String) {
        switch status {
        case 400:
            ("Demande invalide", "La demande n'a pas pu être comprise. Vérifiez les informations saisies et réessayez.")
        case 401: ("Connexion requise", "Connectez-vous pour accéder à cette page.")
        case 403:
            (
                "Accès refusé",
                "Vous n'avez pas le droit d'accéder à cette page ou d'effectuer cette action. Si le formulaire a "
                    + "expiré, rechargez la page et recommencez."
            )
        case 404: ("Page introuvable", "La page demandée n'existe pas ou n'est pas accessible avec votre compte.")
        case 405: ("Action impossible", "Cette action n'est pas possible sur cette page.")
        case 413: ("Fichier ou envoi trop volumineux", "Les données envoyées dépassent la taille autorisée.")
        case 422: ("Données invalides", "Certaines informations envoyées ne sont pas valides.")
        case 429:
            (
                "Trop de tentatives",
                "Vous avez fait trop de demandes en peu de temps. Patientez quelques minutes puis réessayez."
            )
        case 503:
            (
                "Service momentanément indisponible",
                "Le service est momentanément indisponible. Réessayez dans quelques instants."
            )
        default:
            (
                "Erreur du service",
                "Une erreur inattendue s'est produite de notre côté. Vos données enregistrées ne sont pas perdues ; "
                    + "réessayez dans quelques instants."
            )
        }
    }
}
