/// Where the rules and the reference data come from.
public enum SourcesPage {
    public static func render(_ page: PageModel) -> String {
        Layout.render(page.titled("Sources des données")) {
            H1("Sources des règles et des données")
            Paragraph(
                "Les règles appliquées viennent de trois documents : la directive PP_TREPO_2_DIRPIV d'Action Logement "
                    + "(aide à la rénovation énergétique), le guide des AMO de la plateforme, et le cahier des "
                    + "charges de l'AMI DROM 2024. Chaque règle porte un identifiant (RENO-E5, AMI-E…) cité dans "
                    + "chaque explication."
            )
            DataTable(
                headers: ["Données", "Source", "Licence"],
                rows: [
                    [
                        "Zonage A/B/C en vigueur depuis le 5 juillet 2024",
                        "Liste ministérielle des communes, via OpenFisca-France", "AGPL-3.0 (dépôt)",
                    ],
                    [
                        "Zonage A/B/C du 5 septembre 2025", "data.gouv.fr, liste des communes selon le zonage ABC",
                        "Licence Ouverte / MIT",
                    ],
                    [
                        "Zonage A/B/C publié en 2022 (avant le 5 juillet 2024)",
                        "Source tierce (Maison Babeau Seguin), via zones-abc-pinel-map", "MIT ; non officiel",
                    ],
                    ["Communes Action Cœur de Ville", "ANCT et data.gouv.fr", "Licence Ouverte"],
                    ["Codes postaux", "La Poste, base officielle des codes postaux", "Licence Ouverte"],
                    ["Départements et régions", "INSEE, code officiel géographique 2024", "Licence Ouverte"],
                    [
                        "Plafonds de ressources Anah 2020–2025", "Mes Aides Réno (betagouv/reno) et aides-travaux-api",
                        "MIT",
                    ],
                    [
                        "Taux du Livret A", "OpenFisca-France, avec les références du Journal officiel",
                        "AGPL-3.0 (dépôt)",
                    ],
                ])
            Paragraph(
                "Le détail (versions lues, réserves) est livré avec le logiciel dans le fichier SOURCES.md des "
                    + "données de référence, et résumé dans le fichier NOTICE."
            ).class("muted")
        }
    }
}
