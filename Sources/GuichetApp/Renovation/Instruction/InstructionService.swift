import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// Instruction of a filed dossier (issue #13): `DossierLifecycle.instruct` decides; this service
/// turns its effects into one `LifecycleWrite` (history with the motive, audit, e-mails to the
/// beneficiary and the AMO's members, the first validation's column, the agreement's or refusal
/// letter's job) that `LifecycleWriter` applies with the state change in one transaction, at the
/// version the page was read with.
struct InstructionService: Sendable {
    let db: Database
    let clock: AppClock
    let notifier: Notifier
    /// Above this amount (subsidy and loan), a validation needs a second instructor.
    let fourEyesAbove: Money

    typealias Outcome = (Result<DossierRecord, InstructionRefusal>, [JobID])

    func decide(
        _ event: InstructionEvent, dossier id: DossierID, version: Int, by actor: DossierService.Actor,
        as who: DossierActor
    ) async throws -> Outcome {
        let jobs = JobsBox()
        let result = try await db.write(refusable: { tx -> Result<DossierRecord, InstructionRefusal> in
            guard let d = try await DossierStore().locked(id: id, on: tx), d.version == version else {
                throw ChangedMeanwhile(subjectKind: DossierRecord.subjectKind, id: id.rawValue)
            }
            return try await apply(event, to: d, by: actor, as: who, jobs: jobs, on: tx)
        })
        return (result, jobs.all)
    }

    /// Decides `event` on the dossier read under its lock and applies it, in the caller's transaction.
    func apply(
        _ event: InstructionEvent, to d: DossierRecord, by actor: DossierService.Actor, as who: DossierActor,
        jobs: JobsBox, on tx: Database
    ) async throws -> Result<DossierRecord, InstructionRefusal> {
        guard let instruction = try await InstructionStore().find(d.id, on: tx) else {
            throw ChangedMeanwhile(subjectKind: DossierRecord.subjectKind, id: d.id.rawValue)
        }
        let facts = InstructionFacts(
            actor: who, amount: instruction.granted ?? .zero, fourEyesAbove: fourEyesAbove,
            pendingValidation: instruction.firstValidationBy)
        switch DossierLifecycle.instruct(d.state, event, facts) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let t):
            var write = LifecycleWrite(subject: d.subject, from: d.state.rawValue, to: t.state.rawValue)
            write.columns = [.init("updated_at", clock.now())]
            write.motive = Self.motive(event)
            try await effects(t.effects, of: d, into: &write, on: tx)
            jobs.append(
                try await LifecycleWriter(clock: clock, notifier: notifier).apply(
                    write, by: actor.audit, onBehalfOf: actor.onBehalfOf, on: tx))
            guard let updated = try await DossierStore().find(id: d.id, on: tx) else {
                throw ChangedMeanwhile(subjectKind: DossierRecord.subjectKind, id: d.id.rawValue)
            }
            return .success(updated)
        }
    }

    /// The reasons of a sending back, a refusal or a cancellation, kept as the history's motive.
    static func motive(_ event: InstructionEvent) -> String? {
        switch event {
        case .sendBack(let items), .refuse(let items): DossierLifecycle.listed(items).joined(separator: " ; ")
        case .cancel(let reason): reason.trimmingCharacters(in: .whitespacesAndNewlines)
        default: nil
        }
    }

    func effects(
        _ effects: [InstructionEffect], of d: DossierRecord, into w: inout LifecycleWrite, on tx: Database
    ) async throws {
        for effect in effects {
            switch effect {
            case .history(let text): w.history.append(text)
            case .audit(let action): w.audit.append(.init(action: action, detail: "\(d.reference) \(w.motive ?? "")"))
            case .notify(let notice): w.emails += try await emails(notice, about: d, on: tx)
            case .recordFirstValidation(let by): w.columns.append(.init("first_validation_by", by.rawValue))
            case .clearFirstValidation: w.columns.append(.init("first_validation_by", Optional<UUID>.none))
            case .generateAgreement: w.jobs.append(.init(kind: .dossierAgreement, payload: d.id.uuidString))
            case .refusalLetter: w.jobs.append(.init(kind: .refusalLetter, payload: d.id.uuidString))
            case .freezeCompanies:
                w.history.append("Entreprises de travaux figées : elles ne peuvent plus changer (RENO-C).")
            }
        }
    }

    /// The e-mails of a notice: the beneficiary and, when mandated, the AMO's members.
    func emails(
        _ notice: DossierNotice, about d: DossierRecord, on tx: Database
    ) async throws
        -> [LifecycleWrite.Email]
    {
        let (subject, text) = Self.words(notice, d)
        let body = "Bonjour,\n\n\(text)\n\nLe dossier : \(notifier.link("/dossiers/\(d.id.uuidString)"))"
        return try await DossierService.participants(d, on: tx).map(\.email).map {
            .init(to: $0, subject: "Dossier \(d.reference) : \(subject)", body: body)
        }
    }

    static func words(_ notice: DossierNotice, _ d: DossierRecord) -> (String, String) {
        let dossier = "Le dossier d'aide à la rénovation énergétique \(d.reference) de \(d.beneficiaryName)"
        switch notice {
        case .inInstruction:
            return ("en instruction", "\(dossier) est en cours d'instruction par Action Logement.")
        case .sentBack(let items):
            return (
                "à corriger",
                "\(dossier) vous est renvoyé pour correction. À corriger :\n"
                    + items.map { "- \($0)" }.joined(separator: "\n")
                    + "\n\nCorrigez le dossier puis déposez-le à nouveau."
            )
        case .validated:
            return ("validé", "\(dossier) est validé. La convention est en préparation.")
        case .awaitingSignature:
            return (
                "convention à signer",
                "La convention de subventionnement du dossier \(d.reference) est prête. Le bénéficiaire, et lui "
                    + "seul, la lit et la signe en ligne par un code à usage unique (l'AMO n'a pas de délégation de "
                    + "signature)."
            )
        case .signed:
            return (
                "convention signée",
                "La convention du dossier \(d.reference) est signée. Les entreprises ne "
                    + "peuvent plus changer ; les versements suivront les factures."
            )
        case .refused(let reasons):
            return (
                "refusé",
                "\(dossier) est refusé pour les motifs suivants :\n" + reasons.map { "- \($0)" }.joined(separator: "\n")
                    + "\n\nLa lettre de refus (PDF) est disponible sur le dossier."
            )
        case .cancelled(let reason):
            return ("annulé", "\(dossier) est annulé : \(reason)")
        }
    }
}
