/// The home page: the two programmes and where to start.
public enum HomePage {
    public static func render(_ page: PageModel) -> String {
        Layout.render(page.titled("Accueil")) {
            Div {
                H1("Les aides d'Action Logement, en ligne de bout en bout")
                Paragraph(
                    "Guichet réunit deux programmes d'Action Logement : l'aide à la rénovation énergétique des "
                        + "salariés propriétaires et l'appel à manifestation d'intérêt des bailleurs sociaux "
                        + "d'outre-mer."
                )
                .class("lead")
            }.class("hero")
            Div {
                Article {
                    H2("Aide à la rénovation énergétique")
                    Paragraph(
                        "Pour les salariés modestes du secteur privé ou agricole, propriétaires occupants ou "
                            + "bailleurs (y compris en SCI), dont le logement est en zone B2, C ou dans une commune "
                            + "Action Cœur de Ville."
                    )
                    List {
                        ListItem { Text("Subvention jusqu'à 20 000 € (occupant) ou 15 000 € (bailleur)") }
                        ListItem { Text("Prêt complémentaire jusqu'à 30 000 €, au taux du Livret A (1 % au moins)") }
                        ListItem { Text("Accompagnement obligatoire par un assistant à maîtrise d'ouvrage (AMO)") }
                        ListItem { Text("Paiement direct des entreprises de travaux") }
                    }
                    Paragraph {
                        Link("Faire le test d'éligibilité", url: "/renovation/eligibilite").class("button")
                        Text(" ")
                        Link("En savoir plus", url: "/renovation").class("button button-secondary")
                    }
                }.class("card")
                Article {
                    H2("AMI DROM : programmation des bailleurs sociaux")
                    Paragraph(
                        "Chaque année, les bailleurs sociaux de Guadeloupe, Martinique, Guyane, La Réunion et Mayotte "
                            + "déposent leur tableau de programmation d'opérations pour solliciter des prêts, en "
                            + "contrepartie de réservations locatives."
                    )
                    List {
                        ListItem { Text("Dépôt du tableau Excel par département, avant la date limite") }
                        ListItem { Text("Contrôle d'éligibilité et classement par critères de priorité") }
                        ListItem { Text("Prêts dimensionnés dans l'enveloppe de chaque département") }
                    }
                    Paragraph { Link("Découvrir l'AMI DROM", url: "/ami-drom").class("button button-secondary") }
                }.class("card")
            }.class("cards")
        }
    }
}
