import Foundation
import GuichetDomain

/// Reads the cells of one row of the programming table by the contract's value rules: dates as
/// Excel dates, serials, ISO or JJ/MM/AAAA text; numbers as numbers or text with a French comma
/// and spaces; Oui/Non in any case; list values from the allowed lists. Every problem is kept.
struct RowReader {
    let sheet: String
    let row: Int
    let cells: [Int: XLSXValue]
    let columns: [ProgrammingTable.Column: Int]
    let date1904: Bool
    var errors: [ProgrammingTable.CellError] = []

    init(sheet: String, row: Int, cells: [Int: XLSXValue], columns: [ProgrammingTable.Column: Int], date1904: Bool) {
        self.sheet = sheet
        self.row = row
        self.cells = cells
        self.columns = columns
        self.date1904 = date1904
    }

    func raw(_ c: ProgrammingTable.Column) -> XLSXValue? {
        guard let col = columns[c], let v = cells[col] else { return nil }
        if case .text(let t) = v, t.trimmedSpaces.isEmpty { return nil }
        return v
    }

    mutating func error(_ c: ProgrammingTable.Column, _ message: String) {
        let col = columns[c] ?? 0
        errors.append(
            .init(
                sheet: sheet, cell: col > 0 ? CellReference.name(row: row, column: col) : String(row),
                header: c.rawValue, value: raw(c)?.display ?? "", message: message))
    }

    mutating func text(_ c: ProgrammingTable.Column, required: Bool) -> String? {
        guard let v = raw(c) else {
            if required { error(c, "Valeur obligatoire.") }
            return nil
        }
        return v.display.trimmedSpaces
    }

    mutating func list<E: RawRepresentable & CaseIterable>(_ c: ProgrammingTable.Column, required: Bool) -> E?
    where E.RawValue == String {
        guard let t = text(c, required: required) else { return nil }
        if let hit = E.allCases.first(where: { $0.rawValue.equalsIgnoringCase(t) }) { return hit }
        error(c, "Valeur non prévue ; valeurs possibles : \(E.allCases.map(\.rawValue).joined(separator: ", ")).")
        return nil
    }

    mutating func list(_ c: ProgrammingTable.Column, required: Bool, allowed: [String]) -> String? {
        guard let t = text(c, required: required) else { return nil }
        if let hit = allowed.first(where: { $0.equalsIgnoringCase(t) }) { return hit }
        error(c, "Valeur non prévue ; valeurs possibles : \(allowed.joined(separator: ", ")).")
        return nil
    }

    static func number(_ v: XLSXValue) -> Double? {
        switch v {
        case .number(let d): return d
        case .text(let t):
            var s = t.replacingOccurrences(of: "€", with: "")
            for space in [" ", "\u{00A0}", "\u{202F}"] { s = s.replacingOccurrences(of: space, with: "") }
            s = s.replacingOccurrences(of: ",", with: ".")
            guard !s.isEmpty, s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
            return Double(s)
        default: return nil
        }
    }

    mutating func integer(_ c: ProgrammingTable.Column, required: Bool, minimum: Int) -> Int? {
        guard let v = raw(c) else {
            if required { error(c, "Valeur obligatoire.") }
            return nil
        }
        guard let d = Self.number(v), d == d.rounded(), abs(d) < 1e9 else {
            error(c, "Nombre entier attendu.")
            return nil
        }
        guard Int(d) >= minimum else {
            error(c, "Nombre entier supérieur ou égal à \(minimum) attendu.")
            return nil
        }
        return Int(d)
    }

    /// A decimal amount in euros, as cents (half-up).
    mutating func decimal(_ c: ProgrammingTable.Column, required: Bool, positive: Bool) -> Money? {
        guard let v = raw(c) else {
            if required { error(c, "Valeur obligatoire.") }
            return nil
        }
        guard let d = Self.number(v), d.isFinite else {
            error(c, "Nombre attendu (par exemple 1 234 567,89).")
            return nil
        }
        // 10 milliards d'euros au plus par montant: 20 000 lignes en somme restent loin des bornes d'Int64 (issue #9).
        guard abs(d) < 1e10 else {
            error(c, "Montant trop élevé : 10 000 000 000 € au plus.")
            return nil
        }
        if positive && d <= 0 {
            error(c, "Montant strictement positif attendu.")
            return nil
        }
        if d < 0 {
            error(c, "Valeur positive ou nulle attendue.")
            return nil
        }
        return Money(cents: Int64((d * 100).rounded(.toNearestOrAwayFromZero)))
    }

    mutating func date(_ c: ProgrammingTable.Column) -> Day? {
        guard let v = raw(c) else { return nil }
        switch v {
        case .date(let d) where d.isSupported: return d
        case .number(let serial):
            if let d = ExcelDate.day(serial: serial, date1904: date1904), serial >= 1, d.isSupported { return d }
        case .text(let t):
            let s = t.trimmedSpaces
            if let d = Day(iso: s) ?? Day(french: s), d.isSupported { return d }
        default: break
        }
        error(c, "Date attendue : JJ/MM/AAAA, AAAA-MM-JJ ou date Excel, du 01/01/1900 au 31/12/2199.")
        return nil
    }

    mutating func yesNo(_ c: ProgrammingTable.Column) -> Bool? {
        guard let v = raw(c) else { return nil }
        switch v {
        case .bool(let b): return b
        case .text(let t):
            switch t.trimmedSpaces.lowercased() {
            case "oui": return true
            case "non": return false
            default: break
            }
        default: break
        }
        error(c, "Oui ou Non attendu.")
        return nil
    }
}
