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
    let caption: String?
    let headers: [String]
    let rows: [[String]]
    public init(caption: String? = nil, headers: [String], rows: [[String]]) {
        self.caption = caption
        self.headers = headers
        self.rows = rows
    }
    /// A word of more than 32 characters (a SHA-256, a token): the cell may break it anywhere.
    static func hasLongToken(_ text: String) -> Bool {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains { $0.count > 32 }
    }

    public var body: Component {
        Div {
            El("table") {
                if let caption { El("caption", text: caption) }
                El("thead") { El("tr") { for h in headers { El("th", text: h).attr("scope", "col") } } }
                El("tbody") {
                    for row in rows {
                        El("tr") {
                            for cell in row {
                                if Self.hasLongToken(cell) {
                                    El("td", text: cell).class("long-token")
                                } else {
                                    El("td", text: cell)
                                }
                            }
                        }
                    }
                }
            }.class("data-table")
        }.class("table-scroll").attr("role", "region").attr("tabindex", "0")
            .attr("aria-label", caption ?? "Tableau")
    }
}
