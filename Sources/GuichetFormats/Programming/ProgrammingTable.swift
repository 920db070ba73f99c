import Foundation
import GuichetDomain

/// The AMI programming table (`contracts/ami-programming-table.md`): columns read by header,
/// every cell checked with a French message naming sheet, cell, header and value; every error of
/// the file at once; synthesis computed from the rows (never trusting cached formula values).
public enum ProgrammingTable {
    public static let sheetName = "Programmation"
    public static let synthesisSheetName = "Données pour formulaire"
    /// The last row the template's formulas and validations cover (the reader's row limit).
    public static let lastRow = 20_001
    public static let dpeLabels = ["A", "B", "C", "D", "E", "F", "G", "Sans objet"]

    public enum Column: String, CaseIterable, Sendable {
        case reference = "Référence opération"
        case name = "Nom de l'opération"
        case insee = "Code INSEE commune"
        case kind = "Type d'opération"
        case product = "Produit"
        case dwellings = "Nombre de logements"
        case t1 = "T1"
        case t2 = "T2"
        case t3 = "T3"
        case t4 = "T4"
        case t5 = "T5 et plus"
        case surface = "Surface habitable (m²)"
        case cost = "Prix de revient TTC (€)"
        case loan = "Prêt sollicité (€)"
        case approval = "Date d'agrément"
        case declaration = "Date de déclaration d'informations"
        case loanAgreement = "Date d'accord de prêt"
        case worksOrder = "Date d'ordre de service"
        case demolition = "Date d'autorisation de démolition"
        case acv = "Opération Action Cœur de Ville"
        case rtaa = "RTAA-DOM visée"
        case fans = "Brasseurs d'air"
        case hotWater = "Eau chaude renouvelable"
        case led = "Éclairage LED parties communes"
        case dpe = "Étiquette DPE"
        case lowCarbon = "Démarche bas-carbone"
        case rent = "Loyer moyen (€/m²)"
        case observations = "Observations"

        static let required: [Column] = [.reference, .name, .insee, .kind, .product, .dwellings, .cost, .loan]
    }

    public struct CellError: Sendable, Equatable {
        public let sheet: String, cell: String, header: String, value: String, message: String
    }

    public struct Synthesis: Sendable, Equatable {
        public var operations = 0, dwellings = 0
        public var costPrice = Money.zero, loanRequested = Money.zero
        public struct Count: Sendable, Equatable, Codable { public var operations = 0, dwellings = 0 }
        public var byType: [String: Count] = [:]
        public var byProduct: [String: Count] = [:]
        public init() {}

        /// Counts a valid operation in the totals, by type and by product.
        mutating func add(_ op: ProgrammedOperation) {
            operations += 1
            dwellings += op.dwellings
            costPrice += op.costPrice
            loanRequested += op.loanRequested
            byType[op.kind.rawValue, default: .init()].operations += 1
            byType[op.kind.rawValue, default: .init()].dwellings += op.dwellings
            let p = op.product?.rawValue ?? "Sans produit"
            byProduct[p, default: .init()].operations += 1
            byProduct[p, default: .init()].dwellings += op.dwellings
        }
    }

    public struct Result: Sendable {
        public var rowsWithValues = 0
        public var operations: [ProgrammedOperation] = []
        public var eligibility: [Int: [Criterion]] = [:]
        public var errors: [CellError] = []
        public var synthesis = Synthesis()
        public var cachedDifferences: [(label: String, file: String, computed: String)] = []
    }

    static func normalise(_ header: String) -> String {
        header.replacingOccurrences(of: "’", with: "'").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .lowercased()
    }

