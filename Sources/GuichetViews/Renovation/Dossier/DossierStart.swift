import GuichetDomain

/// From an eligible test to an account and a dossier (the guide's « Création du compte »).
public enum DossierStart {
    public enum Who: Sendable {
        /// A visitor creates their own account (and chooses a password).
        case visitor
        /// An AMO creates its client's account (the client chooses a password from the e-mail).
        case amo(name: String)
        /// A signed-in beneficiary starts a dossier for another dwelling.
        case beneficiary
    }

    /// - Parameter carried: the test's answers, sent back with the form.
    public static func form(_ who: Who, state: FormState, carried: [(String, String)]) -> FormPageModel {
        switch who {
        case .visitor:
            return FormPageModel(
                heading: "Créer mon compte et mon dossier",
                intro: [
                    "Votre projet semble éligible. Renseignez votre état civil : il sert à signer la "
                        + "convention avec Action "
                        + "Logement et ne pourra plus être modifié que par l'instructeur. Vos "
                        + "réponses au test deviennent les "
                        + "premières réponses de votre dossier.",
                    "Pour une SCI, le compte est celui de l'associé majoritaire (RENO-E3).",
                ],
                action: "/renovation/compte",
                fields: [.heading("État civil")] + DossierFields.civilStatus() + [.heading("Coordonnées")]
                    + DossierFields.contact
                    + [
                        .heading("Mot de passe"),
                        .input(
                            name: "password", label: "Mot de passe", type: "password", hint: "12 caractères au moins",
                            autocomplete: "new-password"),
                        .input(
                            name: "confirm", label: "Confirmation du mot de passe", type: "password",
                            autocomplete: "new-password"),
                    ],
                submit: "Créer mon compte", state: state, carried: carried)
        case .amo(let name):
            return FormPageModel(
                heading: "Créer le compte du bénéficiaire",
                intro: [
                    "Le test de votre client est concluant. Saisissez son état civil exact : il "
                        + "servira à signer la convention "
                        + "de subventionnement. Votre client recevra un e-mail pour choisir son mot "
                        + "de passe sous 12 heures.",
                    "Le dossier sera créé avec \(name) comme AMO ; confirmez ensuite votre choix sur "
                        + "sa première étape.",
                ],
                action: "/dossiers/nouveau",
                fields: [.heading("État civil du bénéficiaire")] + DossierFields.civilStatus() + [
                    .heading("Coordonnées du bénéficiaire")
                ]
                    + DossierFields.contact,
                submit: "Créer le compte du bénéficiaire", state: state, carried: carried)
        case .beneficiary:
            return FormPageModel(
                heading: "Créer un dossier pour un autre logement",
                intro: [
                    "Un ménage peut déposer un dossier par logement (RENO-E9). Vos réponses au test "
                        + "deviennent les premières réponses du dossier."
                ],
                action: "/dossiers/nouveau", fields: [], submit: "Créer le dossier", state: state, carried: carried)
        }
    }

    /// After a visitor's form: the same page whether or not the address already had an account.
    public static let checkYourMail = InfoPageModel(
        heading: "Vérifiez votre messagerie",
        blocks: [
            .paragraph(
                "Si cette adresse n'avait pas encore de compte, votre compte et votre dossier sont "
                    + "créés : ouvrez le lien "
                    + "reçu par e-mail dans les 12 heures pour activer le compte, puis "
                    + "connectez-vous pour compléter le dossier."
            ),
            .paragraph("Si elle en avait un, un e-mail vous indique comment vous connecter."),
            .links([("Se connecter", "/connexion")]),
        ])
}

/// The dossiers of a beneficiary or of an AMO, with what to do next.
public enum DossierDashboard {
    public struct Row: Sendable {
        public let reference: String
        public let href: String
        public let beneficiary: String
        public let commune: String
        public let state: String
        public let next: String
        public let updated: String
        /// The first dated document to expire (« Kbis de l'entreprise : 30/01/2027 »), if any.
        public var deadline: String = "—"
        public init(
            reference: String, href: String, beneficiary: String, commune: String, state: String, next: String,
            updated: String
        ) {
            self.reference = reference
            self.href = href
            self.beneficiary = beneficiary
            self.commune = commune
            self.state = state
            self.next = next
            self.updated = updated
        }
    }

    public struct Model: Sendable {
        public var amo: Bool
        public var rows: [Row]
        public var filter: FormState
        public var next: NextPage?
        public init(amo: Bool, rows: [Row], filter: FormState, next: NextPage?) {
            self.amo = amo
            self.rows = rows
            self.filter = filter
            self.next = next
        }
    }

    public static func model(_ m: Model) -> InfoPageModel {
        var blocks: [InfoPageModel.Block] = [
            .links([
                (
                    m.amo
                        ? "Créer un dossier (test d'éligibilité du client)" : "Créer un dossier pour un autre logement",
                    "/renovation/eligibilite"
                )
            ])
        ]
        if m.amo {
            blocks.append(
                .form(
                    FormPageModel(
                        heading: "Filtrer", action: "/dossiers", method: "get",
                        fields: [
                            .select(
                                name: "etat", label: "État",
                                choices: [Choice("mandat", "Mandat à accepter")]
                                    + DossierState.allCases.map { Choice($0.rawValue, $0.french) }),
                            .input(name: "recherche", label: "Nom du bénéficiaire ou référence"),
                        ],
                        submit: "Filtrer", state: m.filter)))
        }
        let cells = m.rows.map { r in
            [DataTable.Cell(r.reference, href: r.href)]
                + [r.beneficiary, r.commune, r.state, r.next, r.deadline, r.updated].map { DataTable.Cell($0) }
        }
        blocks.append(
            .cells(
                caption: m.amo ? "Dossiers de vos clients" : "Vos dossiers",
                headers: [
                    "Dossier", "Bénéficiaire", "Commune", "État", "Prochaine étape", "Pièce qui expire en premier",
                    "Modifié le",
                ],
                rows: cells))
        if let next = m.next { blocks.append(.links([(next.label, next.href)])) }
        return InfoPageModel(
            heading: m.amo ? "Dossiers de rénovation de vos clients" : "Mes dossiers de rénovation", blocks: blocks)
    }
}
