import Crypto
import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// The PDF receipt of a filed dossier (`RENO-S` « deposé »): the answers, the documents with their
/// SHA-256, the plan and the rule trace with the parameter version, as decided at filing.
struct DossierReceipt {
    let evaluation: DossierEvaluation
    let filedAt: Date

    func render() -> Data {
        let d = evaluation.dossier
        let a = d.answers
        let paris = AppClock.parisFormatter("dd/MM/yyyy 'à' HH:mm")
        var blocks: [PDFWriter.Block] = [
            .title("Accusé de réception – dossier \(d.reference)"),
            .paragraph(
                "Action Logement accuse réception du dossier d'aide à la rénovation énergétique ci-dessous. Ce "
                    + "document atteste la date et le contenu du dépôt ; il ne vaut pas décision d'attribution."),
            .heading("Dossier"),
            .field("Référence", d.reference),
            .field("Bénéficiaire", d.beneficiaryName),
            .field("Déposé le", "\(paris.string(from: filedAt)) (heure de Paris)"),
            .field("Statut du demandeur", a.applicant.kind.map(Self.kind) ?? "—"),
            .field("Logement", [a.dwelling.address, a.dwelling.postalCode].compactMap { $0 }.joined(separator: ", ")),
            .heading("Pièces justificatives"),
        ]
        for r in evaluation.required {
            let doc = evaluation.documents[r.key]
            blocks.append(
                .field("\(r.holderLabel) – \(r.kind.french)", doc.map { "\($0.fileName), SHA-256 \($0.sha256)" } ?? "—")
            )
        }
        blocks += plan()
        blocks.append(.heading("Décision d'éligibilité (paramètres \(evaluation.simulation.parametersVersion))"))
        for c in evaluation.simulation.eligibility.criteria + evaluation.storedCriteria {
            blocks.append(.paragraph("\(c.rule.rawValue) – \(Self.status(c.status)) : \(c.message)"))
        }
        return PDFWriter(
            title: "Accusé de réception – dossier \(d.reference)",
            footer: "Guichet Action Logement – accusé de réception du dossier \(d.reference)"
        ).render(blocks)
    }

    func plan() -> [PDFWriter.Block] {
        guard let p = evaluation.simulation.financing else { return [] }
        var blocks: [PDFWriter.Block] = [
            .heading("Plan de financement"),
            .field("Frais d'AMO pris en charge (cas \(p.amoCase))", p.amoGranted.formatted()),
        ]
        for c in p.companies { blocks.append(.field("Travaux – \(c.name) (\(c.siret))", c.granted.formatted())) }
        blocks += [
            .field("Autres frais pris en charge", p.otherFeesGranted.formatted()),
            .field("Subvention Action Logement", p.subsidy.formatted()),
            .field("Reste à charge", p.remainingCost.formatted()),
        ]
        if let loan = p.loan {
            blocks.append(
                .field(
                    "Prêt",
                    "\(loan.amount.formatted()) sur \(loan.months) mois, mensualité "
                        + "\(loan.monthlyInstalment.formatted())"
                ))
        }
        return blocks
    }

    static func kind(_ k: ApplicantKind) -> String {
        switch k {
        case .ownerOccupier: "Propriétaire occupant"
        case .landlord: "Propriétaire bailleur"
        case .sci: "SCI"
        }
    }

    static func status(_ s: CriterionStatus) -> String { s.french }
}

extension DossierService {
    /// The receipt job: made once (a retry finds it made), stored with the dossier.
    func makeReceipt(of id: DossierID, files: FileStore) async throws {
        guard let d = try await DossierStore().find(id: id, on: db), d.receiptFileID == nil, let filedAt = d.filedAt
        else { return }
        let e = try await evaluate(d, on: Day(instant: filedAt, in: AppClock.paris))
        let pdf = DossierReceipt(evaluation: e, filedAt: filedAt).render()
        try await db.write { tx in
            let file = try await files.put(
                name: "accuse-reception-\(d.reference).pdf", contentType: "application/pdf",
                sha256: SHA256.hash(data: pdf).hex, data: pdf, now: clock.now(), on: tx)
            try await DossierStore().setReceipt(file, of: id, on: tx)
        }
    }
}