    /// Reads the table of a workbook for campaign `year`; with `department`, communes must be in it.
    /// `progress` is called every few hundred rows with the rows checked and the rows in all.
    public static func read(
        _ wb: XLSXWorkbook, year: Int, department: String?, reference: some CommuneLookup,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> Result {
        var r = Result()
        guard let sheet = wb.sheet(named: sheetName) else {
            r.errors.append(
                CellError(
                    sheet: sheetName, cell: "", header: "", value: "",
                    message: "Feuille « \(sheetName) » absente du classeur : utilisez le modèle fourni."))
            return r
        }
        let (columns, missing) = headerColumns(sheet)
        r.errors += missing
        if !r.errors.isEmpty { return r }

        var seen: [String: Int] = [:]
        let rowNumbers = (sheet.rows.keys.filter { $0 > 1 }).sorted()
        for (index, rowNumber) in rowNumbers.enumerated() {
            if let progress, index % 250 == 0 { progress(index, rowNumbers.count) }
            let cells = sheet.rows[rowNumber] ?? [:]
            if cells.values.allSatisfy({
                if case .text(let t) = $0 { return t.trimmedSpaces.isEmpty }
                return false
            }) {
                continue
            }
            r.rowsWithValues += 1
            var row = RowReader(sheet: sheetName, row: rowNumber, cells: cells, columns: columns, date1904: wb.date1904)
            let read = operation(&row, rowNumber: rowNumber, department: department, reference: reference, seen: &seen)
            r.errors += row.errors
            guard let op = read else { continue }
            r.operations.append(op)
            r.eligibility[rowNumber] = AMIEligibility.check(
                op, year: year, department: department ?? InseeCode(op.insee)?.departmentCode ?? "")
            r.synthesis.add(op)
        }
        r.cachedDifferences = cachedDifferences(wb, r.synthesis)
        // Errors in reading order: by row, then by column.
        r.errors.sort { a, b in
            let (ra, rb) = (CellReference.parse(a.cell), CellReference.parse(b.cell))
            return (ra?.row ?? 0, ra?.column ?? 0) < (rb?.row ?? 0, rb?.column ?? 0)
        }
        return r
    }

    /// The columns of the header row, by name (accents, case and spaces aside), and the required
    /// ones missing.
    static func headerColumns(_ sheet: XLSXWorkbook.Sheet) -> ([Column: Int], [CellError]) {
        var missing: [CellError] = []
        var columns: [Column: Int] = [:]
        let byName = Dictionary(Column.allCases.map { (normalise($0.rawValue), $0) }, uniquingKeysWith: { a, _ in a })
        for (col, value) in sheet.rows[1] ?? [:] {
            if case .text(let t) = value, let c = byName[normalise(t)], columns[c] == nil { columns[c] = col }
        }
        for c in Column.required where columns[c] == nil {
            missing.append(
                CellError(
                    sheet: sheetName, cell: "1", header: c.rawValue, value: "",
                    message: "Colonne « \(c.rawValue) » absente de la ligne d'en-tête."))
        }
        return (columns, missing)
    }

    /// One row read into an operation, or its problems left in `row` (every cell checked).
    static func operation(
        _ row: inout RowReader, rowNumber: Int, department: String?, reference: some CommuneLookup,
        seen: inout [String: Int]
    ) -> ProgrammedOperation? {
        let referenceText = row.text(.reference, required: true)
        let name = row.text(.name, required: true)
        let insee = row.text(.insee, required: true)
        let kind: OperationKind? = row.list(.kind, required: true)
        let product: HousingProduct? = row.list(.product, required: kind != nil && kind != .demolition)
        let dwellings = row.integer(.dwellings, required: true, minimum: 1)
        let typology = [Column.t1, .t2, .t3, .t4, .t5].compactMap { row.integer($0, required: false, minimum: 0) }
        _ = row.decimal(.surface, required: false, positive: false)
        let cost = row.decimal(.cost, required: true, positive: true)
        let loan = row.decimal(.loan, required: true, positive: true)
        let dates = (
            row.date(.approval), row.date(.declaration), row.date(.loanAgreement), row.date(.worksOrder),
            row.date(.demolition)
        )
        let acv = row.yesNo(.acv) ?? false
        for c in [Column.rtaa, .fans, .hotWater, .led, .lowCarbon] { _ = row.yesNo(c) }
        _ = row.list(.dpe, required: false, allowed: ["A", "B", "C", "D", "E", "F", "G", "Sans objet"])
        _ = row.decimal(.rent, required: false, positive: false)

        if let insee {
            if InseeCode(insee) == nil || !reference.isKnownCommune(insee) {
                row.error(.insee, "Code INSEE inconnu : 5 caractères d'une commune existante.")
            } else if let department, InseeCode(insee)?.departmentCode != department {
                row.error(.insee, "La commune \(insee) n'est pas dans le département \(department) de ce dépôt.")
            }
        }
        if let kind, kind == .demolition, product != nil {
            row.error(.product, "Pas de produit pour une démolition : laissez la cellule vide.")
        }
        if let dwellings, typology.count == 5, typology.reduce(0, +) != dwellings {
            row.error(
                .t1, "T1 à T5 et plus totalisent \(typology.reduce(0, +)) logements pour \(dwellings) indiqués.")
        }
        if let cost, let loan, loan > cost {
            row.error(
                .loan, "Le prêt sollicité (\(loan.formatted())) dépasse le prix de revient (\(cost.formatted())).")
        }
        if let referenceText {
            if let first = seen[referenceText] {
                row.error(.reference, "Référence déjà utilisée ligne \(first) : chaque opération a sa référence.")
            } else {
                seen[referenceText] = rowNumber
            }
        }
        guard row.errors.isEmpty, let referenceText, let name, let insee, let kind, let dwellings, let cost,
            let loan
        else { return nil }
        return ProgrammedOperation(
            row: rowNumber, reference: referenceText, name: name, insee: insee, kind: kind, product: product,
            dwellings: dwellings, costPrice: cost, loanRequested: loan, approvalDate: dates.0,
            informationDeclarationDate: dates.1, loanAgreementDate: dates.2, worksOrderDate: dates.3,
            demolitionAuthorisationDate: dates.4, actionCoeurDeVille: acv)
    }

    /// Compares the synthesis sheet's cached values (label in column A, value in column B) with
    /// the platform's own computation, for every indicator of `SynthesisIndicator.all` the file
    /// carries. A formula never calculated (no cached value) is reported as such.
    static func cachedDifferences(
        _ wb: XLSXWorkbook, _ s: Synthesis
    ) -> [(label: String, file: String, computed: String)] {
        guard let sheet = wb.sheet(named: synthesisSheetName) else { return [] }
        let indicators = Dictionary(
            SynthesisIndicator.all.map { (normalise($0.label), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [(label: String, file: String, computed: String)] = []
        for row in sheet.rows.keys.sorted() {
            guard let cells = sheet.rows[row], case .text(let label)? = cells[1],
                let indicator = indicators[normalise(label)]
            else { continue }
            let want = indicator.value(s)
            let found: Double? = {
                if case .number(let d)? = cells[2] { return d }
                return nil
            }()
            if found.map({ abs($0 - want) > 0.005 }) ?? true {
                let computed =
                    indicator.isAmount
                    ? Money(cents: Int64((want * 100).rounded())).formatted() : FrenchFormat.integer(Int(want))
                out.append((label, cells[2]?.display ?? "(non calculé)", computed))
            }
        }
        return out
    }
}
