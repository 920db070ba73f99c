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
    /// Counted in Unicode scalars over the UTF-8 bytes (a table of 50 rows asks it 300 times).
    static func hasLongToken(_ text: String) -> Bool {
        guard text.utf8.count > 32 else { return false }
        var run = 0
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A {
                run = 0
            } else if byte & 0xC0 != 0x80 {  // the first byte of a scalar
                run += 1
                if run > 32 { return true }
            }
        }
        return false
    }

    static func cell(_ cell: Cell) -> Component {
        let td = El("td") {
            if let href = cell.href { Link(cell.text, url: href) } else { Text(cell.text) }
        }
        return hasLongToken(cell.text) ? td.class("long-token") : td
    }

    public func write(to html: inout HTMLWriter) { body.write(to: &html) }

    var body: Component {
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
