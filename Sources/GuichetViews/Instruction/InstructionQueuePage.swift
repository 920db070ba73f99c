import Foundation
import GuichetDomain

/// The instructor's workspace (issue #13): tabs by state with their counts, the filters and the
/// search (a GET form: the address is the list), the dossiers oldest filing first with a box to
/// tick each, bulk actions (assign, remind), the next page, and the exports of the filtered list.
public enum InstructionQueuePage {
    public struct Row: Sendable, Equatable {
        public let reference: String
        public let href: String
        public let id: String
        public let beneficiary: String
        public let department: String
        public let state: String
        public let amo: String
        public let amount: String
        public let filed: String
        public let assignee: String

        public init(
            reference: String, href: String, id: String, beneficiary: String, department: String, state: String,
            amo: String, amount: String, filed: String, assignee: String
        ) {
            self.reference = reference
            self.href = href
            self.id = id
            self.beneficiary = beneficiary
            self.department = department
            self.state = state
            self.amo = amo
            self.amount = amount
            self.filed = filed
            self.assignee = assignee
        }
    }

    public struct Tab: Sendable, Equatable {
        public let label: String
        public let count: Int
        public let href: String
        public let current: Bool
        public init(label: String, count: Int, href: String, current: Bool) {
            self.label = label
            self.count = count
            self.href = href
            self.current = current
        }
    }

    public struct Model: Sendable {
        public var scope: String
        public var tabs: [Tab]
        public var filters: FormState
        public var departments: [Choice]
        public var amos: [Choice]
        public var rows: [Row]
        public var next: String?
        /// The query string of the filters, for the exports.
        public var query: String
        public var csrf: String
        /// An instructor (assignment and reminders); the committee and administrators only read.
        public var mayAct = true

        public init(
            scope: String, tabs: [Tab], filters: FormState, departments: [Choice], amos: [Choice], rows: [Row],
            next: String?, query: String, csrf: String
        ) {
            self.scope = scope
            self.tabs = tabs
            self.filters = filters
            self.departments = departments
            self.amos = amos
            self.rows = rows
            self.next = next
            self.query = query
            self.csrf = csrf
        }
    }

    public static func render(_ page: PageModel, _ m: Model) -> String {
        Layout.render(page.titled("Dossiers de rénovation à instruire")) {
            H1("Dossiers de rénovation à instruire")
            Paragraph("Votre périmètre : \(m.scope).")
            Navigation {
                List(m.tabs) { t in
                    Link("\(t.label) (\(FrenchFormat.integer(t.count)))", url: t.href)
                        .attr("aria-current", t.current ? "page" : nil)
                }
            }.accessibilityLabel("États des dossiers").class("tabs")
            Paragraph("Les nombres par état sont recomptés toutes les 10 secondes ; la liste est toujours à jour.")
                .class("hint")
            filters(m)
            results(m)
        }
    }

    static func filters(_ m: Model) -> Component {
        let s = m.filters
        return El("form") {
            FieldSet {
                El("legend", text: "Rechercher et filtrer")
                FormKit.input(
                    s, name: "q", label: "Nom, SIRET, adresse ou référence",
                    hint: "Sans tenir compte des accents ni des majuscules.")
                FormKit.select(s, name: "departement", label: "Département", choices: m.departments)
                FormKit.select(s, name: "amo", label: "AMO", choices: m.amos)
                FormKit.input(s, name: "montant_min", label: "Montant accordé minimum (€)", inputmode: "numeric")
                FormKit.input(s, name: "montant_max", label: "Montant accordé maximum (€)", inputmode: "numeric")
                FormKit.input(s, name: "age", label: "Déposés depuis plus de (jours)", inputmode: "numeric")
                FormKit.checkbox(s, name: "pieces_refusees", label: "Avec une pièce refusée")
                FormKit.checkbox(s, name: "pieces_expirees", label: "Avec une pièce expirée aujourd'hui")
                FormKit.checkbox(s, name: "a_moi", label: "Qui me sont attribués")
                FormKit.hidden("etat", s.value("etat"))
                FormKit.submit("Filtrer")
            }
        }.attr("method", "get").attr("action", "/instruction/dossiers").class("filters")
    }

    static func results(_ m: Model) -> Component {
        Div {
            H2("Dossiers")
            Paragraph {
                Text("Exporter la liste filtrée : ")
                Link("CSV", url: "/instruction/dossiers/export.csv?\(m.query)")
                Text(" · ")
                Link("Excel (XLSX)", url: "/instruction/dossiers/export.xlsx?\(m.query)")
            }
            if m.rows.isEmpty {
                Paragraph("Aucun dossier ne correspond.").class("muted")
            } else {
                table(m)
            }
            if let next = m.next { Paragraph { Link("Dossiers suivants", url: next) } }
        }
    }

    static func table(_ m: Model) -> Component {
        El("form") {
            FormKit.hidden("_csrf", m.csrf)
            FormKit.hidden("retour", "/instruction/dossiers?\(m.query)")
            El("table") {
                El("caption", text: "Dossiers, le plus ancien dépôt d'abord")
                El("thead") {
                    El("tr") {
                        for h in [
                            "Choisir", "Référence", "Bénéficiaire", "Dépt", "État", "AMO", "Montant accordé",
                            "Déposé le", "Attribué à",
                        ] {
                            El("th", text: h).attr("scope", "col")
                        }
                    }
                }
                El("tbody") {
                    for r in m.rows { row(r) }
                }
            }
            if m.mayAct {
                actions()
            }
        }.attr("method", "post").attr("action", "/instruction/dossiers/selection")
    }

    static func actions() -> Component {
        Div {
            FormKit.submit("M'attribuer la sélection", name: "action", value: "attribuer", secondary: true)
            FormKit.submit("Retirer l'attribution", name: "action", value: "retirer", secondary: true)
            FormKit.submit("Relancer (dossiers à corriger ou à signer)", name: "action", value: "relancer")
        }.class("actions")
    }

    static func row(_ r: Row) -> Component {
        El("tr") {
            El("td") {
                VoidEl(
                    "input", [("type", "checkbox"), ("name", "id_\(r.id)"), ("value", "oui"), ("id", "choix-\(r.id)")])
                Label("Choisir \(r.reference)") {}.attr("for", "choix-\(r.id)").class("visually-hidden")
            }
            El("td") { Link(r.reference, url: r.href) }
            El("td", text: r.beneficiary)
            El("td", text: r.department)
            El("td", text: r.state)
            El("td", text: r.amo)
            El("td", text: r.amount)
            El("td", text: r.filed)
            El("td", text: r.assignee)
        }
    }
}
