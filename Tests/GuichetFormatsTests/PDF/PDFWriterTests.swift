import Foundation
import Testing

@testable import GuichetFormats

@Suite struct PDFWriterTests {
    static func sample(paragraphs: Int = 3) -> Data {
        var blocks: [PDFWriter.Block] = [
            .title("Accusé de réception"), .field("Montant", "1 200 000,50 €"), .heading("Opérations"),
        ]
        for i in 0..<paragraphs {
            blocks.append(.paragraph("Opération n° \(i) – « Résidence (Les Flamboyants) » \\ œuvre"))
        }
        return PDFWriter(title: "Accusé de réception – AMI DROM 2024 – 974", footer: "Guichet").render(blocks)
    }

    @Test func structureAndOffsets() throws {
        let data = Self.sample()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.4"))
        #expect(text.hasSuffix("%%EOF\n"))
        // Every xref offset points at the start of its object.
        let bytes = [UInt8](data)
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let xrefOffset = try #require(Int(text[startxref.upperBound...].prefix { $0.isNumber }))
        let table = String(decoding: bytes[xrefOffset...], as: UTF8.self).split(separator: "\n")
        let count = try #require(Int(table[1].split(separator: " ")[1]))
        for i in 1..<count {
            let offset = try #require(Int(table[2 + i].prefix(10)))
            #expect(String(decoding: bytes[offset..<offset + 8], as: UTF8.self).hasPrefix("\(i) 0 obj"))
        }
        #expect(PDFWriter.winAnsi("é€’") == [0xE9, 0x80, 0x92])
        #expect(PDFWriter.literal("a(b)\\") == Array("(a\\(b\\)\\\\)".utf8))
        // Issue #11: the title in UTF-16BE, so that « – » is not read as « Œ ».
        #expect(PDFWriter.textString("é–") == Array("<FEFF00E92013>".utf8))
        #expect(text.contains("/Title <FEFF0041006300630075007300E9"))
    }

    @Test func pagesBreak() {
        let text = String(decoding: Self.sample(paragraphs: 200), as: UTF8.self)
        let count = text.components(separatedBy: "/Type /Page ").count - 1
        #expect(count >= 4, "200 paragraphs need several A4 pages")
        #expect(text.contains("/Count \(count) "))
        #expect(text.contains("page \(count) sur \(count)"))
    }

    static var pypdfAvailable: Bool {
        if ProcessInfo.processInfo.environment["GUICHET_REQUIRE_PYTHON_TESTS"] == "1" { return true }
        return ExternalTool.available("python3", "-c", "import pypdf")
    }

    @Test(.enabled(if: pypdfAvailable, "needs python3 with pypdf (installed by .ci/run)"))
    func readByPypdf() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("receipt-\(UUID().uuidString).pdf")
        try Self.sample(paragraphs: 80).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let script =
            "import sys, pypdf; r = pypdf.PdfReader(sys.argv[1], strict=True); print(len(r.pages)); "
            + "print(r.metadata.title); print(''.join(p.extract_text() for p in r.pages))"
        let (status, out) = try ExternalTool.run("python3", ["-c", script, url.path])
        #expect(status == 0, "\(out)")
        #expect(out.contains("Accusé de réception – AMI DROM 2024 – 974\n"), "metadata title read as written")
        #expect(out.contains("1 200 000,50 €"))
        #expect(out.contains("« Résidence (Les Flamboyants) »"))
    }
}
