import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// Use cases of the renovation dossier (issue #12): save a step, choose and accept the AMO,
/// file. `DossierLifecycle` decides; `apply(…)` turns its effects (`effects(…)`) into one
/// `LifecycleWrite` that `LifecycleWriter` applies with the new answers in one transaction,
/// checking the version read with the form (a concurrent change is `ChangedMeanwhile`, never a
/// silent overwrite).
/// Dependencies are explicit (issue #10): no `Application`, no views.
struct DossierService: Sendable {
    let db: Database
    let clock: AppClock
    let notifier: Notifier
    let reference: ReferenceData
    let parameters: ParametersService

    /// Who acts: the person, and for whom when an AMO acts for the beneficiary
    /// (« AMO X pour le compte de Y »).
    struct Actor: Sendable {
        let audit: AuditService.Actor
        let userID: UserID
        let onBehalfOf: String?
    }

    /// A refused change: a form's problems, or the lifecycle's refusal.
    enum Refusal: Error, Sendable {
        case form([FieldProblem])
        case lifecycle(DossierRefusal)
    }

    /// Applies `change` to the answers read under the row lock at `version` and records the step.
    func save(
        _ step: DossierStep, dossier id: DossierID, version: Int, by actor: Actor,
        change: @escaping @Sendable (inout DossierAnswers) -> [FieldProblem]
    ) async throws -> Result<DossierRecord, Refusal> {
        let now = clock.now()
        return try await db.write(refusable: { tx -> Result<DossierRecord, Refusal> in
            let d = try await locked(id, at: version, on: tx)
            // A dossier that may not change says so before its form is read.
            if case .failure(let refusal) = DossierLifecycle.transition(d.state, .save(step), mandate: d.mandate) {
                return .failure(.lifecycle(refusal))
            }
            var answers = d.answers
            let problems = change(&answers)
            if !problems.isEmpty { return .failure(.form(problems)) }
            return try await apply(.save(step), to: d, version: version, answers: answers, now: now, by: actor, on: tx)
        })
    }

    /// The dossier under its row lock, as the form read it at `version`: another change since is
    /// refused as such (`ChangedMeanwhile`) before anything else is read.
    func locked(_ id: DossierID, at version: Int, on tx: Database) async throws -> DossierRecord {
        guard let d = try await DossierStore().locked(id: id, on: tx), d.version == version else {
            throw ChangedMeanwhile(subjectKind: DossierRecord.subjectKind, id: id.rawValue)
        }
        return d
    }

    /// Decides `event` on the dossier and applies its effects, in the caller's transaction; the
    /// jobs it enqueued are started by the caller once the transaction commits.
    func apply(
        _ event: DossierEvent, to d: DossierRecord, version: Int, answers: DossierAnswers? = nil, now: Date,
        by actor: Actor, extraColumns: [TransitionStore.Column] = [], jobs: JobsBox? = nil, on tx: Database
    ) async throws -> Result<DossierRecord, Refusal> {
        switch DossierLifecycle.transition(d.state, event, mandate: d.mandate) {
        case .failure(let refusal): return .failure(.lifecycle(refusal))
        case .success(let t):
            let subject = LifecycleSubject(
                table: d.subject.table, kind: d.subject.kind, id: d.id.rawValue, version: version)
            var write = LifecycleWrite(subject: subject, from: d.state.rawValue, to: t.state.rawValue)
            write.columns = try DossierStore.columns(for: answers ?? d.answers, of: d, now: now) + extraColumns
            try await effects(t.effects, of: d, into: &write, on: tx)
            let enqueued = try await LifecycleWriter(clock: clock, notifier: notifier).apply(
                write, by: actor.audit, onBehalfOf: actor.onBehalfOf, on: tx)
            jobs?.append(enqueued)
            guard let updated = try await DossierStore().find(id: d.id, on: tx) else {
                throw ChangedMeanwhile(subjectKind: DossierRecord.subjectKind, id: d.id.rawValue)
            }
            return .success(updated)
        }
    }

    /// The effects as lines of the write.
    func effects(
        _ effects: [DossierEffect], of d: DossierRecord, into w: inout LifecycleWrite, on tx: Database
    ) async throws {
        for effect in effects {
            switch effect {
            case .history(let text): w.history.append(text)
            case .audit(let action): w.audit.append(.init(action: action, detail: d.reference))
            case .setMandate(let m):
                w.columns.append(.init("mandate", m.rawValue))
                if m == .none { w.columns.append(.init("amo_id", Optional<OrganisationID>.none)) }
            case .mandateRequestEmail:
                w.emails += try await mandateRequest(d, on: tx)
            case .acknowledgementEmails:
                w.emails += try await acknowledgements(d, on: tx)
            case .receipt:
                w.jobs.append(.init(kind: .dossierReceipt, payload: d.id.uuidString))
            case .storeDecision:
                continue  // the columns come from `file`, which holds the evaluation
            }
        }
    }

    /// The e-mails telling an AMO's members that a beneficiary asks for its mandate.
    func mandateRequest(_ d: DossierRecord, on tx: Database) async throws -> [LifecycleWrite.Email] {
        let body = """
            Bonjour,

            \(d.beneficiaryName) vous choisit comme AMO pour son dossier d'aide à la rénovation énergétique \
            \(d.reference).
            Acceptez le mandat depuis le dossier : \(notifier.link("/dossiers/\(d.id.uuidString)/amo"))
            """
        return try await members(of: d.amoID, on: tx).map {
            .init(to: $0.email, subject: "Demande de mandat – dossier \(d.reference)", body: body)
        }
    }

    /// The members of an AMO organisation (the e-mails of a mandate).
    func members(of amo: OrganisationID?, on tx: Database) async throws -> [UserRecord] {
        guard let amo else { return [] }
        return try await UserStore().members(of: amo, role: .amo, on: tx)
    }

    /// Who a dossier's news goes to: its beneficiary and, with `amo`, the members of the AMO it
    /// has mandated (filing, instruction, reminders, messages).
    static func participants(_ d: DossierRecord, amo: Bool = true, on tx: Database) async throws -> [UserRecord] {
        var people: [UserRecord] = []
        if let beneficiary = try await UserStore().find(id: d.beneficiaryID, on: tx) { people.append(beneficiary) }
        if amo, d.mandate == .accepted, let organisation = d.amoID {
            people += try await UserStore().members(of: organisation, role: .amo, on: tx)
        }
        return people
    }
}

/// The jobs a transaction enqueued, to start once it commits.
final class JobsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [JobID] = []
    func append(_ more: [JobID]) { lock.withLock { ids += more } }
    var all: [JobID] { lock.withLock { ids } }
}
