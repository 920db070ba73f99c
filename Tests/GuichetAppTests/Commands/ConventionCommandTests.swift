import Foundation
import GuichetFormats
import Testing

@testable import GuichetApp

/// `guichet convention verify`: 0 for a valid signature (and whose certificate it is), 1 for a
/// changed file, 2 for a file that cannot be read.
@Suite struct ConventionCommandTests {
    @Test func verifiesASignedAgreement() async throws {
        let identity = try SigningIdentity.generate(now: Date())
        let pdf = PDFWriter(title: "Convention", footer: "Convention").render([
            .title("Convention"), .paragraph("Texte."),
        ])
        let signed = try PDFSigner(identity: identity).sign(
            pdf,
            .init(
                signer: "Claire Martin", signedAtText: "02/12/2026 à 10:42", pdfDate: "D:20261202104200+01'00'",
                signedAt: Date(), reason: "Convention", details: []))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convention-\(UUID().uuidString).pdf")
        try signed.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let ok = await ConventionCommand.run(action: "verify", path: url.path, platform: identity)
        #expect(ok.code == 0)
        #expect(ok.output.contains("Signature valide.") && ok.output.contains("Certificat de cette plateforme : oui"))
        var bytes = Array(signed)
        let at = try #require(bytes.firstRange(of: Array("Texte.".utf8))).lowerBound
        bytes[at] = UInt8(ascii: "t")
        try Data(bytes).write(to: url)
        let changed = await ConventionCommand.run(action: "verify", path: url.path, platform: identity)
        #expect(changed.code == 1)
        #expect(changed.output.contains("Signature NON valide"))
        #expect(await ConventionCommand.run(action: "verify", path: "/nonexistent.pdf", platform: nil).code == 2)
        #expect(await ConventionCommand.run(action: "verifier", path: url.path, platform: nil).code == 2)
    }
}
