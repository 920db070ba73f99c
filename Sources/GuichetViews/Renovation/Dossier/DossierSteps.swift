import GuichetDomain

/// The pages of the dossier's steps, as view models built from typed values (the controller
/// gives the dossier's context, the form's state and what the step shows).
public enum DossierSteps {
    /// What every step page needs from the edge.
    public struct Base: Sendable {
        public var context: DossierContext
        /// `/dossiers/<id>`.
        public var path: String
        public var version: Int
        public var state: FormState
        /// The viewer may change the dossier (its state allows it and the policy grants it).
        public var editable: Bool
        /// Shown to a beneficiary whose AMO is mandated (the guide's advice).
        public var amoWarning: Bool

        public init(
            context: DossierContext, path: String, version: Int, state: FormState, editable: Bool, amoWarning: Bool
        ) {
            self.context = context
            self.path = path
            self.version = version
            self.state = state
            self.editable = editable
            self.amoWarning = amoWarning
        }
    }

    static func notices(_ b: Base) -> [(PageModel.FlashKind, String)] {
        var n: [(PageModel.FlashKind, String)] = []
        if b.amoWarning {
            n.append(
                (
                    .warning,
                    "Votre AMO saisit votre dossier : évitez de modifier ce qu'il a renseigné, parlez-en avec lui"
                ))
        }
        if !b.editable { n.append((.info, "Ce dossier ne peut pas être modifié dans son état actuel")) }
        return n
    }

    static func form(
        _ b: Base, _ step: DossierStep, fields: [FormField], intro: [String] = [], submit: String = "Enregistrer"
    )
        -> FormPageModel?
    {
        guard b.editable else { return nil }
        return FormPageModel(
            heading: step.french, intro: intro, action: "\(b.path)/\(step.rawValue)", fields: fields, submit: submit,
            state: b.state, links: [("Retour au dossier", b.path)], carried: [("version", String(b.version))])
    }

    /// « Informations du demandeur »: the civil status (read-only: it signs the agreement), then
    /// contact, occupation and tax situation.
    public static func applicant(_ b: Base, civilStatus: CivilStatus?) -> DossierPageModel {
        var identity: [(String, String)] = []
        if let c = civilStatus {
            identity = [
                ("Nom d'usage", c.usageName), ("Prénom", c.firstName), ("Nom de naissance", c.birthName),
                ("Situation familiale", c.familySituation?.french ?? "—"), ("Date de naissance", c.birthDate.french),
                ("Lieu de naissance", "\(c.birthTown) \(c.birthPostalCode) (\(c.birthCountry))"),
            ]
        }
        return DossierPageModel(
            title: DossierStep.applicant.french, context: b.context, notices: notices(b),
            before: [
                .heading("Identité"),
                .paragraph(
                    "L'état civil sert à signer la convention : il ne se modifie pas ici ; pour le "
                        + "corriger, écrivez à l'instructeur."
                ),
                .definitions(identity),
            ],
            form: form(
                b, .applicant, fields: [.heading("Coordonnées")] + DossierFields.contact + DossierFields.occupation))
    }

    /// « Informations du locataire » (`RENO-E4`, `RENO-E5`, `RENO-E7`).
    public static func tenant(_ b: Base) -> DossierPageModel {
        let fields: [FormField] =
            [
                .radios(name: "in_place", legend: "Le locataire est-il déjà en place ?", choices: DossierFields.yesNo),
                .checkbox(
                    name: "landlord_commitment",
                    label:
                        "Le locataire n'est pas encore en place : je m'engage à louer à un locataire "
                        + "répondant aux critères d'éligibilité",
                    hint: "Ses revenus sont alors comptés 0 ; l'engagement figure dans la convention (RENO-E5)."),
                .heading("Identité du locataire en place"),
            ] + DossierFields.civilStatus(familySituation: false) + DossierFields.occupation
        return DossierPageModel(
            title: DossierStep.tenant.french, context: b.context, notices: notices(b),
            form: form(b, .tenant, fields: fields))
    }

    /// « Informations du logement » (`RENO-E6`, `RENO-E7`): the commune is chosen among those of
    /// the postal code.
    public static func dwelling(_ b: Base, communes: [Choice], landlord: Bool) -> DossierPageModel {
        var fields: [FormField] = [
            .input(
                name: "address", label: "Adresse du logement concerné par les travaux", autocomplete: "street-address"),
            .input(
                name: "postal_code", label: "Code postal", hint: "5 chiffres, par exemple 01000",
                autocomplete: "postal-code"),
        ]
        if communes.count > 1 {
            fields.append(
                .select(
                    name: "insee", label: "Commune", choices: communes, hint: "Le code postal couvre plusieurs communes"
                ))
        }
        fields.append(
            .radios(
                name: "principal_residence",
                legend: landlord
                    ? "Le logement est-il loué (ou à louer) comme résidence principale du locataire ?"
                    : "Le logement est-il votre résidence principale ?",
                choices: DossierFields.yesNo, hint: "RENO-E7"))
        return DossierPageModel(
            title: DossierStep.dwelling.french, context: b.context, notices: notices(b),
            form: form(b, .dwelling, fields: fields))
    }

    /// « Informations relatives aux travaux » (`RENO-E8`).
    public static func works(_ b: Base) -> DossierPageModel {
        let fields: [FormField] = [
            .radios(
                name: "insulation",
                legend: "Souhaitez-vous réaliser des travaux d'isolation thermique (murs, combles ou planchers) ?",
                choices: DossierFields.yesNo),
            .paragraph(
                "Si vous répondez non, un diagnostic technique doit établir que l'isolation n'est "
                    + "pas nécessaire (RENO-E8) :"
            ),
            .radios(
                name: "insulation_not_needed",
                legend: "Un diagnostic technique établit-il que l'isolation n'est pas nécessaire ?",
                choices: DossierFields.yesNo),
            .radios(name: "heating", legend: "Le système de chauffage est-il remplacé ?", choices: DossierFields.yesNo),
            .radios(
                name: "renewable",
                legend: "Un chauffage ou une eau chaude sanitaire à énergie renouvelable est-il installé ?",
                choices: DossierFields.yesNo),
        ]
        return DossierPageModel(
            title: DossierStep.works.french, context: b.context, notices: notices(b),
            before: [.paragraph("Fenêtres, portes, volets et vitrages ne sont jamais financés par l'aide (RENO-E8).")],
            form: form(b, .works, fields: fields))
    }
}
