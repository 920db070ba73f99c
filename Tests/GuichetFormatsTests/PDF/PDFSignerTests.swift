import Foundation
import Testing

@testable import GuichetFormats

/// Issue #13: the agreement's PAdES signature, checked by our verifier and, where installed (CI
/// installs them), by qpdf, poppler's pdfsig and pyHanko; a rendered page is looked at as pixels.
@Suite struct PDFSignerTests {
    static let identity: SigningIdentity = {
        do { return try SigningIdentity.generate(now: Date()) } catch { fatalError("test identity: \(error)") }
    }()

    static let signature = PDFSigner.Signature(
        signer: "Claire Martin (bénéficiaire)", signedAtText: "02/12/2026 à 10:42 (heure de Paris)",
        pdfDate: "D:20261202104200+01'00'", signedAt: Date(timeIntervalSince1970: 1_796_204_520),
        reason: "Convention de subventionnement RENO-2026-000001",
        details: ["Code à usage unique envoyé par SMS au 06 •• •• •• 78 et saisi à 10:41."])

    static func signed(paragraphs: Int = 60) throws -> (original: Data, signed: Data) {
        let original = PDFWriterTests.sample(paragraphs: paragraphs)
        return (original, try PDFSigner(identity: identity).sign(original, signature))
    }

    @Test func anIncrementalUpdateKeepsTheOriginalAndVerifies() async throws {
        let (original, signed) = try Self.signed()
        if let dir = ProcessInfo.processInfo.environment["GUICHET_KEEP_SIGNED"] {
            try signed.write(to: URL(fileURLWithPath: dir + "/signed.pdf"))
        }
        #expect(signed.prefix(original.count) == original, "the document read is a prefix of the signed one")
        let text = String(decoding: signed, as: UTF8.self)
        #expect(text.contains("/SubFilter /adbe.pkcs7.detached"))
        #expect(text.contains("/Prev "))
        let report = await PDFSignatureVerifier.verify(signed, trusted: Self.identity)
        #expect(report.isValid, "\(report.problems)")
        #expect(report.coversWholeFile)
        #expect(report.signer?.contains("Guichet Action Logement") == true)
        #expect(report.signingTime == Self.signature.signedAt)
        #expect(report.signedRevisionLength == original.count)
        #expect(report.certificateFingerprint == Self.identity.fingerprint)
    }

