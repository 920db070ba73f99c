import Plot

/// Any HTML element by name, for the few that Plot's component API does not name
/// (`main`, `section`, `select`, `option`, `strong`, `dl`…).
public struct El: Component {
    let name: String
    let content: ContentProvider

    public init(_ name: String, @ComponentBuilder content: @escaping ContentProvider) {
        self.name = name
        self.content = content
    }
    public init(_ name: String, text: String) {
        self.name = name
        self.content = { ComponentGroup(members: [Text(text)]) }
    }

    public var body: Component {
        Node<HTML.BodyContext>.element(named: name, nodes: [Node<HTML.BodyContext>.component(content())])
    }
}

/// A void element (`meta`, `hr`…) with attributes only.
public struct VoidEl: Component {
    let name: String
    let attributes: [(String, String)]
    public init(_ name: String, _ attributes: [(String, String)] = []) {
        self.name = name
        self.attributes = attributes
    }
    public var body: Component {
        Node<HTML.BodyContext>.selfClosedElement(
            named: name,
            attributes: attributes.map {
                Attribute<HTML.BodyContext>(name: $0.0, value: HTMLEscape.attribute($0.1), ignoreIfValueIsEmpty: false)
            })
    }
}

/// A simple table of texts with a header row (and an optional caption), inside its own
/// scrolling box: a wide table scrolls by itself on a phone, not the whole page (issue #11). The
/// box is focusable and named, so that a keyboard can scroll it too.
public struct DataTable: Component {
    /// A cell's text, and the page it opens when it is a link.
    public struct Cell: Sendable, Hashable {
        public let text: String
        public let href: String?
        public init(_ text: String, href: String? = nil) {
            self.text = text
            self.href = href
        }
    }

    let caption: String?
    let headers: [String]
    let rows: [[Cell]]
    public init(caption: String? = nil, headers: [String], rows: [[String]]) {
        self.init(caption: caption, headers: headers, cells: rows.map { $0.map { Cell($0) } })
    }
    public init(caption: String? = nil, headers: [String], cells: [[Cell]]) {
        self.caption = caption
        self.headers = headers
        self.rows = cells
    }
    /// A word of more than 32 characters (a SHA-256, a token): the cell may break it anywhere.
    static func hasLongToken(_ text: String) -> Bool {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains { $0.count > 32 }
    }

    static func cell(_ cell: Cell) -> Component {
        let td = El("td") {
            if let href = cell.href { Link(cell.text, url: href) } else { Text(cell.text) }
        }
        return hasLongToken(cell.text) ? td.class("long-token") : td
    }

    public var body: Component {
        Div {
            El("table") {
                if let caption { El("caption", text: caption) }
                El("thead") { El("tr") { for h in headers { El("th", text: h).attr("scope", "col") } } }
                El("tbody") {
                    for row in rows {
                        El("tr") { for cell in row { Self.cell(cell) } }
                    }
                }
            }.class("data-table")
        }.class("table-scroll").attr("role", "region").attr("tabindex", "0")
            .attr("aria-label", caption ?? "Tableau")
    }
}
