import Foundation
import GuichetDomain
import Testing

@testable import GuichetFormats

/// The template (`AMI-X`) written by the platform's own XLSX writer: read back by the platform's
/// reader, by openpyxl, and round-tripped through LibreOffice Calc.
@Suite struct ProgrammingTemplateTests {
    static let communes = [(insee: "97411", name: "Saint-Denis"), (insee: "97415", name: "Saint-Paul")]

    static func template() throws -> Data {
        try ProgrammingTemplate.data(year: 2024, department: "974", departmentName: "La Réunion", communes: communes)
    }

    @Test func readBackByTheReader() throws {
        let wb = try XLSXReader().read(try Self.template())
        #expect(wb.sheets.map(\.name) == ["Programmation", "Données pour formulaire", "Listes"])
        let header = try #require(wb.sheet(named: "Programmation")?.rows[1])
        #expect(header.count == ProgrammingTable.Column.allCases.count)
        #expect(header[1] == .text("Référence opération"))
        let result = ProgrammingTable.read(wb, year: 2024, department: "974", reference: Fixtures.reference)
        #expect(result.errors.isEmpty)
        #expect(result.operations.isEmpty)
        #expect(result.cachedDifferences.isEmpty, "an empty template's formulas are cached as 0, which matches")
        let synthesis = try #require(wb.sheet(named: "Données pour formulaire"))
        let labels = synthesis.rows.values.compactMap {
            if case .text(let t)? = $0[1] { return t }
            return nil
        }
        for indicator in SynthesisIndicator.all { #expect(labels.contains(indicator.label)) }
        let lists = try #require(wb.sheet(named: "Listes"))
        #expect(lists.value(row: 2, column: 5) == .text("97411"))
    }

    @Test func formulasNameTheTemplateColumns() {
        let letters = Dictionary(
            uniqueKeysWithValues: ProgrammingTable.Column.allCases.enumerated().map {
                ($1, CellReference.columnName($0 + 1))
            })
        let f = SynthesisIndicator.all.first { $0.label == "Logements – LLS" }!.formula { letters[$0]! }
        #expect(f == "SUMIF(Programmation!$E$2:$E$20001,\"LLS\",Programmation!$F$2:$F$20001)")
    }

    @Test func xmlTextIsEscaped() {
        #expect(XMLWriter.escape("a<b & \"c\"\u{1}", attribute: true) == "a&lt;b &amp; &quot;c&quot;")
        #expect(XMLWriter.escape("l'été\n", attribute: false) == "l'été\n")
    }

    static var libreOfficeAvailable: Bool {
        if ProcessInfo.processInfo.environment["GUICHET_REQUIRE_LIBREOFFICE_TESTS"] == "1" { return true }
        return ExternalTool.available("soffice", "--version") && XLSXReaderTests.pythonAvailable
    }

    /// openpyxl checks styles, frozen pane, validations and formulas, then fills three rows;
    /// LibreOffice converts the template to CSV (no repair needed) and saves the filled file,
    /// recalculating the formulas: the reader finds three operations and cached values that
    /// agree with its own synthesis.
    @Test(.enabled(if: libreOfficeAvailable, "needs LibreOffice Calc and openpyxl (installed by .ci/run)"))
    func libreOfficeRoundTrip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let template = dir.appendingPathComponent("template.xlsx")
        try Self.template().write(to: template)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "template_roundtrip.py")
        let (status, output) = try ExternalTool.run("python3", [script.path, template.path, dir.path, "--libreoffice"])
        try #require(status == 0, "\(output)")

        for (file, label) in [("filled.xlsx", "openpyxl"), ("lo/filled.xlsx", "LibreOffice")] {
            let wb = try XLSXReader().read(try Data(contentsOf: dir.appendingPathComponent(file)))
            let r = ProgrammingTable.read(wb, year: 2024, department: "974", reference: Fixtures.reference)
            #expect(r.errors.isEmpty, "\(label): \(r.errors)")
            #expect(r.operations.map(\.reference) == ["OP-01", "OP-02", "OP-03"], "\(label)")
            #expect(r.synthesis.dwellings == 72 && r.synthesis.loanRequested == Money(cents: 160_000_050), "\(label)")
            if label == "LibreOffice" {
                #expect(
                    r.cachedDifferences.isEmpty,
                    "LibreOffice recalculated the synthesis formulas: \(r.cachedDifferences)")
            } else {
                #expect(
                    !r.cachedDifferences.isEmpty,
                    "openpyxl drops the cached values of formulas: the reader reports them as not calculated")
            }
        }
    }
}
