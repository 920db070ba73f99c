import Foundation
import GuichetDomain

/// `/admin/parametres`: the renovation aid's dated parameters, the Livret A rates and the Anah
/// ceilings in force, the forms that add a value from a date (a new version each time), and the
/// versions.
public enum ParametersPage {
    /// A series an administrator may change: its id, French label and kind of value.
    public struct Editable: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case euros
            case integer
            /// A whole percentage, 0 to 100.
            case percent
            case rate

            public var french: String {
                switch self {
                case .euros: "euros"
                case .integer: "entier"
                case .percent: "pourcentage entier de 0 à 100"
                case .rate: "taux"
                }
            }
        }

        public let id: String
        public let label: String
        public let kind: Kind
    }

    public static let editable: [Editable] = [
        .init(id: "P-S-PO", label: "Plafond de subvention, propriétaire occupant", kind: .euros),
        .init(id: "P-S-PB", label: "Plafond de subvention, bailleur ou SCI", kind: .euros),
        .init(id: "P-L-MAX", label: "Montant maximum du prêt", kind: .euros),
        .init(id: "P-L-DUR", label: "Durée maximum du prêt (mois)", kind: .integer),
        .init(id: "P-L-DEF", label: "Différé maximum (mois)", kind: .integer),
        .init(id: "P-L-RATE", label: "Taux plancher du prêt (%)", kind: .rate),
        .init(id: "P-ANNEX", label: "Enveloppe des frais annexes (% du plafond)", kind: .percent),
        .init(id: "P-RAC", label: "Reste à charge déclenchant le prêt", kind: .euros),
        .init(id: "P-ACOMPTE", label: "Acompte maximum (% de la part de l'entreprise)", kind: .percent),
        .init(id: "P-ENDET", label: "Taux d'endettement signalé (%)", kind: .percent),
    ]

    public struct Version: Sendable, Equatable {
        public let number: Int
        public let createdAt: Date?
        public let author: String
        public let note: String

        public init(number: Int, createdAt: Date?, author: String, note: String) {
            self.number = number
            self.createdAt = createdAt
            self.author = author
            self.note = note
        }
    }

    public struct Model: Sendable {
        public let parameters: RenovationParameters
        public let livretA: [LivretARate]
        public let anahCeilings: [AnahCeiling]
        public let versions: [Version]
        public let seriesForm: FormState
        public let livretForm: FormState
        public let anahForm: FormState

        public init(
            parameters: RenovationParameters, livretA: [LivretARate], anahCeilings: [AnahCeiling], versions: [Version],
            seriesForm: FormState, livretForm: FormState, anahForm: FormState
        ) {
            self.parameters = parameters
            self.livretA = livretA
            self.anahCeilings = anahCeilings
            self.versions = versions
            self.seriesForm = seriesForm
            self.livretForm = livretForm
            self.anahForm = anahForm
        }
    }

    public static func render(_ page: PageModel, _ m: Model) -> String {
        let time = ParisTime.formatter()
        let livretRows = m.livretA.reversed().map { [$0.effective.french, $0.rate.frenchPercent, $0.reference] }
        let anahRows = m.anahCeilings.sorted {
            ($0.year, $0.region.rawValue, $0.category.rawValue) > ($1.year, $1.region.rawValue, $1.category.rawValue)
        }.map { c in
            [
                String(c.year), c.region.french, c.category.french,
                c.persons.map { FrenchFormat.integer($0) }.joined(separator: " / "),
                FrenchFormat.integer(c.perExtraPerson),
            ]
        }
        let versions = m.versions.map { ["v\($0.number)", $0.createdAt.map(time.string) ?? "", $0.author, $0.note] }
        return InfoPage.render(
            page,
            InfoPageModel(
                heading: "Paramètres de l'aide à la rénovation (\(m.parameters.version))",
                blocks: [
                    .table(
                        caption: "Valeurs datées", headers: ["Id", "Paramètre", "À partir du", "Valeur", "Source"],
                        rows: seriesRows(m.parameters)),
                    .form(seriesForm(m.seriesForm)),
                    .table(
                        caption: "Taux du Livret A (P-L-RATE)", headers: ["À partir du", "Taux", "Référence"],
                        rows: livretRows),
                    .form(livretForm(m.livretForm)),
                    .table(
                        caption: "Plafonds Anah (P-ANAH)",
                        headers: ["Année", "Région", "Catégorie", "1 à 5 personnes (€)", "Par personne en plus (€)"],
                        rows: anahRows),
                    .form(anahForm(m.anahForm)),
                    .table(caption: "Versions", headers: ["Version", "Date", "Auteur", "Note"], rows: versions),
                ]))
    }

    static func seriesRows(_ p: RenovationParameters) -> [[String]] {
        var rows: [[String]] = []
        func add<V>(_ s: DatedSeries<V>, _ show: (V) -> String) {
            for e in s.entries { rows.append([s.id, s.label, e.validFrom.french, show(e.value), e.source]) }
        }
        func euros(_ m: Money) -> String { m.formatted(dropZeroCents: true) }
        add(p.subsidyCeilingOwnerOccupier, euros)
        add(p.subsidyCeilingLandlord, euros)
        add(p.loanMaximum, euros)
        add(p.loanMaximumMonths) { "\($0) mois" }
        add(p.deferralMaximumMonths) { "\($0) mois" }
        add(p.loanRateFloor) { $0.frenchPercent }
        add(p.amoCaps) {
            "cas 1 : \(euros($0.ownerOccupierAlone)) ; cas 2 : \(euros($0.ownerOccupierWithAid)) ; "
                + "cas 3 : \(euros($0.landlordAlone)) ; cas 4 : \(euros($0.landlordWithAid))"
        }
        add(p.annexEnvelopePercent) { "\($0) %" }
        add(p.remainingCostThreshold, euros)
        add(p.depositPercent) { "\($0) %" }
        add(p.debtRatioAlertPercent) { "\($0) %" }
        return rows
    }

    static func seriesForm(_ state: FormState) -> FormPageModel {
        FormPageModel(
            heading: "Nouvelle valeur à partir d'une date",
            intro: [
                "Chaque modification crée une nouvelle version des paramètres ; les calculs indiquent la version "
                    + "utilisée."
            ],
            action: "/admin/parametres",
            fields: [
                .select(
                    name: "series", label: "Paramètre",
                    choices: editable.map { Choice($0.id, "\($0.id) — \($0.label)") }),
                .input(name: "valid_from", label: "En vigueur à partir du", hint: "JJ/MM/AAAA"),
                .input(name: "value", label: "Valeur", hint: "Montant en euros, nombre entier, ou taux en % (1,5)"),
                .input(name: "source", label: "Source", hint: "Texte ou décision qui fixe cette valeur"),
            ],
            submit: "Enregistrer la nouvelle version", state: state)
    }

    static func livretForm(_ state: FormState) -> FormPageModel {
        FormPageModel(
            heading: "Nouveau taux du Livret A",
            intro: ["P-L-RATE : le prêt prend le taux en vigueur au 31 décembre de l'année précédente, 1 % au moins."],
            action: "/admin/parametres/livret-a",
            fields: [
                .input(name: "effective", label: "En vigueur à partir du", hint: "JJ/MM/AAAA"),
                .input(name: "rate", label: "Taux (%)", hint: "Par exemple 1,5"),
                .input(name: "reference", label: "Texte de référence", hint: "Arrêté, avis au Journal officiel…"),
            ],
            submit: "Ajouter le taux", state: state)
    }

    static func anahForm(_ state: FormState) -> FormPageModel {
        FormPageModel(
            heading: "Plafonds de ressources Anah d'une année",
            intro: [
                "P-ANAH : plafonds annuels (revenu fiscal de référence, en euros) ; une année déjà connue est "
                    + "remplacée."
            ],
            action: "/admin/parametres/anah",
            fields: [
                .input(name: "year", label: "Année"),
                .select(
                    name: "region", label: "Région",
                    choices: [
                        Choice("hors_ile_de_france", "Hors Île-de-France"), Choice("ile_de_france", "Île-de-France"),
                    ]),
                .select(
                    name: "category", label: "Catégorie",
                    choices: [
                        Choice("tres_modeste", "Très modeste"), Choice("modeste", "Modeste"),
                        Choice("intermediaire", "Intermédiaire"),
                    ]),
                .input(name: "p1", label: "1 personne"), .input(name: "p2", label: "2 personnes"),
                .input(name: "p3", label: "3 personnes"), .input(name: "p4", label: "4 personnes"),
                .input(name: "p5", label: "5 personnes"), .input(name: "extra", label: "Par personne supplémentaire"),
                .input(name: "source", label: "Source"),
            ],
            submit: "Enregistrer les plafonds", state: state)
    }
}
