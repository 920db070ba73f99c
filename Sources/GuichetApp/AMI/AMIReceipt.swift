import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// The PDF receipt of a sent filing (`AMI-X`): who sent what, when (Paris time), the synthesis,
/// the file's fingerprint and the operations read from it.
struct AMIReceipt {
    let campaign: Campaign
    let organisation: OrganisationRecord
    let department: String
    let departmentName: String
    let sentAt: Date
    let sentBy: String
    let filingID: FilingID
    let upload: UploadRecord
    let file: StoredFile
    let synthesis: FilingSynthesis

    func render() -> Data {
        let paris = AppClock.parisFormatter("dd/MM/yyyy 'à' HH:mm:ss")
        var blocks: [PDFWriter.Block] = [
            .title("Accusé de réception – AMI DROM \(campaign.year)"),
            .paragraph(
                "Action Logement accuse réception du dépôt ci-dessous, envoyé sur Guichet. Ce document atteste la "
                    + "date et le contenu de l'envoi ; il ne vaut pas décision de financement."
            ),
            .heading("Dépôt"),
            .field("Bailleur", organisation.name),
            .field("SIREN", organisation.identifier),
            .field("Département", "\(department) \(departmentName)"),
            .field("Envoyé le", "\(paris.string(from: sentAt)) (heure de Paris)"),
            .field("Envoyé par", sentBy),
            .field("Clôture de la campagne", "\(campaign.window.closes.french) (heure de Paris)"),
            .field("Référence du dépôt", filingID.uuidString.lowercased()),
            .heading("Tableau de programmation"),
            .field("Fichier", file.name),
            .field("Empreinte SHA-256", file.sha256),
            .field("Déposé le", "\(paris.string(from: upload.uploadedAt)) (heure de Paris)"),
            .heading("Synthèse confirmée"),
            .field("Opérations", FrenchFormat.integer(synthesis.operations)),
            .field("Logements", FrenchFormat.integer(synthesis.dwellings)),
            .field("Prix de revient total", synthesis.costPrice.formatted()),
            .field("Prêt sollicité total", synthesis.loanRequested.formatted()),
        ]
        if let ops = upload.checkResult?.operations {
            blocks.append(.heading("Opérations (\(ops.count))"))
            for op in ops {
                let ref = op.reference
                let type = op.kind
                let product = op.product ?? "sans produit"
                let dwellings = op.dwellings
                let loan = op.loanRequested
                blocks.append(
                    .paragraph(
                        "\(ref) – \(type), \(product), \(dwellings) logement\(dwellings > 1 ? "s" : ""), prêt "
                            + "sollicité \(loan.formatted())"
                    ))
            }
        }
        return PDFWriter(
            title: "Accusé de réception AMI DROM \(campaign.year) – \(organisation.name) – \(department)",
            footer: "Guichet Action Logement – accusé de réception AMI DROM \(campaign.year)"
        ).render(blocks)
    }
}
