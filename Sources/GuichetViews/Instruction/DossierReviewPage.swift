import GuichetDomain

/// An instructor's review of a filed dossier (issue #13): the decision forms the state allows,
/// what changed since the previous filing, the rule trace as filed and as decided today, the
/// plan, every answer, every document with its preview and verdict, the history, the staff's
/// notes and the message thread.
public enum DossierReviewPage {
    public struct Document: Sendable {
        public let key: String
        public let label: String
        public let details: [(String, String)]
        public let previewURL: String
        public let image: Bool
        public init(key: String, label: String, details: [(String, String)], previewURL: String, image: Bool) {
            self.key = key
            self.label = label
            self.details = details
            self.previewURL = previewURL
            self.image = image
        }
    }

    public struct Message: Sendable {
        public let at: String
        public let author: String
        public let body: String
        public let attachment: (String, String)?
        public init(at: String, author: String, body: String, attachment: (String, String)?) {
            self.at = at
            self.author = author
            self.body = body
            self.attachment = attachment
        }
    }

    public struct Model: Sendable {
        public var context: DossierContext
        /// `/instruction/dossiers/{id}`.
        public var path: String
        public var dossierPath: String
        public var version: Int
        public var state: DossierState
        public var mayInstruct: Bool
        public var notices: [(PageModel.FlashKind, String)]
        public var validateLabel: String
        public var form: FormState
        public var files: [(String, String)]
        public var changes: [DossierChanges.Change]
        public var trace: [RuleTraceComparison.Line]
        public var sections: [DossierOverview.Section]
        public var documents: [Document]
        public var history: [DossierOverview.HistoryLine]
        public var notes: [Message]
        public var messages: [Message]

        public init(
            context: DossierContext, path: String, dossierPath: String, version: Int, state: DossierState,
            mayInstruct: Bool, form: FormState
        ) {
            self.context = context
            self.path = path
            self.dossierPath = dossierPath
            self.version = version
            self.state = state
            self.mayInstruct = mayInstruct
            self.form = form
            notices = []
            validateLabel = "Valider le dossier"
            files = []
            changes = []
            trace = []
            sections = []
            documents = []
            history = []
            notes = []
            messages = []
        }
    }

    public static func model(_ m: Model) -> DossierPageModel {
        var blocks: [InfoPageModel.Block] = []
        if !m.files.isEmpty { blocks += [.heading("Documents du dossier"), .links(m.files)] }
        if m.mayInstruct { blocks += decisions(m) }
        blocks += changes(m) + trace(m) + answers(m) + documents(m) + history(m) + thread(m)
        var context = m.context
        context.root = ("Dossiers à instruire", "/instruction/dossiers")
        return DossierPageModel(
            title: "Instruction du dossier \(m.context.reference)", context: context, notices: m.notices,
            before: blocks)
    }

    static func form(
        _ m: Model, _ action: String, heading: String, intro: [String] = [], fields: [FormField] = [], submit: String
    ) -> InfoPageModel.Block {
        var state = m.form
        if !fields.contains(where: { $0.name.map { m.form.errors.map(\.field).contains($0) } == true }) {
            state.errors = []
        }
        return .form(
            FormPageModel(
                heading: heading, intro: intro, action: "\(m.path)/\(action)", fields: fields, submit: submit,
                state: state, carried: [("version", String(m.version))]))
    }

    static func decisions(_ m: Model) -> [InfoPageModel.Block] {
        var out: [InfoPageModel.Block] = []
        let reasons = FormField.textarea(name: "motifs", label: "Motifs", hint: "Un motif par ligne.")
        switch m.state {
        case .filed:
            out.append(form(m, "instruction", heading: "Commencer l'instruction", submit: "Commencer l'instruction"))
        case .inInstruction:
            out.append(
                form(
                    m, "correction", heading: "Renvoyer pour correction",
                    intro: ["Les pièces refusées ci-dessous sont ajoutées à la liste avec leur motif."],
                    fields: [
                        .select(
                            name: "etape", label: "Étape concernée (lien donné au bénéficiaire et à l'AMO)",
                            choices: DossierStep.allCases.map { Choice($0.rawValue, $0.french) }),
                        .textarea(name: "points", label: "Ce qu'il faut corriger", hint: "Un point par ligne."),
                    ], submit: "Renvoyer pour correction"))
            out.append(form(m, "validation", heading: "Validation", submit: m.validateLabel))
        default: break
        }
        if [.filed, .inInstruction, .toCorrect].contains(m.state) {
            out.append(form(m, "refus", heading: "Refuser le dossier", fields: [reasons], submit: "Refuser le dossier"))
        }
        if m.state.isLive && m.state != .draft && m.state != .inPayment && m.state != .settled {
            out.append(
                form(
                    m, "annulation", heading: "Annuler le dossier",
                    fields: [.input(name: "motif", label: "Motif de l'annulation")], submit: "Annuler le dossier"))
        }
        return out
    }

