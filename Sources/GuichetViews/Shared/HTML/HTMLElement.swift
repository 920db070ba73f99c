/// An HTML element: its name, attributes and content (none for a void element, written `<… />`).
public struct HTMLElement: Component {
    let name: String
    var attributes: [HTMLAttribute]
    let content: Component?

    public init(_ name: String, attributes: [HTMLAttribute] = [], content: Component?) {
        self.name = name
        self.attributes = attributes
        self.content = content
    }

    public func write(to html: inout HTMLWriter) {
        html.raw("<")
        html.raw(name)
        if html.pending.isEmpty {
            for a in attributes { html.attribute(a) }
        } else {
            var merged = attributes
            for a in html.pending { HTMLAttribute.merge(a, into: &merged) }
            html.pending.removeAll()
            for a in merged { html.attribute(a) }
        }
        guard let content else {
            html.raw("/>")
            return
        }
        html.raw(">")
        content.write(to: &html)
        html.raw("</")
        html.raw(name)
        html.raw(">")
    }

    /// This element with one more attribute.
    func adding(_ a: HTMLAttribute) -> HTMLElement {
        var copy = self
        HTMLAttribute.merge(a, into: &copy.attributes)
        return copy
    }
}

extension Component {
    /// An attribute by name (nil leaves it out): on an element, its own; on another component,
    /// given to its first element.
    public func attribute(named name: String, value: String?, replaceExisting: Bool = true) -> Component {
        guard let value else { return self }
        let a = HTMLAttribute(name, value, replaceExisting: replaceExisting)
        if let element = self as? HTMLElement { return element.adding(a) }
        if let modified = self as? Modified {
            return Modified(base: modified.base, attributes: modified.attributes + [a])
        }
        return Modified(base: self, attributes: [a])
    }

    /// A class, added to those the element has (or replacing them).
    public func `class`(_ className: String, replaceExisting: Bool = false) -> Component {
        attribute(named: "class", value: className, replaceExisting: replaceExisting)
    }

    public func id(_ id: String) -> Component { attribute(named: "id", value: id) }

    public func data(named name: String, value: String) -> Component { attribute(named: "data-" + name, value: value) }

    public func accessibilityLabel(_ label: String) -> Component { attribute(named: "aria-label", value: label) }

    /// `aria-*` and other attributes by name (nil leaves the attribute out).
    public func attr(_ name: String, _ value: String?) -> Component { attribute(named: name, value: value) }
}
