import Foundation
import GuichetDomain

/// The synthesis indicators of the programming table (`AMI-X`), defined once: the template writes
/// them as formulas in « Données pour formulaire », the reader compares the file's cached values
/// with its own computation, the filing form is pre-filled with them.
public struct SynthesisIndicator: Sendable {
    public enum Measure: Sendable {
        case operations, dwellings, costPrice, loanRequested
        case operationsOfType(String)
        case dwellingsOfType(String)
        case operationsOfProduct(String)
        case dwellingsOfProduct(String)
    }
    public let label: String
    public let measure: Measure
    public var isAmount: Bool {
        if case .costPrice = measure { return true }
        if case .loanRequested = measure { return true }
        return false
    }

    public static let all: [SynthesisIndicator] = {
        var out: [SynthesisIndicator] = [
            .init(label: "Nombre d'opérations", measure: .operations),
            .init(label: "Nombre de logements", measure: .dwellings),
            .init(label: "Prix de revient total (€)", measure: .costPrice),
            .init(label: "Prêt sollicité total (€)", measure: .loanRequested),
        ]
        for kind in OperationKind.allCases {
            out += [
                .init(label: "Opérations – \(kind.rawValue)", measure: .operationsOfType(kind.rawValue)),
                .init(label: "Logements – \(kind.rawValue)", measure: .dwellingsOfType(kind.rawValue)),
            ]
        }
        for product in HousingProduct.allCases {
            out += [
                .init(label: "Opérations – \(product.rawValue)", measure: .operationsOfProduct(product.rawValue)),
                .init(label: "Logements – \(product.rawValue)", measure: .dwellingsOfProduct(product.rawValue)),
            ]
        }
        return out
    }()

    /// The value computed by the platform from the rows.
    public func value(_ s: ProgrammingTable.Synthesis) -> Double {
        switch measure {
        case .operations: Double(s.operations)
        case .dwellings: Double(s.dwellings)
        case .costPrice: Double(s.costPrice.cents) / 100
        case .loanRequested: Double(s.loanRequested.cents) / 100
        case .operationsOfType(let k): Double(s.byType[k]?.operations ?? 0)
        case .dwellingsOfType(let k): Double(s.byType[k]?.dwellings ?? 0)
        case .operationsOfProduct(let p): Double(s.byProduct[p]?.operations ?? 0)
        case .dwellingsOfProduct(let p): Double(s.byProduct[p]?.dwellings ?? 0)
        }
    }

    /// The spreadsheet formula, given the column letter of each column of « Programmation ».
    func formula(_ letter: (ProgrammingTable.Column) -> String) -> String {
        func range(_ c: ProgrammingTable.Column) -> String {
            "Programmation!$\(letter(c))$2:$\(letter(c))$\(ProgrammingTable.lastRow)"
        }
        return switch measure {
        case .operations: "COUNTA(\(range(.reference)))"
        case .dwellings: "SUM(\(range(.dwellings)))"
        case .costPrice: "SUM(\(range(.cost)))"
        case .loanRequested: "SUM(\(range(.loan)))"
        case .operationsOfType(let k): "COUNTIF(\(range(.kind)),\"\(k)\")"
        case .dwellingsOfType(let k): "SUMIF(\(range(.kind)),\"\(k)\",\(range(.dwellings)))"
        case .operationsOfProduct(let p): "COUNTIF(\(range(.product)),\"\(p)\")"
        case .dwellingsOfProduct(let p): "SUMIF(\(range(.product)),\"\(p)\",\(range(.dwellings)))"
        }
    }
}

/// The Excel template a landlord downloads for a campaign and a department (`AMI-X`,
/// `contracts/ami-programming-table.md`): « Programmation » (headers, widths, frozen header,
/// date and number formats, drop-down lists), « Données pour formulaire » (the synthesis as
/// formulas) and « Listes » (the allowed values, and the department's communes).
public enum ProgrammingTemplate {
    public static let listsSheetName = "Listes"

    public static func workbook(
        year: Int, department: String, departmentName: String,
        communes: [(insee: String, name: String)]
    ) -> [XLSXWriter.Sheet] {
        // Listes: one list per column, values from row 2.
        let lists: [(String, [String])] = [
            ("Type d'opération", OperationKind.allCases.map(\.rawValue)),
            ("Produit", HousingProduct.allCases.map(\.rawValue)),
            ("Oui/Non", ["Oui", "Non"]),
            ("Étiquette DPE", ProgrammingTable.dpeLabels),
            ("Code INSEE (\(department))", communes.map(\.insee)),
            ("Commune", communes.map(\.name)),
        ]
        return [
            programmation(lists: lists, department: department, communes: !communes.isEmpty),
            synthesis(year: year, department: department, departmentName: departmentName),
            listsSheet(lists),
        ]
    }

