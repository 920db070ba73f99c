/// The four pages a public-service platform owes its users, linked from every footer (issue
/// #11): legal notice, personal data, accessibility statement (RGAA 4.1 model), help and
/// contact. What depends on who runs the platform is configured (`GUICHET_PUBLISHER`…); what
/// the platform does (what it keeps, for how long, who receives what) is said as it is coded.
public enum PublicServicePages {
    /// Who runs this instance. Every value comes from the configuration; an unset value is
    /// said to be unset rather than invented.
    public struct Operator: Sendable, Equatable {
        public var publisher: String
        public var publisherAddress: String
        public var publicationDirector: String
        public var host: String
        public var hostAddress: String
        public var dpoContact: String
        public var serviceContact: String
        public var servicePhone: String

        public init(
            publisher: String? = nil, publisherAddress: String? = nil, publicationDirector: String? = nil,
            host: String? = nil, hostAddress: String? = nil, dpoContact: String? = nil,
            serviceContact: String? = nil, servicePhone: String? = nil
        ) {
            func or(_ v: String?, _ setting: String) -> String {
                v ?? "non renseigné par l'exploitant de cette instance (réglage \(setting))"
            }
            self.publisher = or(publisher, "GUICHET_PUBLISHER")
            self.publisherAddress = or(publisherAddress, "GUICHET_PUBLISHER_ADDRESS")
            self.publicationDirector = or(publicationDirector, "GUICHET_PUBLICATION_DIRECTOR")
            self.host = or(host, "GUICHET_HOST_NAME")
            self.hostAddress = or(hostAddress, "GUICHET_HOST_ADDRESS")
            self.dpoContact = or(dpoContact, "GUICHET_DPO_CONTACT")
            self.serviceContact = or(serviceContact, "GUICHET_CONTACT")
            self.servicePhone = or(servicePhone, "GUICHET_CONTACT_PHONE")
        }
    }

    /// The retention periods the code applies, in the words of the page.
    public struct Retention: Sendable, Equatable {
        public var sessionIdleMinutes: Int
        public init(sessionIdleMinutes: Int) { self.sessionIdleMinutes = sessionIdleMinutes }
    }

    /// The footer's links, in this order on every page.
    public static let footerLinks: [(String, String)] = [
        ("Mentions légales", "/mentions-legales"), ("Données personnelles", "/donnees-personnelles"),
        ("Accessibilité : partiellement conforme", "/accessibilite"), ("Aide et contact", "/aide"),
    ]

