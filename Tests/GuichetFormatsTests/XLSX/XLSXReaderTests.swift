import Foundation
import GuichetDomain
import Testing
import ZIPFoundation

@testable import GuichetFormats

@Suite struct XLSXReaderTests {
    static var pythonAvailable: Bool {
        if ProcessInfo.processInfo.environment["GUICHET_REQUIRE_PYTHON_TESTS"] == "1" { return true }
        return ExternalTool.available("python3", "-c", "import openpyxl")
    }

    /// Workbooks written by openpyxl, in a fresh directory.
    static func generated() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "make_workbooks.py")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, dir.path]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        return dir
    }

    @Test(.enabled(if: pythonAvailable, "needs python3 with openpyxl (installed by .ci/run)"))
    func readsWhatOpenpyxlWrites() throws {
        let dir = try Self.generated()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wb = try XLSXReader().read(try Data(contentsOf: dir.appendingPathComponent("openpyxl.xlsx")))
        #expect(wb.sheets.map(\.name) == ["Programmation", "Listes"])
        #expect(!wb.date1904)
        let s = try #require(wb.sheet(named: "Programmation"))
        #expect(s.value(row: 1, column: 1) == .text("Référence opération"))
        #expect(s.value(row: 2, column: 2) == .number(40))
        #expect(s.value(row: 2, column: 3) == .number(4_200_000.5))
        #expect(s.value(row: 2, column: 4) == .date(Day(iso: "2024-03-15")!))
        #expect(s.value(row: 2, column: 5) == .bool(true))
        #expect(s.value(row: 2, column: 6) == .text("15/03/2024"))
        #expect(s.rows[3] == nil, "empty row")
        #expect(s.value(row: 4, column: 3) == .text("1 234 567,89"))
        #expect(s.value(row: 4, column: 4) == .date(Day(iso: "1900-02-28")!), "before the phantom 29 February 1900")
        #expect(s.value(row: 10, column: 8) == .text("éloigné & <spécial>"), "sparse cell, escaped XML")
        #expect(s.merged == ["A20:C20"])
        let mac = try XLSXReader().read(try Data(contentsOf: dir.appendingPathComponent("mac1904.xlsx")))
        #expect(mac.date1904)
        #expect(mac.sheets[0].value(row: 1, column: 1) == .date(Day(iso: "2024-09-30")!))
    }

    @Test func cellReferences() {
        #expect(CellReference.parse("F12")! == (12, 6))
        #expect(CellReference.parse("AA1")! == (1, 27))
        #expect(CellReference.parse("$B$3")! == (3, 2))
        #expect(CellReference.parse("12") == nil)
        #expect(CellReference.name(row: 12, column: 6) == "F12")
        #expect(CellReference.columnName(28) == "AB")
    }

    @Test func excelDateSerials() {
        #expect(ExcelDate.day(serial: 45_565, date1904: false) == Day(iso: "2024-09-30"))
        #expect(ExcelDate.day(serial: 44_103, date1904: true) == Day(iso: "2024-09-30"))
        #expect(ExcelDate.serial(Day(iso: "2024-09-30")!) == 45_565)
        #expect(ExcelDate.day(serial: 1, date1904: false) == Day(iso: "1900-01-01"))
        #expect(ExcelDate.day(serial: -1, date1904: false) == nil)
    }

    // Damaged and hostile files: a French message, never a crash.

    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static let minimalParts: [(String, Data)] = [
        (
            "xl/workbook.xml",
            Data(
                #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                    .utf8)
        ),
        (
            "xl/_rels/workbook.xml.rels",
            Data(
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>"#
                    .utf8)
        ),
    ]

    @Test func minimalWorkbookWithInlineStrings() throws {
        let sheet = Data(
            #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Bonjour</t></is></c><c r="B1" t="str"><f>A1</f><v>Bonjour</v></c></row></sheetData></worksheet>"#
                .utf8)
        let wb = try XLSXReader().read(try Self.zip(Self.minimalParts + [("xl/worksheets/sheet1.xml", sheet)]))
        #expect(wb.sheets[0].value(row: 1, column: 1) == .text("Bonjour"))
        #expect(wb.sheets[0].value(row: 1, column: 2) == .text("Bonjour"), "cached value of a formula")
    }

    @Test func notAZip() {
        #expect(throws: XLSXReader.Failure.self) { try XLSXReader().read(Data("Référence;Nom\nOP-01;X".utf8)) }
        do { _ = try XLSXReader().read(Data("%PDF-1.4".utf8)) } catch {
            #expect(error.message.contains("n'est pas un classeur Excel"))
        }
    }

    @Test func truncatedZip() throws {
        let whole = try Self.zip(
            Self.minimalParts + [("xl/worksheets/sheet1.xml", Data("<worksheet><sheetData/></worksheet>".utf8))])
        #expect(throws: XLSXReader.Failure.self) { try XLSXReader().read(whole.prefix(whole.count / 2)) }
    }

    @Test func xmlEntityBombIsRefused() throws {
        let bomb = Data(
            #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"#
                .utf8)
        let file = try Self.zip(Self.minimalParts + [("xl/worksheets/sheet1.xml", bomb)])
        do {
            _ = try XLSXReader().read(file)
            Issue.record("an XML bomb must be refused")
        } catch { #expect(error.message.contains("DOCTYPE ou ENTITY")) }
    }

    @Test func zipBombIsRefusedWhileReading() throws {
        let zeros = Data(count: 40 * 1_048_576)
        let data = try Self.zip(Self.minimalParts + [("xl/worksheets/sheet1.xml", zeros)])
        #expect(data.count < 1_048_576)
        do {
            _ = try XLSXReader().read(data)
            Issue.record("a zip bomb must be refused")
        } catch { #expect(error.message.contains("bombe de décompression")) }
    }

    @Test func tooLargeAndTooManyRows() throws {
        var limits = XLSXReader.Limits()
        limits.maxFileBytes = 100
        #expect(throws: XLSXReader.Failure.self) { try XLSXReader(limits: limits).read(Data(count: 101)) }
        let rows = (1...30).map { #"<row r="\#($0)"><c r="A\#($0)"><v>1</v></c></row>"# }.joined()
        var few = XLSXReader.Limits()
        few.maxRows = 10
        let file = try Self.zip(
            Self.minimalParts + [
                ("xl/worksheets/sheet1.xml", Data("<worksheet><sheetData>\(rows)</sheetData></worksheet>".utf8))
            ])
        do {
            _ = try XLSXReader(limits: few).read(file)
            Issue.record("too many rows")
        } catch { #expect(error.message.contains("Trop de lignes")) }
    }
}

@Suite struct ProgrammingTableTests {
    static var reference: ReferenceData { Fixtures.reference }

    @Test(.enabled(if: XLSXReaderTests.pythonAvailable, "needs python3 with openpyxl (installed by .ci/run)"))
    func readsByHeaderAndReportsEveryError() throws {
        let dir = try XLSXReaderTests.generated()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wb = try XLSXReader().read(try Data(contentsOf: dir.appendingPathComponent("programmation.xlsx")))
        let r = ProgrammingTable.read(wb, year: 2024, department: "974", reference: Self.reference)
        #expect(r.rowsWithValues == 4)
        let byCell = Dictionary(grouping: r.errors, by: \.header)
        #expect(byCell["Nombre de logements"]?.first?.value == "douze")
        #expect(byCell["Nombre de logements"]?.first?.message == "Nombre entier attendu.")
        #expect(
            r.errors.contains {
                $0.header == "Code INSEE commune" && $0.message.contains("n'est pas dans le département 974")
            })
        #expect(r.errors.contains { $0.header == "Opération Action Cœur de Ville" && $0.value == "peut-être" })
        #expect(r.errors.allSatisfy { $0.sheet == "Programmation" && !$0.cell.isEmpty })
        #expect(
            r.errors.contains { $0.cell.hasSuffix("4") && $0.header == "Nombre de logements" },
            "the cell reference names the row")
        // Valid rows are read, with French commas and typed dates.
        let op1 = try #require(r.operations.first { $0.reference == "OP-01" })
        #expect(op1.loanRequested == Money(cents: 120_000_050))
        #expect(op1.approvalDate == Day(iso: "2024-03-01"))
        #expect(r.eligibility[op1.row]?.allSatisfy { $0.status == .pass } == true)
        // AMI-O: Action Cœur de Ville out of scope; AMI-E: LI declaration after the campaign year.
        let op4 = try #require(r.operations.first { $0.reference == "OP-04" })
        let checks = r.eligibility[op4.row] ?? []
        #expect(checks.contains { $0.rule == .amiO && $0.status == .fail })
        #expect(checks.contains { $0.rule == .amiE && $0.status == .fail && $0.message.contains("10/01/2025") })
        #expect(r.synthesis.operations == 2)
        #expect(r.synthesis.dwellings == 48)
        #expect(
            r.cachedDifferences.first?.label == "Nombre d'opérations",
            "the file's cached 3 differs from the 2 rows read")
    }

    @Test func missingSheetOrHeaders() throws {
        let wb = XLSXWorkbook(
            sheets: [.init(name: "Programmation", rows: [1: [1: .text("Référence opération")]], merged: [])],
            date1904: false)
        let r = ProgrammingTable.read(wb, year: 2024, department: nil, reference: Self.reference)
        #expect(
            r.errors.count
                == ProgrammingTable.Column.allCases.filter {
                    [.name, .insee, .kind, .product, .dwellings, .cost, .loan].contains($0)
                }.count)
        let none = ProgrammingTable.read(
            XLSXWorkbook(sheets: [], date1904: false), year: 2024, department: nil, reference: Self.reference)
        #expect(none.errors.first?.message.contains("Programmation") == true)
    }

    // AMI-E deadlines around the campaign year.
    @Test func amiEligibilityDeadlines() {
        func op(
            _ kind: OperationKind, _ product: HousingProduct?, _ configure: (inout ProgrammedOperation) -> Void
        ) -> ProgrammedOperation {
            var o = ProgrammedOperation(
                row: 2, reference: "R", name: "N", insee: "97411", kind: kind, product: product, dwellings: 1,
                costPrice: .euros(1), loanRequested: .euros(1))
            configure(&o)
            return o
        }
        let rehab = { (d: String) in
            AMIEligibility.check(
                op(.rehabilitation, .lls) { $0.worksOrderDate = Day(iso: d) }, year: 2024, department: "974")
        }
        #expect(rehab("2026-12-31").allSatisfy { $0.status == .pass })
        #expect(rehab("2027-01-01").contains { $0.status == .fail })
        let demo = { (d: String) in
            AMIEligibility.check(
                op(.demolition, nil) { $0.demolitionAuthorisationDate = Day(iso: d) }, year: 2024, department: "974")
        }
        #expect(demo("2027-12-31").allSatisfy { $0.status == .pass })
        #expect(demo("2028-01-01").contains { $0.status == .fail })
        let li = op(.newConstruction, .li) { _ in }
        #expect(
            AMIEligibility.check(li, year: 2024, department: "976").allSatisfy { $0.status == .pass },
            "Mayotte: no declaration needed")
        #expect(AMIEligibility.check(li, year: 2024, department: "974").contains { $0.status == .fail })
        let pli = op(.vefa, .pli) { $0.loanAgreementDate = Day(iso: "2024-12-31") }
        #expect(AMIEligibility.check(pli, year: 2024, department: "971").allSatisfy { $0.status == .pass })
    }
}
