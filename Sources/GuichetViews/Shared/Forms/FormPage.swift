import GuichetDomain

/// A field of a generic form page.
public enum FormField: Sendable {
    case input(name: String, label: String, type: String = "text", hint: String? = nil, autocomplete: String? = nil)
    case radios(name: String, legend: String, choices: [Choice], hint: String? = nil)
    case select(name: String, label: String, choices: [Choice], hint: String? = nil)
    case checkbox(name: String, label: String, hint: String? = nil)
    /// Several lines of text (reasons, a message).
    case textarea(name: String, label: String, hint: String? = nil)
    /// A file (the form is then sent as multipart).
    case file(name: String, label: String, hint: String, accept: String)
    case heading(String)
    case paragraph(String)
}

extension FormField {
    /// The name of the value the field sends, if it sends one.
    var name: String? {
        switch self {
        case .input(let name, _, _, _, _), .radios(let name, _, _, _), .select(let name, _, _, _),
            .checkbox(let name, _, _), .textarea(let name, _, _), .file(let name, _, _, _):
            name
        case .heading, .paragraph: nil
        }
    }
}

/// A page made of one form (sign-in, sign-up, password, administration…): intro, error summary,
/// fields that keep what was typed, submit button, and links below.
public struct FormPageModel: Sendable {
    public var heading: String
    public var intro: [String]
    public var action: String
    public var method: String
    public var fields: [FormField]
    public var submit: String
    public var state: FormState
    public var links: [(String, String)]
    /// Values carried as hidden fields (answers of an earlier page, a version read with the form).
    public var carried: [(String, String)] = []
    public init(
        heading: String, intro: [String] = [], action: String, method: String = "post", fields: [FormField],
        submit: String, state: FormState, links: [(String, String)] = [], carried: [(String, String)] = []
    ) {
        self.carried = carried
        self.heading = heading
        self.intro = intro
        self.action = action
        self.method = method
        self.fields = fields
        self.submit = submit
        self.state = state
        self.links = links
    }
}

public enum FormPage {
    public static func render(_ page: PageModel, _ m: FormPageModel) -> String {
        Layout.render(page.titled(m.heading).refused(m.state.hasErrors)) { body(m) }
    }

    /// The form alone: the page's `<h1>`, or, embedded among other content, an `<h2>` with
    /// field ids of its own (derived from its action, so that two forms never share an id).
    public static func body(_ m: FormPageModel, embedded: Bool = false) -> Component {
        var state = m.state
        state.fieldOrder = m.fields.compactMap(\.name)
        if embedded {
            state.idPrefix = "champ-" + m.action.split(separator: "/").joined(separator: "-") + "-"
        }
        return Div {
            if embedded { H2(m.heading) } else { H1(m.heading) }
            form(m, state)
        }
    }

    /// The form without its heading (a page whose `<h1>` names it already).
    public static func form(_ m: FormPageModel, _ state: FormState) -> Component {
        var state = state
        state.fieldOrder = m.fields.compactMap(\.name)
        return Div {
            for p in m.intro { Paragraph(p) }
            FormKit.errorSummary(state)
            El("form") {
                FormKit.csrf(state)
                for (name, value) in m.carried { FormKit.hidden(name, value) }
                for f in m.fields { field(f, state) }
                FormKit.submit(m.submit)
            }.attr("action", m.action).attr("method", m.method).attr("novalidate", "novalidate")
                .attr(
                    "enctype",
                    m.fields.contains { if case .file = $0 { true } else { false } } ? "multipart/form-data" : nil)
            if !m.links.isEmpty {
                List(m.links.map { $0 }) { l in Link(l.0, url: l.1) }.class("form-links")
            }
        }
    }

