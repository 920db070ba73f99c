/// A small streaming XML writer: elements, escaped attributes and text. Characters XML 1.0
/// cannot carry (control characters other than tab, newline, carriage return) are dropped.
public struct XMLWriter: Sendable {
    public private(set) var output: String

    public init(declaration: Bool = true) {
        output = declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" : ""
    }

    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], empty: Bool = false) {
        output += "<" + name
        for (k, v) in attributes { output += " \(k)=\"" + Self.escape(v, attribute: true) + "\"" }
        output += empty ? "/>" : ">"
    }

    /// `<name a="…"/>`
    public mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, attributes, empty: true)
    }

    public mutating func close(_ name: String) { output += "</" + name + ">" }

    public mutating func text(_ s: String) { output += Self.escape(s, attribute: false) }

    /// `<name a="…">text</name>`
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    public mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: (inout XMLWriter) -> Void
    ) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    public static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t", "\n", "\r": out.unicodeScalars.append(ch)
            default:
                if ch.value < 0x20 || ch.value == 0xFFFE || ch.value == 0xFFFF { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
