import GuichetDomain

/// The two programme pages: what each aid is and how it works, in plain French.
public enum ProgrammePages {
    public struct RenovationFacts: Sendable {
        public let ceilingOwnerOccupier: Money
        public let ceilingLandlord: Money
        public let loanMaximum: Money
        public let loanMaximumMonths: Int
        public let deferralMaximumMonths: Int
        public let loanRate: Rate
        public let livretADate: Day
        public init(
            ceilingOwnerOccupier: Money, ceilingLandlord: Money, loanMaximum: Money, loanMaximumMonths: Int,
            deferralMaximumMonths: Int, loanRate: Rate, livretADate: Day
        ) {
            self.ceilingOwnerOccupier = ceilingOwnerOccupier
            self.ceilingLandlord = ceilingLandlord
            self.loanMaximum = loanMaximum
            self.loanMaximumMonths = loanMaximumMonths
            self.deferralMaximumMonths = deferralMaximumMonths
            self.loanRate = loanRate
            self.livretADate = livretADate
        }
    }

    public static func renovation(_ page: PageModel, facts f: RenovationFacts) -> String {
        Layout.render(page.titled("Rénovation énergétique")) {
            H1("Aide à la rénovation énergétique")
            Paragraph(
                "Une subvention et un prêt d'Action Logement pour isoler son logement ou remplacer son chauffage, "
                    + "réservés aux salariés aux revenus modestes."
            ).class("lead")
            H2("Qui peut en bénéficier ?")
            List {
                ListItem {
                    Text(
                        "Les propriétaires occupants, les propriétaires bailleurs personnes physiques et les SCI de "
                            + "personnes physiques (RENO-E1, RENO-E3)."
                    )
                }
                ListItem {
                    Text(
                        "Salariés du secteur privé, agricole ou d'une entreprise publique assimilée (La Poste, EDF, "
                            + "SNCF…), quel que soit le contrat (RENO-E4). Pour un bailleur, le droit peut être "
                            + "ouvert par le locataire."
                    )
                }
                ListItem { Text("Revenus sous le plafond « modeste » de l'Anah (RENO-E5).") }
                ListItem {
                    Text(
                        "Logement en zone B2 ou C, ou dans une commune Action Cœur de Ville, résidence principale "
                            + "(RENO-E6, RENO-E7)."
                    )
                }
            }
            H2("Quels montants ?")
            amounts(f)
            H2("Quels travaux ?")
            Paragraph(
                "Le projet comprend des travaux d'isolation thermique (murs, combles ou planchers). Si un diagnostic "
                    + "technique établit que l'isolation n'est pas nécessaire, il comprend le remplacement du "
                    + "chauffage ou un équipement de chauffage ou d'eau chaude renouvelable. Fenêtres, portes, volets "
                    + "et vitrages ne sont pas financés par la subvention (RENO-E8). Les travaux principaux sont "
                    + "réalisés par une entreprise RGE (RENO-E11)."
            )
            Paragraph { Link("Faire le test d'éligibilité", url: "/renovation/eligibilite").class("button") }
        }
    }

    /// The amounts of today's parameters (`P-S-PO`, `P-S-PB`, `P-L-MAX`, the rate).
    static func amounts(_ f: RenovationFacts) -> Component {
        DataTable(
            headers: ["Aide", "Montant"],
            rows: [
                [
                    "Subvention, propriétaire occupant",
                    "jusqu'à \(f.ceilingOwnerOccupier.formatted(dropZeroCents: true))",
                ],
                [
                    "Subvention, propriétaire bailleur ou SCI",
                    "jusqu'à \(f.ceilingLandlord.formatted(dropZeroCents: true))",
                ],
                [
                    "Prêt complémentaire",
                    "jusqu'à \(f.loanMaximum.formatted(dropZeroCents: true)), \(f.loanMaximumMonths) mois au plus "
                        + "dont \(f.deferralMaximumMonths) de différé",
                ],
                [
                    "Taux du prêt",
                    "\(f.loanRate.frenchPercent) (Livret A au \(f.livretADate.french), 1 % au moins)",
                ],
            ])
    }

    public static func ami(_ page: PageModel) -> String {
        Layout.render(page.titled("AMI DROM")) {
            H1("AMI DROM : programmation des bailleurs sociaux d'outre-mer")
            Paragraph(
                "L'appel à manifestation d'intérêt annuel permet aux bailleurs sociaux de Guadeloupe (971), "
                    + "Martinique (972), Guyane (973), La Réunion (974) et Mayotte (976) de solliciter des prêts "
                    + "d'Action Logement pour leurs opérations, en contrepartie de réservations locatives."
            ).class("lead")
            H2("Comment déposer ?")
            List {
                ListItem {
                    Text(
                        "Le bailleur s'identifie (nom, SIREN, statut, contact) et choisit un département ; un dépôt "
                            + "par département (AMI-B)."
                    )
                }
                ListItem {
                    Text(
                        "Il télécharge le tableau de programmation Excel, le remplit (une ligne par opération) et le "
                            + "dépose (AMI-X)."
                    )
                }
                ListItem {
                    Text(
                        "La synthèse est pré-remplie à partir du fichier ; le dépôt devient définitif à l'envoi, "
                            + "avant la date limite de la campagne (AMI-K)."
                    )
                }
            }
            Paragraph {
                Link("Déposer pour mon organisme", url: "/ami")
                Text(" · ")
                Link("Inscrire un organisme", url: "/ami/bailleur/inscription")
            }
            H2("Comment les opérations sont-elles retenues ?")
            Paragraph(
                "Contrôle d'éligibilité (AMI-E), classement par critères de priorité (lien emploi-logement, qualité "
                    + "environnementale : AMI-P), prêts dans la limite de la quotité par produit et de l'enveloppe du "
                    + "département (AMI-L), réservations locatives selon le barème de la campagne (AMI-R)."
            )
        }
    }
}