    static func field(_ f: FormField, _ s: FormState) -> Component {
        switch f {
        case .input(let name, let label, let type, let hint, let autocomplete):
            return FormKit.input(s, name: name, label: label, type: type, hint: hint, autocomplete: autocomplete)
        case .radios(let name, let legend, let choices, let hint):
            return FormKit.radios(s, name: name, legend: legend, choices: choices, hint: hint)
        case .select(let name, let label, let choices, let hint):
            return FormKit.select(s, name: name, label: label, choices: choices, hint: hint)
        case .checkbox(let name, let label, let hint):
            return FormKit.checkbox(s, name: name, label: label, hint: hint)
        case .textarea(let name, let label, let hint):
            return FormKit.textarea(s, name: name, label: label, hint: hint)
        case .file(let name, let label, let hint, let accept):
            return Div {
                Label(label) {}.attr("for", s.fieldID(name))
                Paragraph(hint).class("hint").id(s.fieldID(name) + "-aide")
                VoidEl(
                    "input",
                    [
                        ("type", "file"), ("id", s.fieldID(name)), ("name", name), ("accept", accept),
                        ("aria-describedby", s.fieldID(name) + "-aide"),
                    ])
            }.class("field")
        case .heading(let text):
            return H2(text)
        case .paragraph(let text):
            return Paragraph(text).class("hint")
        }
    }
}

extension FormKit {
    /// A single checkbox (value `oui`).
    public static func checkbox(_ state: FormState, name: String, label: String, hint: String? = nil) -> Component {
        let error = state.error(name)
        return Div {
            hintAndError(state, name, hint: hint, error: error)
            Div {
                VoidEl(
                    "input",
                    [("type", "checkbox"), ("id", state.fieldID(name)), ("name", name), ("value", "oui")]
                        + (state.value(name) == "oui" ? [("checked", "checked")] : [])
                        + (error != nil ? [("aria-invalid", "true")] : []))
                Label(label) {}.attr("for", state.fieldID(name))
            }.class("choice")
        }.class(error == nil ? "field" : "field field-invalid")
    }
}

/// A page of text blocks and tables (lists, dashboards, confirmations).
public struct InfoPageModel: Sendable {
    public enum Block: Sendable {
        case paragraph(String)
        case heading(String)
        case table(caption: String?, headers: [String], rows: [[String]])
        case links([(String, String)])
        case code(String)
        /// A small POST form with one button (and hidden fields), for actions in lists.
        case button(action: String, label: String, hidden: [(String, String)], csrf: String)
        case form(FormPageModel)
        /// A progress bar (`<progress>`) with its label and a line of detail.
        /// A long job's progress (in thousandths), followed by `InlineScript.progress`.
        case progress(label: String, permille: Int, detail: String, pollURL: String, refreshURL: String)
        /// A file upload form (multipart), one file field.
        case upload(action: String, label: String, hint: String, accept: String, submit: String, csrf: String)
        /// Terms and their values (`<dl>`).
        case definitions([(String, String)])
        /// A table whose cells may be links.
        case cells(caption: String, headers: [String], rows: [[DataTable.Cell]])
        /// A polite live region an inline script updates (`data-plan-live`).
        case live(String)
        /// A highlighted message (success, warning, error).
        case notice(PageModel.FlashKind, String)
        /// A document shown inline: an image, or a PDF in a frame, with a link to download it.
        case preview(url: String, image: Bool, title: String)
        /// A page of a document as text (the agreement read page by page): its label, then its
        /// lines, bold ones as headings.
        case page(label: String, lines: [PageLine])
    }
    public var heading: String
    public var blocks: [Block]
    public init(heading: String, blocks: [Block]) {
        self.heading = heading
        self.blocks = blocks
    }
}

/// A line of a document page shown as text.
public struct PageLine: Sendable, Equatable {
    public let text: String
    public let bold: Bool
    public init(_ text: String, bold: Bool) {
        self.text = text
        self.bold = bold
    }
}

public enum InfoPage {
    public static func render(_ page: PageModel, _ m: InfoPageModel) -> String {
        Layout.render(page.titled(m.heading)) {
            H1(m.heading)
            for b in m.blocks { block(b) }
        }
    }

