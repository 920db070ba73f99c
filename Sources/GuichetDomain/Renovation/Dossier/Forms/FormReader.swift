import Foundation

/// Reads a submitted form into typed values, collecting every problem at once (a French message
/// per field, as the form names it). Nothing it reads can trap: lengths are bounded, numbers are
/// parsed within ranges, amounts within `FrenchInput`'s bound.
public struct FormReader: Sendable {
    public let values: [String: String]
    public private(set) var problems: [FieldProblem] = []

    public init(_ values: [String: String]) { self.values = values }

    func raw(_ field: String) -> String { (values[field] ?? "").trimmingCharacters(in: .whitespaces) }

    public mutating func problem(_ field: String, _ message: String) {
        problems.append(FieldProblem(field: field, message: message))
    }

    /// A free text, required unless `optional`, at most `max` characters.
    public mutating func text(
        _ field: String, _ label: String, max: Int = TextLimits.name, optional: Bool = false
    ) -> String? {
        let v = raw(field)
        if v.isEmpty {
            if !optional { problem(field, "\(label) : à renseigner.") }
            return optional ? "" : nil
        }
        if let long = TextLimits.problem(v, field: field, label: label, max: max) {
            problems.append(long)
            return nil
        }
        return v
    }

    /// « oui » / « non ».
    public mutating func yesNo(_ field: String, _ question: String) -> Bool? {
        switch raw(field) {
        case "oui": return true
        case "non": return false
        default:
            problem(field, "Répondez à la question « \(question) ».")
            return nil
        }
    }

    /// A ticked box.
    public func checked(_ field: String) -> Bool { ["oui", "on", "1", "true"].contains(raw(field)) }

    /// One of an enumeration's raw values.
    public mutating func choice<E: RawRepresentable>(_ field: String, _ label: String, _: E.Type) -> E?
    where E.RawValue == String {
        guard let v = E(rawValue: raw(field)) else {
            problem(field, "\(label) : choisissez une réponse.")
            return nil
        }
        return v
    }

    /// An amount typed the French way (« 25 000 », « 1 234,56 € »); empty is zero when `optional`.
    public mutating func euros(_ field: String, _ label: String, optional: Bool = false) -> Money? {
        let v = raw(field)
        if v.isEmpty {
            if optional { return .zero }
            problem(field, "\(label) : à renseigner.")
            return nil
        }
        guard let m = FrenchInput.euros(v), m >= .zero else {
            problem(field, "\(label) : montant invalide (exemple : 12 500 ou 12 500,50).")
            return nil
        }
        return m
    }

    /// A whole number within `range`.
    public mutating func integer(_ field: String, _ label: String, in range: ClosedRange<Int>) -> Int? {
        let v = raw(field).replacingOccurrences(of: " ", with: "")
        guard v.count <= 9, let n = Int(v), range.contains(n) else {
            problem(
                field,
                "\(label) : un nombre entier de \(range.lowerBound) à \(range.upperBound).")
            return nil
        }
        return n
    }

    /// A date typed JJ/MM/AAAA.
    public mutating func day(_ field: String, _ label: String, optional: Bool = false) -> Day? {
        let v = raw(field)
        if v.isEmpty, optional { return nil }
        guard let d = Day(french: v) else {
            problem(field, "\(label) : une date au format JJ/MM/AAAA (exemple : 30/09/2024).")
            return nil
        }
        return d
    }

    /// A SIRET (14 digits, checksum); empty allowed when `optional`.
    public mutating func siret(_ field: String, _ label: String, optional: Bool = false) -> Siret?? {
        let v = raw(field)
        if v.isEmpty {
            if optional { return .some(nil) }
            problem(field, "\(label) : à renseigner.")
            return nil
        }
        guard let s = Siret(v) else {
            problem(field, "\(label) : 14 chiffres dont la clé de contrôle est juste.")
            return nil
        }
        return .some(s)
    }
}

/// A form refused: every problem, each on its field.
public struct FormProblems: Error, Sendable, Equatable {
    public let fields: [FieldProblem]
    public init(_ fields: [FieldProblem]) { self.fields = fields }
}
