import Foundation
import GuichetDomain

/// `/ami/campagnes/{year}/{department}`: one filing (`AMI-B`, `AMI-X`, `AMI-K`): its state, the
/// template, the upload (or why it is closed), the current table's check, the synthesis to
/// confirm and send, the history and every table uploaded.
public enum FilingPage {
    public enum State: Sendable, Equatable {
        case notStarted
        case draft
        case sent(Date?)
    }

    public enum Check: Sendable, Equatable {
        case inProgress
        case unreadable(String)
        case errors(Int, operations: Int)
        case clean(operations: Int)
    }

    public struct Upload: Sendable, Equatable {
        public let id: UploadID
        public let fileName: String
        public let uploadedAt: Date
        public let check: Check
        public let isCurrent: Bool

        public init(id: UploadID, fileName: String, uploadedAt: Date, check: Check, isCurrent: Bool) {
            self.id = id
            self.fileName = fileName
            self.uploadedAt = uploadedAt
            self.check = check
            self.isCurrent = isCurrent
        }
    }

    public struct Event: Sendable, Equatable {
        public let at: Date
        public let actor: String
        public let text: String

        public init(at: Date, actor: String, text: String) {
            self.at = at
            self.actor = actor
            self.text = text
        }
    }

    public struct Model: Sendable {
        public let year: Int
        public let department: String
        public let departmentName: String
        public let organisation: String
        public let siren: String
        public let phase: String
        public let state: State
        /// Nil when the window is open; otherwise why nothing can be uploaded (`AMI-K`).
        public let closedMessage: String?
        public let maxUploadMB: Int
        /// Every table uploaded, newest first; the current one has `isCurrent`.
        public let uploads: [Upload]
        /// The send form (pre-filled from the current table) when it can be sent.
        public let sendForm: FormState?
        public let history: [Event]
        public let notice: (kind: PageModel.FlashKind, text: String)?
        public let csrfToken: String

        public init(
            year: Int, department: String, departmentName: String, organisation: String, siren: String, phase: String,
            state: State, closedMessage: String?, maxUploadMB: Int, uploads: [Upload], sendForm: FormState?,
            history: [Event], notice: (kind: PageModel.FlashKind, text: String)?, csrfToken: String
        ) {
            self.year = year
            self.department = department
            self.departmentName = departmentName
            self.organisation = organisation
            self.siren = siren
            self.phase = phase
            self.state = state
            self.closedMessage = closedMessage
            self.maxUploadMB = maxUploadMB
            self.uploads = uploads
            self.sendForm = sendForm
            self.history = history
            self.notice = notice
            self.csrfToken = csrfToken
        }

        var base: String { "/ami/campagnes/\(year)/\(department)" }
        var current: Upload? { uploads.first { $0.isCurrent } }
    }

    public static func render(_ page: PageModel, _ m: Model) -> String {
        var blocks: [InfoPageModel.Block] = []
        if let notice = m.notice { blocks.append(.notice(notice.kind, notice.text)) }
        blocks.append(.definitions(facts(m)))
        blocks.append(.links([("Télécharger le modèle de tableau (.xlsx)", "\(m.base)/modele.xlsx")]))
        blocks += depositBlocks(m)
        if let current = m.current { blocks += currentBlocks(m, current) }
        if m.state != .notStarted { blocks += historyBlocks(m) }
        blocks.append(.links([("Tous mes dépôts", "/ami")]))
        let heading = "AMI DROM \(m.year) – \(m.department) \(m.departmentName)"
        return InfoPage.render(page, InfoPageModel(heading: heading, blocks: blocks))
    }

    static func facts(_ m: Model) -> [(String, String)] {
        let state =
            switch m.state {
            case .notStarted: "non commencé"
            case .draft: "brouillon : pas encore envoyé"
            case .sent(let at):
                "envoyé le \(at.map { ParisTime.format($0, "dd/MM/yyyy HH:mm:ss") } ?? "") (heure de Paris) – définitif"
            }
        return [
            ("Organisme", "\(m.organisation) (SIREN \(m.siren))"), ("Campagne", "\(m.year), \(m.phase)"),
            ("État", state),
        ]
    }

