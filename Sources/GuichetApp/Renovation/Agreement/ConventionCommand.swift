import Foundation
import GuichetFormats
import Vapor

/// `guichet convention verify FICHIER.pdf` (issue #13): checks the signature of a signed
/// agreement — the byte range covers the whole file, the CMS signature matches those bytes and
/// the certificate it carries — and says who signed, when, and whether the certificate is this
/// platform's. Exit code 0 when valid, 1 when not, 2 when the file cannot be read.
struct ConventionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify") var action: String
        @Argument(name: "file", help: "Convention signée (PDF)") var file: String
        init() {}
    }
    var help: String { "Vérifie la signature d'une convention signée (convention verify FICHIER.pdf)" }

    struct Outcome: Sendable {
        let code: Int32
        let output: String
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let platform = await context.application.agreementSigningKey.existing()
        let outcome = await Self.run(action: signature.action, path: signature.file, platform: platform)
        guard outcome.code == 0 else { throw CommandExit.failing(outcome.output, code: outcome.code) }
        print(outcome.output)
    }

    static func run(action: String, path: String, platform: SigningIdentity?) async -> Outcome {
        guard action == "verify" else {
            return Outcome(code: 2, output: "Usage : guichet convention verify FICHIER.pdf")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return Outcome(code: 2, output: "Fichier illisible : \(path)")
        }
        let report = await PDFSignatureVerifier.verify(data, trusted: nil)
        let paris = AppClock.parisFormatter("dd/MM/yyyy 'à' HH:mm:ss")
        var lines = [
            "Fichier : \(path) (\(data.count) octets)",
            "Signataire (certificat) : \(report.signer ?? "—")",
            "Signé le : \(report.signingTime.map { paris.string(from: $0) + " (heure de Paris)" } ?? "—")",
            "Empreinte du certificat : \(report.certificateFingerprint ?? "—")",
            "Couvre tout le document : \(report.coversWholeFile ? "oui" : "non")",
        ]
        if let platform {
            let ours = report.certificateFingerprint == platform.fingerprint
            lines.append("Certificat de cette plateforme : \(ours ? "oui" : "non")")
        }
        guard report.isValid else {
            lines.append("Signature NON valide : " + report.problems.joined(separator: " ; "))
            return Outcome(code: 1, output: lines.joined(separator: "\n"))
        }
        lines.append("Signature valide.")
        return Outcome(code: 0, output: lines.joined(separator: "\n"))
    }
}