    @Test func aChangedByteOrAnotherCertificateIsRefused() async throws {
        let (_, signed) = try Self.signed()
        var tampered = Array(signed)
        let at = try #require(tampered.firstRange(of: Array("1 200 000,50".utf8))).lowerBound
        tampered[at] = UInt8(ascii: "9")
        let report = await PDFSignatureVerifier.verify(Data(tampered))
        #expect(!report.isValid)
        let other = try SigningIdentity.generate(now: Date())
        let foreign = await PDFSignatureVerifier.verify(signed, trusted: other)
        #expect(foreign.problems.contains { $0.contains("autre certificat") })
        let unsigned = await PDFSignatureVerifier.verify(PDFWriterTests.sample())
        #expect(unsigned.problems == ["aucune signature (/ByteRange) trouvée"])
        for garbage in [Data(), Data("%PDF /ByteRange [0 5 2 1]".utf8), Data(repeating: 0x2F, count: 3000)] {
            #expect(!(await PDFSignatureVerifier.verify(garbage)).isValid)
        }
        #expect(throws: PDFFile.Unreadable.self) {
            try PDFSigner(identity: Self.identity).sign(Data("%PDF".utf8), Self.signature)
        }
    }

    @Test func anIdentityRoundTripsThroughPEM() throws {
        let (certificate, key) = try Self.identity.pem()
        let read = try SigningIdentity(certificatePEM: certificate, keyPEM: key)
        #expect(read.certificate == Self.identity.certificate)
        let other = try SigningIdentity.generate(now: Date()).pem()
        #expect(throws: SigningIdentity.IdentityMismatch.self) {
            try SigningIdentity(certificatePEM: certificate, keyPEM: other.key)
        }
    }

    static var require: Bool { ProcessInfo.processInfo.environment["GUICHET_REQUIRE_PDF_TOOLS"] == "1" }
    static var popplerAvailable: Bool { require || ExternalTool.available("pdfsig", "-v") }
    static var qpdfAvailable: Bool { require || ExternalTool.available("qpdf", "--version") }
    static var pyhankoAvailable: Bool { require || ExternalTool.available("python3", "-c", "import pyhanko") }

    static func file(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("signed-\(UUID().uuidString).pdf")
        try data.write(to: url)
        return url
    }

    @Test(.enabled(if: qpdfAvailable && popplerAvailable, "needs qpdf and poppler-utils (installed by .ci/run)"))
    func qpdfAndPdfsigAcceptIt() throws {
        let url = try Self.file(try Self.signed().signed)
        defer { try? FileManager.default.removeItem(at: url) }
        let (qpdf, qpdfOut) = try ExternalTool.run("qpdf", ["--check", url.path])
        #expect(qpdf == 0, "\(qpdfOut)")
        #expect(qpdfOut.contains("No syntax or stream encoding errors"))
        let (_, sig) = try ExternalTool.run("pdfsig", [url.path])
        #expect(sig.contains("Signature is Valid"), "\(sig)")
        #expect(sig.contains("adbe.pkcs7.detached"), "\(sig)")
    }

    @Test(.enabled(if: pyhankoAvailable, "needs python3 with pyhanko (installed by .ci/run)"))
    func pyHankoFindsItIntactAndCoveringTheWholeFile() throws {
        let url = try Self.file(try Self.signed().signed)
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
            import sys
            from pyhanko.pdf_utils.reader import PdfFileReader
            from pyhanko.sign.validation import validate_pdf_signature
            from pyhanko.sign.validation.status import SignatureCoverageLevel
            r = PdfFileReader(open(sys.argv[1], 'rb'))
            s = r.embedded_signatures[0]
            st = validate_pdf_signature(s)
            print('intact', st.intact, 'valid', st.valid, 'coverage', st.coverage.name)
            sys.exit(0 if st.intact and st.valid and st.coverage == SignatureCoverageLevel.ENTIRE_FILE else 1)
            """
        let (status, out) = try ExternalTool.run("python3", ["-c", script, url.path])
        #expect(status == 0, "\(out)")
        #expect(out.contains("intact True valid True coverage ENTIRE_FILE"), "\(out)")
    }

    /// The signature page drawn (pdftoppm, grey levels): ink on the page, in its upper part.
    @Test(.enabled(if: popplerAvailable, "needs poppler-utils (installed by .ci/run)"))
    func theSignaturePageRendersWithInk() throws {
        let url = try Self.file(try Self.signed(paragraphs: 3).signed)
        defer { try? FileManager.default.removeItem(at: url) }
        let out = url.deletingPathExtension().path
        let (status, text) = try ExternalTool.run(
            "pdftoppm", ["-gray", "-r", "40", "-f", "2", "-l", "2", url.path, out])
        #expect(status == 0, "\(text)")
        let pgm = try #require(
            try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
                .first { $0.hasPrefix(url.deletingPathExtension().lastPathComponent) && $0.hasSuffix(".pgm") })
        let image = FileManager.default.temporaryDirectory.appendingPathComponent(pgm)
        defer { try? FileManager.default.removeItem(at: image) }
        let pixels = Array(try Data(contentsOf: image))
        let dark = pixels.suffix(331 * 468).filter { $0 < 128 }.count
        #expect(dark > 300, "the signature page has text (\(dark) dark pixels)")
    }
}

extension PDFSignerTests {
    /// The signed file read through its revisions: the original pages and the signature page.
    @Test func theSignedFileIsReadThroughItsRevisions() throws {
        let (original, signed) = try Self.signed(paragraphs: 3)
        let before = try PDFText.pages(original)
        let after = try PDFText.pages(signed)
        #expect(after.count == before.count + 1)
        #expect(after.last?.contains { $0.text == "Signature électronique" && $0.bold } == true)
        #expect(after.first == before.first)
        #expect(before.first?.contains { $0.text.contains("1 200 000,50 €") } == true, "WinAnsi decoded")
    }
}

extension PDFSignerTests {
    /// The reading view of a page: a label with its value, a wrapped paragraph whole, a table row
    /// as its cells, headings apart.
    @Test func aPageReadsAsLabelsParagraphsAndRows() throws {
        let long = String(repeating: "Une phrase assez longue pour passer à la ligne. ", count: 6)
        let pdf = PDFWriter(title: "Essai", footer: "Essai").render([
            .title("Convention"), .field("Montant", "1 200 000,50 €"), .paragraph(long), .paragraph("Seconde."),
            .table(header: ["Poste", "Montant"], rows: [["Travaux", "12 000,00 €"]]), .heading("Article 2"),
        ])
        let lines = PDFText.reading(try PDFText.pages(pdf)[0])
        #expect(lines.map(\.text).contains("Montant : 1 200 000,50 €"))
        #expect(lines.contains { $0.text == long.trimmingCharacters(in: .whitespaces) }, "\(lines.map(\.text))")
        #expect(lines.map(\.text).contains("Seconde."))
        #expect(lines.map(\.text).contains("Travaux · 12 000,00 €"))
        #expect(lines.filter(\.bold).map(\.text) == ["Convention", "Article 2"])
    }
}
