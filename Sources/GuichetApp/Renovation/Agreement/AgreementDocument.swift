import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// The *convention de subventionnement* (`RENO-C`, issue #13), and the loan offer with its
/// schedule when a loan is taken, made from the plan validated (the evaluation on the filing
/// date): the parties and their civil status, the dwelling, the works per company, the amounts
/// per line, the payment terms (`RENO-V`), the commitments, the rules and parameter version.
struct AgreementDocument {
    let reference: String
    let beneficiary: String
    let answers: DossierAnswers
    /// The engine's result on the filing date (the plan as validated).
    let simulation: SimulationResult
    let civilStatus: CivilStatus?
    let amo: String?
    let filedAt: Date
    let madeAt: Date
    /// The supporting documents as filed: label, file name, SHA-256 (the annex binds them).
    var documents: [(label: String, file: String, sha256: String)] = []

    func render() -> Data {
        PDFWriter(
            title: "Convention de subventionnement – dossier \(reference)",
            footer: "Convention de subventionnement – dossier \(reference)"
        ).render(blocks())
    }

    func blocks() -> [PDFWriter.Block] {
        var blocks: [PDFWriter.Block] = [
            .title("Convention de subventionnement – aide à la rénovation énergétique"),
            .field("Dossier", reference),
            .field("Établie le", AppClock.parisFormatter("dd/MM/yyyy").string(from: madeAt)),
            .paragraph(
                "Entre Action Logement Services, société par actions simplifiée, 19/21 quai d'Austerlitz, 75013 "
                    + "Paris, ci-après « Action Logement », et le bénéficiaire désigné ci-dessous, il est convenu ce "
                    + "qui suit."),
        ]
        blocks += parties() + dwelling() + financing() + payments() + commitments()
        if let loan = simulation.financing?.loan { blocks += Self.loanOffer(loan) }
        blocks += rules()
        blocks += [
            .heading("Signature"),
            .paragraph(
                "La présente convention est signée électroniquement par le bénéficiaire seul, par un code à usage "
                    + "unique (l'AMO n'a pas de délégation de signature). La page de signature et la signature "
                    + "numérique sont ajoutées au document lors de la signature."),
        ]
        return blocks + AgreementConditions.blocks + annexedDocuments()
    }

    func parties() -> [PDFWriter.Block] {
        let a = answers
        var blocks: [PDFWriter.Block] = [.heading("Article 1 – Les parties")]
        blocks.append(.field("Bénéficiaire", beneficiary))
        if let c = civilStatus {
            blocks.append(.field("Nom de naissance", c.birthName))
            blocks.append(.field("Né(e) le", "\(c.birthDate.french) à \(c.birthTown) (\(c.birthCountry))"))
            if let f = c.familySituation { blocks.append(.field("Situation familiale", f.french)) }
        }
        if let kind = a.applicant.kind { blocks.append(.field("Qualité", DossierReceipt.kind(kind))) }
        if let contact = a.applicant.contact {
            blocks.append(
                .field("Contact", [contact.email, contact.mobile].filter { !$0.isEmpty }.joined(separator: ", ")))
        }
        for co in a.coApplicants {
            blocks.append(
                .field(
                    "Co-demandeur (\(co.relation.french))",
                    "\(co.civilStatus.displayName), né(e) le \(co.civilStatus.birthDate.french) à "
                        + co.civilStatus.birthTown))
        }
        blocks.append(.field("Assistant à maîtrise d'ouvrage", amo ?? "aucun"))
        return blocks
    }

    func dwelling() -> [PDFWriter.Block] {
        let d = answers.dwelling
        return [
            .heading("Article 2 – Le logement"),
            .field("Adresse", [d.address, d.postalCode].compactMap { $0 }.joined(separator: ", ")),
            .field("Commune (code INSEE)", d.insee ?? "—"),
            .field("Résidence principale", d.principalResidence == true ? "oui" : "non"),
        ]
    }

    func financing() -> [PDFWriter.Block] {
        guard let p = simulation.financing else { return [] }
        let euros = { (m: Money) in FrenchFormat.money(m) }
        var rows = p.companies.map { c in
            ["\(c.name) (SIRET \(c.siret))", euros(c.financeableWorks), euros(c.granted), euros(c.depositCap)]
        }
        rows.append(["Frais d'AMO (cas \(p.amoCase))", "", euros(p.amoGranted), "—"])
        rows.append(["Autres frais (maîtrise d'œuvre, assurance, DPE ou audit)", "", euros(p.otherFeesGranted), "—"])
        return [
            .heading("Article 3 – Les travaux et l'aide accordée"),
            .paragraph(
                "Action Logement accorde au bénéficiaire une subvention versée directement aux entreprises de "
                    + "travaux et à l'AMO désignés ci-dessous (paiement à des tiers), dans la limite des montants "
                    + "suivants."),
            .table(
                header: ["Entreprise ou poste", "Travaux finançables", "Aide accordée", "Acompte maximum"], rows: rows),
            .field("Subvention Action Logement", euros(p.subsidy)),
            .field("Coût total de l'opération", euros(p.totalCost)),
            .field("Autres aides déclarées", euros(p.externalAid)),
            .field("Reste à charge du bénéficiaire", euros(p.remainingCost)),
        ]
    }