    static func block(_ b: InfoPageModel.Block) -> Component {
        switch b {
        case .paragraph(let t): return Paragraph(t)
        case .heading(let t): return H2(t)
        case .table(let caption, let headers, let rows):
            return rows.isEmpty
                ? Paragraph("Aucun élément.").class("muted") : DataTable(caption: caption, headers: headers, rows: rows)
        case .links(let links): return List(links.map { $0 }) { l in Link(l.0, url: l.1) }
        case .code(let t): return El("pre") { El("code", text: t) }
        case .button(let action, let label, let hidden, let csrf):
            return El("form") {
                FormKit.hidden("_csrf", csrf)
                for (k, v) in hidden { FormKit.hidden(k, v) }
                FormKit.submit(label, secondary: true)
            }.attr("action", action).attr("method", "post").class("inline-form")
        case .form(let f):
            return Div { FormPage.body(f, embedded: true) }.class("embedded-form")
        case .progress(let label, let permille, let detail, let pollURL, let refreshURL):
            return progress(label: label, permille: permille, detail: detail, pollURL: pollURL, refreshURL: refreshURL)
        case .upload(let action, let label, let hint, let accept, let submit, let csrf):
            return El("form") {
                FormKit.hidden("_csrf", csrf)
                Div {
                    Label(label) {}.attr("for", "champ-fichier")
                    Paragraph(hint).class("hint").id("champ-fichier-aide")
                    VoidEl(
                        "input",
                        [
                            ("type", "file"), ("id", "champ-fichier"), ("name", "fichier"), ("accept", accept),
                            ("aria-describedby", "champ-fichier-aide"),
                        ])
                }.class("field")
                FormKit.submit(submit)
            }.attr("action", action).attr("method", "post").attr("enctype", "multipart/form-data")
        case .definitions, .live, .cells, .notice, .page, .preview:
            return display(b)
        }
    }

    /// The blocks that show rather than act: terms, live regions, tables of links, notices, pages, previews.
    static func display(_ b: InfoPageModel.Block) -> Component {
        switch b {
        case .definitions(let pairs):
            return El("dl") {
                for (term, value) in pairs {
                    El("dt", text: term)
                    El("dd", text: value)
                }
            }.class("definitions")
        case .live(let text):
            return Paragraph(text).class("flash flash-info").attr("role", "status").attr("aria-live", "polite")
                .attr("data-plan-live", "1")
        case .cells(let caption, let headers, let rows):
            return rows.isEmpty
                ? Paragraph("Aucun élément.").class("muted")
                : DataTable(caption: caption, headers: headers, cells: rows)
        case .notice(let kind, let text):
            return Div { Paragraph(FrenchText.sentence(text)) }.class("flash flash-\(kind.rawValue)").attr(
                "role", kind == .error ? "alert" : "status")
        case .page(let label, let lines):
            return Article {
                Paragraph(label).class("muted")
                for line in lines {
                    if line.bold { H2(line.text) } else { Paragraph(line.text) }
                }
            }.class("agreement-page").attr("aria-label", label)
        case .preview(let url, let image, let title):
            return Div {
                if image {
                    VoidEl("img", [("src", url), ("alt", title), ("loading", "lazy")])
                } else {
                    El("iframe") {}.attr("src", url).attr("title", title).attr("loading", "lazy")
                }
            }.class("preview")
        default:
            return EmptyComponent()
        }
    }

    /// Without script: the bar as it was and an « Actualiser » button. With the inline
    /// `InlineScript.progress`: the bar and the live region follow the JSON at `pollURL`.
    static func progress(label: String, permille: Int, detail: String, pollURL: String, refreshURL: String) -> Component
    {
        // Without script: the bar as it was and an « Actualiser » button. With the inline
        // `InlineScript.progress`: the bar and the live region follow the JSON at `pollURL`.
        let bounded = min(1000, max(0, permille))
        let percent = "\(bounded / 10)\u{00A0}%"
        return Div {
            Label("\(label) : \(percent)") {}.attr("for", "progression").attr("data-progress-label", "1")
            El("progress") { Text(percent) }.id("progression").attr("max", "1000").attr(
                "value", String(bounded))
            Paragraph(detail).class("hint").attr("data-progress-live", "1").attr("role", "status")
                .attr("aria-live", "polite")
            El("form") {
                Button { Text("Actualiser") }.attr("type", "submit").class("button button-secondary")
            }.attr("method", "get").attr("action", refreshURL).attr("data-progress-refresh", "1")
        }.class("progress-block").attr("data-progress-url", pollURL).attr("data-progress-title", label)
    }
}
