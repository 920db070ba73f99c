/// The pages' HTML, written by the views in one pass into one string (issue #12's benchmark:
/// Plot, used before, reflected on every component with `Mirror` and concatenated a string per
/// element, which took half of a dossier page's time). The same vocabulary as Plot's component
/// API (`Div { … }`, `Paragraph(…)`, `.class(…)`), so that a view reads as before; every text is
/// escaped when written and every attribute value too, in one place (`HTMLWriter`).
public protocol Component {
    /// Appends this component's HTML.
    func write(to html: inout HTMLWriter)
}

/// The closures that give an element its content.
public typealias ContentProvider = () -> Component

extension Component {
    /// This component as an HTML string.
    public func render() -> String {
        var writer = HTMLWriter()
        write(to: &writer)
        return writer.result
    }
}

/// Builds a component from the statements of a closure: sequences, `if`, `if let`, `switch`
/// and `for` loops, as Plot's builder does.
@resultBuilder
public enum ComponentBuilder {
    public static func buildExpression(_ component: Component) -> Component { component }
    public static func buildBlock(_ components: Component...) -> Component { ComponentGroup(members: components) }
    public static func buildArray(_ components: [Component]) -> Component { ComponentGroup(members: components) }
    public static func buildOptional(_ component: Component?) -> Component { component ?? EmptyComponent() }
    public static func buildEither(first component: Component) -> Component { component }
    public static func buildEither(second component: Component) -> Component { component }
    public static func buildLimitedAvailability(_ component: Component) -> Component { component }
}

/// Several components one after the other.
public struct ComponentGroup: Component {
    public let members: [Component]
    public init(members: [Component]) { self.members = members }
    public init(@ComponentBuilder content: ContentProvider) { self.members = [content()] }

    public func write(to html: inout HTMLWriter) {
        for member in members { member.write(to: &html) }
    }

    /// The members, groups inside groups spread out (a list's items).
    var flattened: [Component] {
        members.flatMap { member -> [Component] in
            if let group = member as? ComponentGroup { return group.flattened }
            if member is EmptyComponent { return [] }
            return [member]
        }
    }
}

/// Nothing.
public struct EmptyComponent: Component {
    public init() {}
    public func write(to html: inout HTMLWriter) {}
}

/// A text, escaped.
public struct Text: Component {
    let text: String
    public init(_ text: String) { self.text = text }
    public func write(to html: inout HTMLWriter) { html.text(text) }
}

/// Markup written as it is: only the platform's own (the inline scripts allowed by their hash).
public struct Raw: Component {
    let markup: String
    public init(_ markup: String) { self.markup = markup }
    public func write(to html: inout HTMLWriter) { html.raw(markup) }
}

/// A component whose first element receives attributes given from outside (`.class` on a
/// component that is not itself an element, as Plot's deferred attributes).
struct Modified: Component {
    let base: Component
    let attributes: [HTMLAttribute]

    func write(to html: inout HTMLWriter) {
        html.pending.append(contentsOf: attributes)
        base.write(to: &html)
        html.pending.removeAll()
    }
}
