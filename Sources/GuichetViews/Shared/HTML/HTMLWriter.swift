/// The string a page is written into, and the only place that escapes: texts (`&`, `<`, `>`)
/// and attribute values (also both quotes).
public struct HTMLWriter {
    public private(set) var result = ""
    /// Attributes given to a component that is not an element, for its first element.
    var pending: [HTMLAttribute] = []

    public init() { result.reserveCapacity(16_384) }

    mutating func raw(_ markup: String) { result += markup }

    mutating func text(_ text: String) {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else {
            result += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(scalar)
            }
        }
    }

    mutating func attribute(_ a: HTMLAttribute) {
        guard !a.value.isEmpty else {
            if a.keepEmpty { result += " " + a.name }
            return
        }
        result += " "
        result += a.name
        result += "=\""
        result += HTMLEscape.attribute(a.value)
        result += "\""
    }
}

/// Escaping for attribute values; the one function every attribute goes through.
public enum HTMLEscape {
    public static func attribute(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
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

/// An attribute as given by a view; its value is escaped when written.
public struct HTMLAttribute: Sendable, Equatable {
    public let name: String
    public var value: String
    /// Whether a second value replaces this one (otherwise it is appended, as classes are).
    let replaceExisting: Bool
    /// Written as a bare name when empty (`checked`); otherwise an empty attribute is left out.
    let keepEmpty: Bool

    public init(_ name: String, _ value: String, replaceExisting: Bool = true, keepEmpty: Bool = false) {
        self.name = name
        self.value = value
        self.replaceExisting = replaceExisting
        self.keepEmpty = keepEmpty
    }

    /// `list` with `new` added: a new name at the end; a known one replaced or, for classes,
    /// extended.
    static func merge(_ new: HTMLAttribute, into list: inout [HTMLAttribute]) {
        guard let i = list.firstIndex(where: { $0.name == new.name }) else {
            list.append(new)
            return
        }
        if new.replaceExisting {
            list[i].value = new.value
        } else if !new.value.isEmpty {
            list[i].value = list[i].value.isEmpty ? new.value : list[i].value + " " + new.value
        }
    }
}
