import GuichetDomain

/// « Pièces justificatives » (`RENO-D`): the checklist computed from the dossier, what each
/// document is for, one file per document (PDF, JPEG or PNG), replaced or deleted before filing.
public enum DossierDocumentsPage {
    public struct GivenFile: Sendable {
        public let name: String
        public let size: String
        public let sha256: String
        public let date: String?
        public let uploadedAt: String
        public let downloadURL: String
        public init(name: String, size: String, sha256: String, date: String?, uploadedAt: String, downloadURL: String)
        {
            self.name = name
            self.size = size
            self.sha256 = sha256
            self.date = date
            self.uploadedAt = uploadedAt
            self.downloadURL = downloadURL
        }
    }

    public struct Item: Sendable {
        public let document: RequiredDocument
        public let given: GivenFile?
        /// The problems of the last upload of this document, when it was refused.
        public let errors: [String]
        /// The date typed with a refused upload.
        public let typedDate: String
        public init(document: RequiredDocument, given: GivenFile?, errors: [String] = [], typedDate: String = "") {
            self.document = document
            self.given = given
            self.errors = errors
            self.typedDate = typedDate
        }
    }

    public struct Model: Sendable {
        public var base: DossierSteps.Base
        public var items: [Item]
        public var maxSize: String
        /// nil when every upload is scanned; otherwise what the page says about it.
        public var scanningOff: Bool
        public init(base: DossierSteps.Base, items: [Item], maxSize: String, scanningOff: Bool) {
            self.base = base
            self.items = items
            self.maxSize = maxSize
            self.scanningOff = scanningOff
        }
    }

    static func fieldID(_ key: String) -> String {
        "piece-" + key.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    public static func render(_ page: PageModel, _ m: Model) -> String {
        let refused = m.items.contains { !$0.errors.isEmpty }
        let b = m.base
        return Layout.render(
            page.titled("\(DossierStep.documents.french) – dossier \(b.context.reference)").refused(refused)
        ) {
            DossierPage.breadcrumb(b.context, DossierStep.documents.french)
            H1(DossierStep.documents.french)
            DossierPage.context(b.context)
            for (kind, text) in DossierSteps.notices(b) { InfoPage.block(.notice(kind, text)) }
            if m.scanningOff {
                InfoPage.block(
                    .notice(
                        .warning,
                        "Analyse antivirus désactivée sur cette instance (développement) : les "
                            + "fichiers ne sont pas analysés"
                    ))
            }
            if refused { summary(m.items) }
            Paragraph(
                "Une pièce = un seul fichier PDF, JPEG ou PNG (reconnu par son contenu), de "
                    + "\(m.maxSize) au plus. Le permis de "
                    + "conduire et la carte vitale ne sont pas des justificatifs d'identité.")
            checklist(m.items)
            for item in m.items { self.item(item, b) }
        }
    }

    /// Every document at a glance, each linking to its section.
    static func checklist(_ items: [Item]) -> Component {
        let given = items.filter { $0.given != nil }.count
        return DataTable(
            caption: "Pièces : \(given) fournie\(given > 1 ? "s" : "") sur \(items.count)",
            headers: ["Pièce", "Pour", "État"],
            cells: items.map { i in
                [
                    DataTable.Cell(i.document.kind.french, href: "#" + fieldID(i.document.key)),
                    DataTable.Cell(i.document.holderLabel), DataTable.Cell(i.given == nil ? "À fournir" : "Fournie"),
                ]
            })
    }

    static func summary(_ items: [Item]) -> Component {
        Div {
            H2("Le dépôt d'une pièce a été refusé")
            List(items.filter { !$0.errors.isEmpty }.flatMap { i in i.errors.map { (i, $0) } }) { pair in
                Link(
                    "\(pair.0.document.kind.french) : \(FrenchText.clause(pair.1)).",
                    url: "#" + fieldID(pair.0.document.key) + "-fichier")
            }
        }.class("error-summary").attr("role", "alert").attr("tabindex", "-1").attr("autofocus", "autofocus")
    }

    static func item(_ item: Item, _ b: DossierSteps.Base) -> Component {
        let d = item.document
        let id = fieldID(d.key)
        return El("section") {
            H2("\(d.kind.french) – \(d.holderLabel)")
            Paragraph(d.kind.purpose).class("hint")
            if d.isShared {
                Paragraph("Pièce de l'entreprise : donnée une fois, elle sert à chaque dossier qui la nomme.").class(
                    "hint")
            }
            if let g = item.given {
                El("dl") {
                    El("dt", text: "Fichier")
                    El("dd") { Link(g.name, url: g.downloadURL) }
                    El("dt", text: "Taille")
                    El("dd", text: g.size)
                    if let date = g.date {
                        El("dt", text: "Date du document")
                        El("dd", text: date)
                    }
                    El("dt", text: "Déposé le")
                    El("dd", text: g.uploadedAt)
                    El("dt", text: "Empreinte SHA-256")
                    El("dd", text: g.sha256).class("long-token")
                }.class("definitions")
            } else {
                Paragraph("Pièce à fournir.").class("muted")
            }
            if b.editable { upload(item, b, id) }
        }.class(item.errors.isEmpty ? "document" : "document field-invalid").id(id)
    }

    static func upload(_ item: Item, _ b: DossierSteps.Base, _ id: String) -> Component {
        let d = item.document
        let describedBy = item.errors.isEmpty ? "\(id)-aide" : "\(id)-aide \(id)-erreur"
        return Div {
            El("form") {
                FormKit.hidden("_csrf", b.state.csrfToken)
                FormKit.hidden("version", String(b.version))
                Div {
                    Label(item.given == nil ? "Fichier" : "Remplacer par") {}.attr("for", "\(id)-fichier")
                    Paragraph("PDF, JPEG ou PNG").class("hint").id("\(id)-aide")
                    if !item.errors.isEmpty {
                        Paragraph {
                            Span("Erreur : ").class("visually-hidden")
                            Text(item.errors.map { FrenchText.sentence($0) }.joined(separator: " "))
                        }.class("field-error").id("\(id)-erreur")
                    }
                    VoidEl(
                        "input",
                        [
                            ("type", "file"), ("id", "\(id)-fichier"), ("name", "fichier"),
                            ("accept", "application/pdf,image/jpeg,image/png"), ("aria-describedby", describedBy),
                        ])
                }.class("field")
                if d.kind.maxAgeMonths != nil {
                    FormKit.input(
                        dateState(item, id), name: "document_date", label: "Date du document", hint: "JJ/MM/AAAA")
                }
                FormKit.submit(item.given == nil ? "Déposer" : "Remplacer")
            }.attr("action", "\(b.path)/pieces/\(d.key)").attr("method", "post").attr("enctype", "multipart/form-data")
            if item.given != nil {
                El("form") {
                    FormKit.hidden("_csrf", b.state.csrfToken)
                    FormKit.hidden("version", String(b.version))
                    FormKit.submit("Supprimer", secondary: true)
                }.attr("action", "\(b.path)/pieces/\(d.key)/suppression").attr("method", "post").class("inline-form")
            }
        }
    }

    static func dateState(_ item: Item, _ id: String) -> FormState {
        var state = FormState(values: ["document_date": item.typedDate])
        state.idPrefix = "\(id)-"
        return state
    }
}
