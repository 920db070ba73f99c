import Foundation
import GuichetFormats
import Vapor

/// `guichet convention verify FICHIER.pdf` (issue #13): checks the signature of a signed
/// agreement — the byte range covers the whole file, the CMS signature matches those bytes and
/// the certificate it carries — and says who signed, when, and whether the certificate is this
/// platform's. Exit code 0 when valid, 1 otherwise.
struct ConventionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify") var action: String
        @Argument(name: "file", help: "Convention signée (PDF)") var file: String
        init() {}
    }
    var help: String { "Vérifie la signature d'une convention signée (convention verify FICHIER.pdf)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            throw CommandExit.failing("Usage : guichet convention verify FICHIER.pdf", code: 2)
        }
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandExit.failing("Fichier illisible : \(signature.file)", code: 2)
        }
        let platform = await context.application.agreementSigningKey.existing()
        let report = await PDFSignatureVerifier.verify(data, trusted: nil)
        let paris = AppClock.parisFormatter("dd/MM/yyyy 'à' HH:mm:ss")
        print("Fichier : \(signature.file) (\(data.count) octets)")
        print("Signataire (certificat) : \(report.signer ?? "—")")
        print("Signé le : \(report.signingTime.map { paris.string(from: $0) + " (heure de Paris)" } ?? "—")")
        print("Empreinte du certificat : \(report.certificateFingerprint ?? "—")")
        print("Couvre tout le document : \(report.coversWholeFile ? "oui" : "non")")
        if let platform {
            let ours = report.certificateFingerprint == platform.fingerprint
            print("Certificat de cette plateforme : \(ours ? "oui" : "non")")
        }
        guard report.isValid else {
            throw CommandExit.failing("Signature NON valide : " + report.problems.joined(separator: " ; "), code: 1)
        }
        print("Signature valide.")
    }
}