    static func changes(_ m: Model) -> [InfoPageModel.Block] {
        guard !m.changes.isEmpty else { return [] }
        return [
            .heading("Modifications depuis le dépôt précédent"),
            .table(
                caption: "Champs et pièces modifiés", headers: ["Étape", "Élément", "Avant", "Après"],
                rows: m.changes.map { [$0.step.french, $0.label, $0.before ?? "(absent)", $0.after ?? "(retiré)"] }),
        ]
    }

    static func trace(_ m: Model) -> [InfoPageModel.Block] {
        guard !m.trace.isEmpty else { return [] }
        let changed = m.trace.filter(\.changed).count
        return [
            .heading("Règles : décision au dépôt et aujourd'hui"),
            .paragraph(
                changed == 0
                    ? "Aujourd'hui, avec les paramètres en vigueur, chaque règle décide comme au dépôt."
                    : "\(changed) règle(s) décident autrement aujourd'hui (paramètres ou règles modifiés) : "
                        + "elles sont marquées « changé »."),
            .table(
                caption: "Chaque règle au dépôt et aujourd'hui",
                headers: ["Règle", "Au dépôt", "Aujourd'hui", "Écart"],
                rows: m.trace.map { line in
                    [
                        line.rule, line.filed.map(decision) ?? "—", line.today.map(decision) ?? "—",
                        line.statusChanged ? "changé (statut)" : line.changed ? "changé (libellé)" : "",
                    ]
                }),
        ]
    }

    /// « satisfait – message » (the stored status in French; an unknown one as stored).
    static func decision(_ d: RuleTraceComparison.Decision) -> String {
        "\(CriterionStatus(rawValue: d.status)?.french ?? d.status) – \(d.message)"
    }

    static func answers(_ m: Model) -> [InfoPageModel.Block] {
        m.sections.flatMap { s -> [InfoPageModel.Block] in [.heading(s.step.french), .definitions(s.rows)] }
    }

    static func documents(_ m: Model) -> [InfoPageModel.Block] {
        var out: [InfoPageModel.Block] = [.heading("Pièces justificatives")]
        for d in m.documents {
            out.append(.definitions([("Pièce", d.label)] + d.details))
            out.append(.preview(url: d.previewURL, image: d.image, title: "Aperçu : \(d.label)"))
            if m.mayInstruct {
                out.append(
                    form(
                        m, "pieces/\(d.key)", heading: "Avis sur la pièce : \(d.label)",
                        fields: [
                            .radios(
                                name: "avis", legend: "Avis",
                                choices: [Choice("acceptée", "Acceptée"), Choice("refusée", "Refusée")]),
                            .input(name: "raison", label: "Raison (obligatoire si refusée)"),
                        ], submit: "Enregistrer l'avis"))
            }
        }
        return out
    }

    static func history(_ m: Model) -> [InfoPageModel.Block] {
        [
            .heading("Historique"),
            .table(
                caption: "Chaque étape du dossier, la plus récente d'abord", headers: ["Date", "Par", "Étape"],
                rows: m.history.map { [$0.at, $0.who, $0.text] }),
        ]
    }

    /// Messages as a table (date, author, text, attachment linked), here and on the dossier's thread.
    public static func list(_ messages: [Message], caption: String) -> InfoPageModel.Block {
        .cells(
            caption: caption, headers: ["Date", "Auteur", "Message", "Pièce jointe"],
            rows: messages.map {
                [
                    DataTable.Cell($0.at), DataTable.Cell($0.author), DataTable.Cell($0.body),
                    $0.attachment.map { DataTable.Cell($0.0, href: $0.1) } ?? DataTable.Cell("—"),
                ]
            })
    }

    static func thread(_ m: Model) -> [InfoPageModel.Block] {
        var out: [InfoPageModel.Block] = [.heading("Notes internes (personnel d'Action Logement seulement)")]
        out.append(list(m.notes, caption: "Notes internes"))
        out.append(
            form(
                m, "notes", heading: "Ajouter une note interne",
                fields: [.textarea(name: "note", label: "Note")], submit: "Enregistrer la note"))
        out.append(.heading("Messages avec le bénéficiaire et l'AMO"))
        out.append(list(m.messages, caption: "Messages"))
        // An instructor of the scope writes; the committee and administrators read.
        if m.mayInstruct {
            out.append(
                .form(
                    MessageForm.model(action: "\(m.dossierPath)/messages", state: m.form, heading: "Écrire un message"))
            )
        }
        return out
    }
}

/// The message form of a dossier's thread (staff, AMO and beneficiary alike): a text and an
/// optional attachment (PDF, JPEG or PNG, scanned like a document).
public enum MessageForm {
    public static func model(action: String, state: FormState, heading: String) -> FormPageModel {
        FormPageModel(
            heading: heading,
            intro: ["Chaque message est envoyé par e-mail aux autres participants du dossier."],
            action: action,
            fields: [
                .textarea(name: "message", label: "Message"),
                .file(
                    name: "piece_jointe", label: "Pièce jointe (facultative)",
                    hint: "PDF, JPEG ou PNG, analysée par l'antivirus.", accept: ".pdf,.jpg,.jpeg,.png"),
            ], submit: "Envoyer le message", state: state)
    }
}