    public static func legalNotice(_ page: PageModel, _ o: Operator) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Mentions légales",
                blocks: [
                    .heading("Éditeur"),
                    .definitions([
                        ("Éditeur", o.publisher), ("Adresse", o.publisherAddress),
                        ("Directeur ou directrice de la publication", o.publicationDirector),
                    ]),
                    .heading("Hébergement"),
                    .definitions([("Hébergeur", o.host), ("Adresse", o.hostAddress)]),
                    .heading("Logiciel"),
                    .paragraph(
                        "Guichet est un logiciel libre. Les règles qu'il applique sont publiées et citées par leur "
                            + "identifiant (RENO-…, AMI-…) à chaque décision ; les données de référence (zonage A/B/C, "
                            + "communes Action Cœur de Ville, codes postaux, plafonds Anah, taux du Livret A) sont "
                            + "listées avec leur source sur la page « Sources des données »."),
                    .paragraph(
                        "Les résultats du test d'éligibilité et des simulations sont indicatifs : seule "
                            + "l'instruction du dossier complet décide de l'aide."),
                    .links([("Sources des données", "/sources"), ("Données personnelles", "/donnees-personnelles")]),
                ]))
    }

    public static func personalData(_ page: PageModel, _ o: Operator, _ r: Retention) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Données personnelles",
                blocks: [
                    .paragraph(
                        "Cette page dit quelles données la plateforme traite, pourquoi, combien de temps elle les "
                            + "garde et comment exercer vos droits (règlement général sur la protection des "
                            + "données, RGPD, et loi Informatique et libertés)."),
                    .heading("Responsable du traitement"),
                    .definitions([("Responsable", o.publisher), ("Adresse", o.publisherAddress)]),
                    .heading("Finalités et bases légales"),
                    purposes,
                    .heading("Durées de conservation"),
                    retention(r),
                    .heading("Destinataires"),
                    .paragraph(
                        "Les personnes habilitées d'Action Logement (instruction, comité, administration) dans la "
                            + "limite de leur périmètre ; l'AMO que vous avez choisi, pour les dossiers qu'il suit "
                            + "pour vous ; les membres de votre organisme pour ses dépôts. Les messages passent par "
                            + "le serveur de courrier et, pour les SMS, par le prestataire configurés par "
                            + "l'exploitant. Aucune donnée n'est vendue ni utilisée à des fins publicitaires ; la "
                            + "plateforme ne dépose aucun traceur de mesure d'audience, seulement le cookie de "
                            + "session nécessaire à la connexion."),
                    .heading("Vos droits"),
                    .paragraph(
                        "Vous pouvez accéder à vos données, les faire rectifier, demander leur effacement ou leur "
                            + "limitation, vous opposer à un traitement fondé sur l'intérêt légitime et demander la "
                            + "portabilité des données que vous avez fournies. Votre nom et votre adresse e-mail se "
                            + "modifient dans « Mon compte » ; pour le reste, écrivez au délégué à la protection des "
                            + "données : \(o.dpoContact). Une réponse vous est due dans un délai d'un mois."),
                    .paragraph(
                        "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une "
                            + "réclamation à la CNIL (Commission nationale de l'informatique et des libertés), "
                            + "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, www.cnil.fr."),
                ]))
    }

    /// What the platform does with personal data, and on which legal basis.
    static let purposes: InfoPageModel.Block =
        .table(
            caption: "Ce que la plateforme fait de vos données",
            headers: ["Finalité", "Base légale"],
            rows: [
                [
                    "Test d'éligibilité à l'aide à la rénovation",
                    "Aucune donnée conservée : les réponses restent dans l'adresse de la page.",
                ],
                [
                    "Comptes, connexion et sécurité (sessions, limitation des essais, journal d'audit)",
                    "Intérêt légitime : protéger les comptes et prouver qui a fait quoi.",
                ],
                [
                    "Demandes d'aide, dépôts AMI DROM, instruction et versements",
                    "Exécution d'une mission d'intérêt général confiée à Action Logement (participation "
                        + "des employeurs à l'effort de construction) et du contrat d'aide.",
                ],
                [
                    "Messages de service (activation, mot de passe, accusés de réception, notifications)",
                    "Exécution du service demandé.",
                ],
            ])

    /// How long each kind of data is kept, as the code applies it.
    static func retention(_ r: Retention) -> InfoPageModel.Block {
        .table(
            caption: "Combien de temps chaque donnée est gardée",
            headers: ["Donnée", "Durée"],
            rows: [
                [
                    "Session de connexion",
                    "Fin après \(r.sessionIdleMinutes) minutes sans activité et au plus 12 heures ; "
                        + "sessions expirées effacées automatiquement.",
                ],
                ["Lien d'activation du compte", "12 heures, usage unique."],
                ["Lien de réinitialisation du mot de passe", "1 heure, usage unique."],
                ["Invitation à rejoindre un organisme", "7 jours, usage unique."],
                [
                    "Essais de connexion (adresse e-mail et adresse IP)",
                    "24 heures, pour limiter les essais.",
                ],
                [
                    "Journal d'audit",
                    "Gardé tant que l'exploitant ne le purge pas (commande « guichet audit purge » avec "
                        + "une date) ; chaque purge est scellée et vérifiable.",
                ],
                [
                    "Comptes, dossiers, tableaux déposés et accusés de réception",
                    "Pendant le programme et les délais de contrôle fixés par l'exploitant.",
                ],
            ])
    }

    public static func accessibility(_ page: PageModel, _ o: Operator) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Déclaration d'accessibilité",
                blocks: [
                    .paragraph(
                        "\(o.publisher) s'engage à rendre ses services numériques accessibles, conformément à "
                            + "l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration "
                            + "s'applique à la plateforme Guichet."),
                    .heading("État de conformité"),
                    .paragraph(
                        "Guichet est partiellement conforme avec le référentiel général d'amélioration de "
                            + "l'accessibilité (RGAA), version 4.1, en raison des non-conformités énumérées "
                            + "ci-dessous. Aucun audit complet par un organisme indépendant n'a encore été mené."),
                    .heading("Résultats des tests"),
                    .paragraph(
                        "Chaque version est vérifiée par une suite automatique qui parcourt la plateforme dans un "
                            + "navigateur comme chaque profil d'utilisateur (test d'éligibilité, inscription, "
                            + "connexion, demandes AMO, inscription d'un bailleur, dépôt AMI DROM) et contrôle "
                            + "chaque page avec axe-core : aucune violation critique ou sérieuse n'est acceptée. "
                            + "Les pages fonctionnent au clavier, sans JavaScript, et à 390 pixels de large."),
                    .heading("Contenus non accessibles"),
                    .paragraph(
                        "Les tableaux de programmation AMI DROM sont des classeurs Excel : leur accessibilité "
                            + "dépend du tableur utilisé. Les accusés de réception PDF ne sont pas balisés (PDF non "
                            + "structuré) : leur contenu est repris sur la page du dépôt. Les tests automatiques ne "
                            + "couvrent pas tous les critères du RGAA (pertinence des alternatives, ordre de "
                            + "lecture, compréhension des contenus), qui restent à auditer."),
                    .heading("Établissement de cette déclaration"),
                    .paragraph(
                        "Déclaration établie sur la base des tests automatiques de la version en service et "
                            + "d'essais manuels au clavier, sous Chromium, avec les technologies d'assistance "
                            + "usuelles non encore évaluées."),
                    .heading("Retour d'information et contact"),
                    .paragraph(
                        "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à \(o.serviceContact) "
                            + "pour être orienté vers une alternative accessible ou obtenir le contenu sous une "
                            + "autre forme."),
                    .heading("Voies de recours"),
                    .paragraph(
                        "Si vous constatez un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à "
                            + "une fonctionnalité, que vous nous le signalez et que vous ne parvenez pas à obtenir "
                            + "une réponse de notre part, vous pouvez : écrire un message au Défenseur des droits "
                            + "(formulaire sur www.defenseurdesdroits.fr) ; contacter le délégué du Défenseur des "
                            + "droits dans votre région ; envoyer un courrier par la poste, gratuit et sans "
                            + "affranchissement, à : Défenseur des droits, Libre réponse 71120, 75342 Paris "
                            + "Cedex 07."),
                ]))
    }

    public static func help(_ page: PageModel, _ o: Operator) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Aide et contact",
                blocks: [
                    .definitions([("Contact du service", o.serviceContact), ("Téléphone", o.servicePhone)]),
                    .heading("Questions fréquentes"),
                    .heading("Qui peut demander l'aide à la rénovation énergétique ?"),
                    .paragraph(
                        "Un salarié d'une entreprise du secteur privé (ou agricole) aux revenus modestes, "
                            + "propriétaire occupant ou bailleur d'un logement en zone B2 ou C ou dans une commune "
                            + "Action Cœur de Ville, ou une SCI dont il est associé. Le test d'éligibilité le "
                            + "vérifie en quelques questions, règle par règle (RENO-E1 à RENO-E8)."),
                    .heading("Qu'est-ce qu'un AMO et faut-il en avoir un ?"),
                    .paragraph(
                        "L'assistant à maîtrise d'ouvrage accompagne le ménage : il monte le dossier, saisit les "
                            + "pièces et le plan de financement pour le compte du bénéficiaire, qui voit tout ce "
                            + "qu'il fait. L'AMO n'a pas de délégation de signature : seul le bénéficiaire signe la "
                            + "convention. L'annuaire des AMO liste les structures acceptées."),
                    .heading("Je n'ai pas reçu l'e-mail d'activation"),
                    .paragraph(
                        "Le lien vaut 12 heures. Vérifiez les courriers indésirables, puis inscrivez-vous de "
                            + "nouveau avec la même adresse : un nouveau lien est envoyé."),
                    .heading("J'ai oublié mon mot de passe"),
                    .paragraph(
                        "Utilisez « Mot de passe oublié » sur la page de connexion : un lien valable une heure, "
                            + "utilisable une seule fois, vous est envoyé."),
                    .heading("Bailleurs : comment déposer le tableau AMI DROM ?"),
                    .paragraph(
                        "Inscrivez votre organisme (SIREN), attendez sa validation, téléchargez le modèle du "
                            + "département, remplissez-le et déposez-le : chaque erreur est indiquée avec sa "
                            + "feuille et sa cellule. Après confirmation de la synthèse, « Envoyer » produit un "
                            + "accusé de réception PDF. Rien n'est accepté après la clôture de la campagne."),
                    .links([
                        ("Faire le test d'éligibilité", "/renovation/eligibilite"),
                        ("Annuaire des AMO", "/amo/annuaire"), ("AMI DROM", "/ami-drom"),
                    ]),
                ]))
    }
}