    func payments() -> [PDFWriter.Block] {
        [
            .heading("Article 4 – Modalités de versement"),
            .paragraph(
                "Chaque entreprise reçoit au plus un acompte, deux factures intermédiaires et une facture finale "
                    + "(RENO-V1). L'acompte ne dépasse pas le montant maximum indiqué à l'article 3, soit 30 % au plus "
                    + "de l'aide accordée à l'entreprise ; il peut être demandé dès la signature, avant le début des "
                    + "travaux (RENO-V2)."),
            .paragraph(
                "Le total versé à une entreprise ne dépasse jamais l'aide qui lui est accordée (RENO-V3). Les "
                    + "factures sont datées de moins de trois mois à leur dépôt et déposées dans l'année qui suit la "
                    + "signature ; la facture finale porte le procès-verbal de fin de travaux signé « Bon pour "
                    + "accord » (RENO-V4)."),
            .paragraph(
                "L'AMO est payé en dernier, une fois les versements de toutes les entreprises terminés, sur une "
                    + "facture au nom du bénéficiaire (RENO-V6)."),
        ]
    }

    func commitments() -> [PDFWriter.Block] {
        var blocks: [PDFWriter.Block] = [
            .heading("Article 5 – Engagements du bénéficiaire"),
            .paragraph(
                "Les certificats d'économies d'énergie (CEE) attachés aux travaux financés sont réservés à Action "
                    + "Logement : le bénéficiaire ne les cède à aucun autre organisme."),
            .paragraph(
                "Les entreprises de travaux désignées ne peuvent plus changer après la signature. Un changement "
                    + "d'entreprise impose l'annulation de la présente convention et le dépôt d'un nouveau dossier."),
        ]
        if answers.applicant.kind?.isLandlord == true {
            blocks.append(
                .paragraph(
                    "Propriétaire bailleur : le bénéficiaire loue le logement à un locataire éligible aux aides "
                        + "d'Action Logement, à titre de résidence principale, pendant la durée prévue par les règles "
                        + "du programme."))
        }
        return blocks
    }

    func rules() -> [PDFWriter.Block] {
        let s = simulation
        let ids = Set((s.eligibility.criteria + (s.financing?.trace ?? [])).map(\.rule.rawValue)).sorted()
        return [
            .heading("Article 7 – Règles et paramètres appliqués"),
            .field("Version des paramètres", s.parametersVersion),
            .field("Date de référence", s.referenceDate.french),
            .field("Déposé le", AppClock.parisFormatter("dd/MM/yyyy 'à' HH:mm").string(from: filedAt)),
            .paragraph("Règles appliquées : " + ids.joined(separator: ", ") + "."),
        ]
    }

    /// The documents the decision rests on, identified by their hash.
    func annexedDocuments() -> [PDFWriter.Block] {
        guard !documents.isEmpty else { return [] }
        return [
            .heading("Annexe – Pièces du dossier déposé"),
            .paragraph(
                "Les pièces ci-dessous, déposées avec le dossier, sont celles sur lesquelles repose la décision ; "
                    + "chacune est identifiée par l'empreinte SHA-256 de son fichier."),
            .table(
                header: ["Pièce", "Fichier", "SHA-256 (début)"],
                rows: documents.map { [$0.label, $0.file, String($0.sha256.prefix(16))] }),
        ]
    }

    /// The loan offer and its schedule, month by month.
    static func loanOffer(_ loan: LoanSchedule) -> [PDFWriter.Block] {
        let euros = { (m: Money) in FrenchFormat.money(m) }
        return [
            .heading("Article 6 – Offre de prêt"),
            .field("Montant prêté", euros(loan.amount)),
            .field("Durée", "\(loan.months) mois, dont \(loan.deferralMonths) mois de différé"),
            .field("Taux annuel", loan.annualRate.frenchPercent),
            .field("Mensualité", euros(loan.monthlyInstalment)),
            .field("Coût total du crédit", euros(loan.totalCostOfCredit)),
            .field("Montant total dû", euros(loan.totalRepaid)),
            .table(
                header: ["Mois", "Échéance", "Intérêts", "Capital", "Capital restant dû"],
                rows: loan.lines.map {
                    ["\($0.month)", euros($0.instalment), euros($0.interest), euros($0.principal), euros($0.remaining)]
                }),
        ]
    }
}
