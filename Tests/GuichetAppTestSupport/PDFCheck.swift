import Foundation

/// `qpdf --check` on a generated PDF (issue #13: every PDF the platform makes passes it). CI
/// installs qpdf and sets `GUICHET_REQUIRE_PDF_TOOLS=1`; elsewhere a missing qpdf skips the check.
public enum PDFCheck {
    public static var required: Bool { ProcessInfo.processInfo.environment["GUICHET_REQUIRE_PDF_TOOLS"] == "1" }

    /// nil when qpdf accepts the file (or is absent and not required); otherwise what it said.
    public static func qpdfProblem(_ data: Data) -> String? {
        guard let output = run("qpdf", ["--check"], on: data) else { return nil }
        return output.contains("No syntax or stream encoding errors") ? nil : output
    }
}

extension PDFCheck {
    /// What `tool args… FILE` printed for `data`, or nil when the tool is absent and not required.
    public static func run(_ tool: String, _ arguments: [String], on data: Data) -> String? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            try data.write(to: url)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [tool] + arguments + [url.path]
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            if p.terminationStatus == 127 { return required ? "\(tool) absent" : nil }
            return output
        } catch {
            return required ? "\(tool): \(error)" : nil
        }
    }

    /// pyHanko's verdict on the first signature: integrity, validity and coverage.
    public static let pyHankoScript = """
        import sys
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import validate_pdf_signature
        st = validate_pdf_signature(PdfFileReader(open(sys.argv[1], 'rb')).embedded_signatures[0])
        print('intact', st.intact, 'valid', st.valid, 'coverage', st.coverage.name)
        """
}
