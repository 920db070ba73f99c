import Foundation
import GuichetFormats

/// The evidence file laid out for staff (issue #13): what was signed, with which certificate,
/// and every step with its time (Europe/Paris), IP address and browser.
enum SignatureEvidencePDF {
    static func render(_ e: SignatureEvidence, jsonSHA256: String) -> Data {
        let paris = AppClock.parisFormatter("dd/MM/yyyy HH:mm:ss")
        var blocks: [PDFWriter.Block] = [
            .title("Fichier de preuve de la signature – dossier \(e.dossier)"),
            .field("Dossier", e.dossier), .field("Signataire", e.beneficiary),
            .field("SHA-256 de la convention lue", e.agreementSHA256),
            .field("SHA-256 de la convention signée", e.signedSHA256),
            .field("Certificat de la plateforme", e.certificate),
            .field("Empreinte du certificat", e.certificateSHA256),
            .field("SHA-256 de cette preuve (JSON)", jsonSHA256),
            .paragraph(
                "L'empreinte de la preuve est inscrite au journal d'audit, dont chaque entrée est chaînée à la "
                    + "précédente : toute modification de la preuve ou du journal se voit."),
            .heading("Étapes"),
        ]
        blocks.append(
            .table(
                header: ["Étape", "Date et heure (Paris)", "Adresse IP", "Navigateur"],
                rows: e.events.map {
                    [
                        "\($0.kind.french) – \($0.detail)", paris.string(from: $0.at), $0.ip,
                        String($0.userAgent.prefix(80)),
                    ]
                }))
        return PDFWriter(title: "Preuve de signature – \(e.dossier)", footer: "Preuve de signature – \(e.dossier)")
            .render(blocks)
    }
}
