import Crypto
import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// The jobs of a decision (issue #13): the agreement made on validation, which then awaits the
/// beneficiary's signature, and the refusal letter. Each is made once: a retry finds it made.
struct AgreementJobs: Sendable {
    let dossiers: DossierService
    let instruction: InstructionService
    let files: FileStore

    var db: Database { dossiers.db }
    var clock: AppClock { dossiers.clock }

    /// The agreement PDF of a validated dossier, stored, its signature opened on its hash; the
    /// dossier then moves to « en attente de signature » (`agreementReady`), which e-mails.
    func makeAgreement(of id: DossierID) async throws {
        guard let d = try await DossierStore().find(id: id, on: db), d.state == .validated,
            let filedAt = d.filedAt
        else { return }
        // A retry after a stop keeps the agreement already made: its hash is the one signed.
        if let made = try await InstructionStore().find(id, on: db)?.agreementFileID,
            let stored = try await files.get(id: made, on: db)
        {
            if try await SignatureStore().find(id, on: db) == nil {
                try await SignatureStore().open(id, agreementSHA256: stored.sha256, on: db)
            }
        } else {
            let pdf = try await agreement(d, filedAt: filedAt)
            let sha = SHA256.hash(data: pdf).hex
            try await db.write { tx in
                // Under the dossier's lock: two workers make one agreement, and one signature row.
                _ = try await DossierStore().locked(id: id, on: tx)
                guard try await InstructionStore().find(id, on: tx)?.agreementFileID == nil else { return }
                let file = try await files.put(
                    name: "convention-\(d.reference).pdf", contentType: "application/pdf", sha256: sha, data: pdf,
                    now: clock.now(), on: tx)
                try await InstructionStore().setFile(.agreement, file, of: id, on: tx)
                try await SignatureStore().open(id, agreementSHA256: sha, on: tx)
            }
        }
        let system = DossierService.Actor(audit: .system, userID: d.beneficiaryID, onBehalfOf: nil)
        _ = try await instruction.decide(.agreementReady, dossier: id, version: d.version, by: system, as: .system)
    }

    func agreement(_ d: DossierRecord, filedAt: Date) async throws -> Data {
        let e = try await dossiers.evaluate(d, on: Day(instant: filedAt, in: AppClock.paris))
        let civil = try await CivilStatusStore().find(user: d.beneficiaryID, on: db)
        let amo = try await d.amoID.asyncFlatMap { try await OrganisationStore().find(id: $0, on: db) }
        var document = AgreementDocument(
            reference: d.reference, beneficiary: d.beneficiaryName, answers: d.answers, simulation: e.simulation,
            civilStatus: civil, amo: amo?.name, filedAt: filedAt, madeAt: clock.now())
        document.documents = e.required.compactMap { r in
            e.documents[r.key].map { ("\(r.holderLabel) – \(r.kind.french)", $0.fileName, $0.sha256) }
        }
        return document.render()
    }

    /// The refusal letter: the reasons given (the refusal's motive in the history), stored with
    /// the dossier.
    func makeRefusalLetter(of id: DossierID) async throws {
        guard let d = try await DossierStore().find(id: id, on: db), d.state == .refused,
            try await InstructionStore().find(id, on: db)?.refusalFileID == nil
        else { return }
        let refusal = try await TransitionStore.history(kind: DossierRecord.subjectKind, id: id.rawValue, on: db)
            .last { $0.toState == DossierState.refused.rawValue }
        let reasons = (refusal?.motive ?? "").components(separatedBy: " ; ")
        let today = AppClock.parisFormatter("dd/MM/yyyy").string(from: clock.now())
        let pdf = PDFWriter(
            title: "Refus – dossier \(d.reference)", footer: "Action Logement – dossier \(d.reference)"
        ).render(
            [
                .title("Décision de refus"),
                .field("Dossier", d.reference), .field("Bénéficiaire", d.beneficiaryName), .field("Date", today),
                .paragraph(
                    "Après instruction, Action Logement ne peut pas accorder l'aide à la rénovation énergétique "
                        + "demandée, pour les motifs suivants :"),
            ] + reasons.map { .paragraph("– \($0)") } + [
                .paragraph(
                    "Vous pouvez présenter vos observations ou un recours gracieux dans un délai de deux mois à "
                        + "compter de la réception de cette lettre, en répondant depuis votre dossier sur le Guichet."),
                .paragraph("Action Logement Services – service d'instruction des aides à la rénovation énergétique"),
            ])
        try await db.write { tx in
            let file = try await files.put(
                name: "refus-\(d.reference).pdf", contentType: "application/pdf", sha256: SHA256.hash(data: pdf).hex,
                data: pdf, now: clock.now(), on: tx)
            try await InstructionStore().setFile(.refusal, file, of: id, on: tx)
        }
    }
}
