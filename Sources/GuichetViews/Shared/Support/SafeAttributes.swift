import Plot

// Plot escapes text nodes but writes attribute values as they are (issue #9: an organisation
// name in a title reached `og:title` unescaped). Every attribute this target writes goes through
// `HTMLEscape.attribute`, in one place: the modifiers and components below shadow Plot's raw
// ones of the same name (a module's own declarations win over those it imports), so `.class`,
// `.id`, `Link(url:)` and `Form(url:)` written in a view escape their values.

extension Component {
    /// Plot's `class(_:replaceExisting:)`, escaped.
    public func `class`(_ className: String, replaceExisting: Bool = false) -> Component {
        attribute(named: "class", value: HTMLEscape.attribute(className), replaceExisting: replaceExisting)
    }

    /// Plot's `id(_:)`, escaped.
    public func id(_ id: String) -> Component {
        attribute(named: "id", value: HTMLEscape.attribute(id))
    }

    /// Plot's `data(named:value:)`, escaped.
    public func data(named name: String, value: String) -> Component {
        attribute(named: "data-" + name, value: HTMLEscape.attribute(value))
    }

    /// Plot's `accessibilityLabel(_:)`, escaped.
    public func accessibilityLabel(_ label: String) -> Component {
        attribute(named: "aria-label", value: HTMLEscape.attribute(label))
    }

    /// `aria-*` and other attributes by name (nil leaves the attribute out).
    public func attr(_ name: String, _ value: String?) -> Component {
        attribute(named: name, value: value.map(HTMLEscape.attribute))
    }
}

/// A link (`<a href>`), its address escaped: Plot's `Link` writes it raw.
public struct Link: Component {
    let url: String
    let label: ContentProvider

    public init(url: String, @ComponentBuilder label: @escaping ContentProvider) {
        self.url = url
        self.label = label
    }

    public init(_ text: String, url: String) {
        self.init(url: url) { Text(text) }
    }

    public var body: Component {
        Node<HTML.BodyContext>.element(
            named: "a",
            nodes: [
                .attribute(named: "href", value: HTMLEscape.attribute(url)),
                .component(label()),
            ])
    }
}

/// A form (`<form action method>`), its address escaped: Plot's `Form` writes it raw.
public struct Form: Component {
    let url: String
    let method: String
    let content: ContentProvider

    public init(url: String, method: HTMLFormMethod = .post, @ComponentBuilder content: @escaping ContentProvider) {
        self.url = url
        self.method = method.rawValue
        self.content = content
    }

    public var body: Component {
        Node<HTML.BodyContext>.element(
            named: "form",
            nodes: [
                .attribute(named: "action", value: HTMLEscape.attribute(url)),
                .attribute(named: "method", value: method),
                .component(content()),
            ])
    }
}

/// Escaping for attribute values; the one function every attribute goes through.
public enum HTMLEscape {
    public static func attribute(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
