// swift-format-ignore-file: AlwaysUseLowerCamelCase
// The elements the views use, named as in Plot's component API (`Div { … }`, `H1("…")`), so
// that a view reads like the page it writes.

/// Any element by name with its content.
public func El(_ name: String, @ComponentBuilder content: ContentProvider) -> HTMLElement {
    HTMLElement(name, content: content())
}

/// Any element by name holding a text.
public func El(_ name: String, text: String) -> HTMLElement { HTMLElement(name, content: Text(text)) }

/// A void element (`meta`, `input`…) with its attributes; an empty value is written as a bare
/// name.
public func VoidEl(_ name: String, _ attributes: [(String, String)] = []) -> HTMLElement {
    HTMLElement(name, attributes: attributes.map { HTMLAttribute($0.0, $0.1, keepEmpty: true) }, content: nil)
}

public func Div(@ComponentBuilder content: ContentProvider) -> HTMLElement { El("div", content: content) }
public func Span(@ComponentBuilder content: ContentProvider) -> HTMLElement { El("span", content: content) }
public func Span(_ text: String) -> HTMLElement { El("span", text: text) }
public func Paragraph(@ComponentBuilder content: ContentProvider) -> HTMLElement { El("p", content: content) }
public func Paragraph(_ text: String) -> HTMLElement { El("p", text: text) }
public func H1(_ text: String) -> HTMLElement { El("h1", text: text) }
public func H2(_ text: String) -> HTMLElement { El("h2", text: text) }
public func H3(_ text: String) -> HTMLElement { El("h3", text: text) }
public func Header(@ComponentBuilder content: ContentProvider) -> HTMLElement { El("header", content: content) }
public func Footer(@ComponentBuilder content: ContentProvider) -> HTMLElement { El("footer", content: content) }
public func Navigation(@ComponentBuilder content: ContentProvider) -> HTMLElement { El("nav", content: content) }
public func Article(@ComponentBuilder content: ContentProvider) -> HTMLElement { El("article", content: content) }
public func FieldSet(@ComponentBuilder content: ContentProvider) -> HTMLElement { El("fieldset", content: content) }
public func Button(@ComponentBuilder content: ContentProvider) -> HTMLElement { El("button", content: content) }
public func ListItem(@ComponentBuilder content: ContentProvider) -> HTMLElement { El("li", content: content) }

/// A label: its text, then its content.
public func Label(_ text: String, @ComponentBuilder content: ContentProvider) -> HTMLElement {
    HTMLElement("label", content: ComponentGroup(members: [Text(text), content()]))
}

/// A link (`<a href>`).
public func Link(url: String, @ComponentBuilder label: ContentProvider) -> HTMLElement {
    HTMLElement("a", attributes: [HTMLAttribute("href", url)], content: label())
}

public func Link(_ text: String, url: String) -> HTMLElement {
    HTMLElement("a", attributes: [HTMLAttribute("href", url)], content: Text(text))
}

/// How a form is sent.
public enum HTMLFormMethod: String, Sendable {
    case get, post
}

/// A form (`<form action method>`).
public func Form(
    url: String, method: HTMLFormMethod = .post, @ComponentBuilder content: ContentProvider
)
    -> HTMLElement
{
    HTMLElement(
        "form", attributes: [HTMLAttribute("action", url), HTMLAttribute("method", method.rawValue)],
        content: content())
}

/// A list (`<ul>`) of the items, each in its `<li>` unless it is one already.
public func List<Items: Sequence>(_ items: Items, content: (Items.Element) -> Component) -> HTMLElement {
    HTMLElement("ul", content: ComponentGroup(members: items.map { listItem(content($0)) }))
}

/// A list (`<ul>`) of the components given, each in its `<li>` unless it is one already.
public func List(@ComponentBuilder content: ContentProvider) -> HTMLElement {
    let members = ComponentGroup(members: [content()]).flattened
    return HTMLElement("ul", content: ComponentGroup(members: members.map(listItem)))
}

/// A list (`<ul>`) of texts.
public func List<Items: Sequence>(_ items: Items) -> HTMLElement where Items.Element == String {
    List(items) { Text($0) }
}

func listItem(_ c: Component) -> Component {
    if let e = c as? HTMLElement, e.name == "li" { return c }
    if let m = c as? Modified, let e = m.base as? HTMLElement, e.name == "li" { return c }
    return HTMLElement("li", content: c)
}
