import Foundation
import GuichetDomain
import GuichetFormats

/// Programming tables for the AMI tests, written with the platform's template and writer.
public enum AMIFixtures {
    public typealias Column = ProgrammingTable.Column

    /// A valid operation of La Réunion (974) for the 2024 campaign.
    public static func operation(
        _ n: Int, kind: OperationKind = .newConstruction, product: HousingProduct? = .lls,
        dwellings: Int = 10, loan: Double = 300_000
    ) -> [Column: XLSXWriter.Value] {
        var row: [Column: XLSXWriter.Value] = [
            .reference: .text("OP-\(n)"), .name: .text("Opération \(n)"), .insee: .text("97411"),
            .kind: .text(kind.rawValue),
            .dwellings: .number(Double(dwellings)), .cost: .number(2_000_000), .loan: .number(loan),
        ]
        if let product { row[.product] = .text(product.rawValue) }
        switch kind {
        case .rehabilitation: row[.worksOrder] = .date(Day(year: 2025, month: 6, day: 1)!)
        case .demolition, .demolitionReconstruction: row[.demolition] = .date(Day(year: 2026, month: 1, day: 15)!)
        default: row[.approval] = .date(Day(year: 2024, month: 3, day: 1)!)
        }
        return row
    }

    /// The template of 2024/974 with these rows in « Programmation ».
    public static func table(_ rows: [[Column: XLSXWriter.Value]]) throws -> Data {
        var sheets = ProgrammingTemplate.workbook(
            year: 2024, department: "974", departmentName: "La Réunion", communes: [])
        let columns = Column.allCases
        for row in rows {
            sheets[0].rows.append(
                columns.map { c in
                    row[c].map {
                        XLSXWriter.Cell(
                            $0,
                            style: {
                                if case .date = $0 { return .date }
                                return .normal
                            }($0))
                    }
                })
        }
        return try XLSXWriter().write(sheets)
    }
}