    static func depositBlocks(_ m: Model) -> [InfoPageModel.Block] {
        if case .sent = m.state {
            return [
                .notice(
                    .success,
                    "Dépôt envoyé : il ne peut plus être modifié. L'accusé de réception a été envoyé par e-mail "
                        + "aux membres de l'organisme."),
                .links([("Accusé de réception (PDF)", "\(m.base)/accuse.pdf")]),
            ]
        }
        if let closed = m.closedMessage { return [.notice(.warning, closed)] }
        let replacing = m.current != nil
        return [
            .heading(replacing ? "Remplacer le tableau" : "Déposer le tableau de programmation"),
            .upload(
                action: "\(m.base)/tableau", label: "Tableau de programmation (.xlsx)",
                hint: "Le modèle rempli, \(m.maxUploadMB) Mo au plus. "
                    + "Un nouveau dépôt remplace le précédent, qui reste dans l'historique.",
                accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                submit: replacing ? "Remplacer" : "Déposer", csrf: m.csrfToken),
        ]
    }

    static func currentBlocks(_ m: Model, _ current: Upload) -> [InfoPageModel.Block] {
        let page = "\(m.base)/tableaux/\(current.id)"
        var blocks: [InfoPageModel.Block] = [.heading("Tableau actuel : « \(current.fileName) »")]
        switch current.check {
        case .inProgress:
            blocks.append(.links([("Vérification en cours : suivre la progression", page)]))
        case .unreadable(let message):
            blocks.append(
                .notice(.error, "Fichier illisible : \(FrenchText.clause(message)). Déposez un fichier corrigé."))
        case .errors(let n, _):
            blocks.append(
                .notice(.error, "\(FrenchFormat.integer(n)) erreur\(n > 1 ? "s" : "") à corriger avant l'envoi."))
            blocks.append(.links([("Voir les erreurs et les opérations lues", page)]))
        case .clean(let n):
            let s = n > 1 ? "s" : ""
            blocks.append(.paragraph("\(FrenchFormat.integer(n)) opération\(s) lue\(s), sans erreur."))
            blocks.append(.links([("Voir les opérations et les pré-contrôles AMI-E", page)]))
            if let form = m.sendForm { blocks.append(.form(sendForm(m, form))) }
        }
        return blocks
    }

    static func sendForm(_ m: Model, _ state: FormState) -> FormPageModel {
        FormPageModel(
            heading: "Synthèse et envoi",
            intro: [
                "Les champs sont pré-remplis à partir du tableau (AMI-X). Vérifiez-les : ils doivent correspondre "
                    + "au fichier. L'envoi est définitif."
            ],
            action: "\(m.base)/envoi",
            fields: [
                .input(name: "operations", label: "Nombre d'opérations"),
                .input(name: "dwellings", label: "Nombre de logements"),
                .input(name: "cost_price", label: "Prix de revient total (€)"),
                .input(name: "loan_requested", label: "Prêt sollicité total (€)"),
                .checkbox(
                    name: "certify",
                    label: "Je certifie l'exactitude des informations du tableau et je suis habilité à déposer pour "
                        + "\(m.organisation)."),
            ],
            submit: "Envoyer", state: state)
    }

    static func historyBlocks(_ m: Model) -> [InfoPageModel.Block] {
        let time = ParisTime.formatter("dd/MM/yyyy HH:mm:ss")
        let uploads = m.uploads.map { u -> [String] in
            let check =
                switch u.check {
                case .inProgress: "en cours"
                case .unreadable: "illisible"
                case .errors(let n, let ops):
                    "\(FrenchFormat.count(ops, "opération")), \(FrenchFormat.count(n, "erreur"))"
                case .clean(let n): "\(FrenchFormat.count(n, "opération")), aucune erreur"
                }
            return [u.fileName, time.string(from: u.uploadedAt), check, u.isCurrent ? "actuel" : "remplacé"]
        }
        return [
            .table(
                caption: "Historique", headers: ["Date (heure de Paris)", "Par", "Événement"],
                rows: m.history.map { [time.string(from: $0.at), $0.actor, $0.text] }),
            .table(
                caption: "Tableaux déposés", headers: ["Fichier", "Déposé le", "Vérification", "Statut"],
                rows: uploads),
            .links(
                m.uploads.map {
                    (
                        "Télécharger « \($0.fileName) » déposé le \(time.string(from: $0.uploadedAt))",
                        "\(m.base)/tableaux/\($0.id)/fichier"
                    )
                }),
        ]
    }
}