    typealias C = ProgrammingTable.Column

    /// The column letter of a column of « Programmation » (`A`, `B`…).
    static func letter(_ c: C) -> String {
        CellReference.columnName((C.allCases.firstIndex(of: c) ?? 0) + 1)
    }

    static func listsSheet(_ lists: [(String, [String])]) -> XLSXWriter.Sheet {
        let height = (lists.map(\.1.count).max() ?? 0) + 1
        var listRows: [[XLSXWriter.Cell?]] = Array(repeating: Array(repeating: nil, count: lists.count), count: height)
        for (c, (title, values)) in lists.enumerated() {
            listRows[0][c] = .init(.text(title), style: .header)
            for (r, v) in values.enumerated() { listRows[r + 1][c] = .init(.text(v)) }
        }
        return XLSXWriter.Sheet(
            name: listsSheetName, rows: listRows,
            columns: [24, 12, 10, 14, 18, 32].map { XLSXWriter.Column(width: $0) }, frozenRows: 1)
    }

    /// « Programmation »: headers and column formats; validations down to the last readable row.
    static func programmation(lists: [(String, [String])], department: String, communes: Bool) -> XLSXWriter.Sheet {
        func source(_ listIndex: Int) -> String {
            let col = CellReference.columnName(listIndex + 1)
            return "Listes!$\(col)$2:$\(col)$\(max(lists[listIndex].1.count + 1, 2))"
        }
        var widths: [XLSXWriter.Column] = []
        var validations: [XLSXWriter.ListValidation] = []
        for c in C.allCases {
            widths.append(.init(width: width(c), style: style(c)))
            let range = "\(letter(c))2:\(letter(c))\(ProgrammingTable.lastRow)"
            if let (list, message) = validation(c, department: department, communes: communes) {
                validations.append(.init(range: range, source: source(list), title: c.rawValue, message: message))
            }
        }
        return XLSXWriter.Sheet(
            name: ProgrammingTable.sheetName,
            rows: [C.allCases.map { .init(.text($0.rawValue), style: .header) }],
            columns: widths, frozenRows: 1, validations: validations)
    }

    static func style(_ c: C) -> XLSXWriter.Style? {
        switch c {
        case .approval, .declaration, .loanAgreement, .worksOrder, .demolition: .date
        case .cost, .loan, .surface, .rent: .amount
        case .dwellings, .t1, .t2, .t3, .t4, .t5: .integer
        default: nil
        }
    }

    static func width(_ c: C) -> Double {
        switch c {
        case .name, .observations: 36
        case .t1, .t2, .t3, .t4, .t5: 7
        case .reference, .insee, .product, .dpe: 13
        default: 18
        }
    }

    /// The list a column's cells are chosen from (its index in « Listes ») and the message shown.
    static func validation(_ c: C, department: String, communes: Bool) -> (Int, String)? {
        switch c {
        case .kind: (0, "Choisissez un type d'opération dans la liste (AMI-O).")
        case .product: (1, "Choisissez un produit dans la liste ; laissez vide pour une démolition (AMI-O).")
        case .acv, .rtaa, .fans, .hotWater, .led, .lowCarbon: (2, "Oui ou Non.")
        case .dpe: (3, "Étiquette A à G, ou Sans objet.")
        case .insee where communes:
            (4, "Code INSEE d'une commune du département \(department) (voir la feuille Listes).")
        default: nil
        }
    }

    /// « Données pour formulaire »: label in A, formula in B (cached value 0: the table is empty).
    static func synthesis(year: Int, department: String, departmentName: String) -> XLSXWriter.Sheet {
        var rows: [[XLSXWriter.Cell?]] = [
            [
                .init(
                    .text("Tableau de programmation AMI DROM \(year) – \(department) \(departmentName)"), style: .bold),
                nil,
            ],
            [
                .init(
                    .text(
                        "Calculé à partir de la feuille Programmation ; Guichet recalcule ces valeurs à partir des "
                            + "lignes."
                    ), style: .wrap), nil,
            ],
            [.init(.text("Indicateur"), style: .header), .init(.text("Valeur"), style: .header)],
        ]
        for indicator in SynthesisIndicator.all {
            rows.append([
                .init(.text(indicator.label)),
                .init(.formula(indicator.formula(letter), cached: 0), style: indicator.isAmount ? .amount : .integer),
            ])
        }
        return XLSXWriter.Sheet(
            name: ProgrammingTable.synthesisSheetName, rows: rows,
            columns: [.init(width: 44), .init(width: 20)], frozenRows: 3)
    }

    public static func data(
        year: Int, department: String, departmentName: String, communes: [(insee: String, name: String)]
    ) throws -> Data {
        try XLSXWriter().write(
            workbook(year: year, department: department, departmentName: departmentName, communes: communes))
    }
}
