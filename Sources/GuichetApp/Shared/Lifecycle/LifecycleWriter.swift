import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// A transition ready to be stored: the domain's table decided the new state and its effects,
/// the service turned the effects into these lines, and `LifecycleWriter` applies them.
struct LifecycleWrite: Sendable {
    struct Email: Sendable {
        let to: String
        let subject: String
        let body: String
    }

    struct AuditLine: Sendable {
        let action: String
        let detail: String
    }

    struct Job: Sendable {
        let kind: JobKind
        let payload: String
    }

    let subject: LifecycleSubject
    let from: String
    let to: String
    var columns: [TransitionStore.Column] = []
    var history: [String] = []
    var motive: String?
    var audit: [AuditLine] = []
    var emails: [Email] = []
    var jobs: [Job] = []
}

/// The platform's one mechanism for lifecycle transitions (issue #10), used by the AMI filing and
/// the organisations' review today, by the renovation dossier, payments and AMI instruction next.
/// In the caller's transaction, in this order: the conditional update of the state (zero rows:
/// `ChangedMeanwhile`, and the transaction writes nothing), the history lines (who, role, for
/// whom, when, motive), the audit entries, the outbox rows and the jobs; it returns the jobs'
/// identifiers, to start them once the transaction commits.
struct LifecycleWriter: Sendable {
    let clock: AppClock
    let notifier: Notifier

    @discardableResult
    func apply(
        _ write: LifecycleWrite, by actor: AuditService.Actor, onBehalfOf: String? = nil, on tx: Database
    )
        async throws -> [JobID]
    {
        let now = clock.now()
        try await TransitionStore.move(write.subject, from: write.from, to: write.to, columns: write.columns, on: tx)
        let historyActor = HistoryActor(id: actor.id, label: actor.label, role: actor.role, onBehalfOf: onBehalfOf)
        for (position, text) in write.history.enumerated() {
            try await TransitionStore.addHistory(
                write.subject, at: now, actor: historyActor, from: write.from, to: write.to, text: text,
                motive: write.motive, position: position, on: tx)
        }
        let audit = AuditService(clock: clock)
        for line in write.audit {
            try await audit.record(
                line.action, by: actor, object: (write.subject.kind, write.subject.id.uuidString), detail: line.detail,
                on: tx)
        }
        for email in write.emails {
            try await notifier.email(to: email.to, subject: email.subject, body: email.body, on: tx)
        }
        var jobs: [JobID] = []
        for job in write.jobs {
            jobs.append(try await JobStore().enqueue(kind: job.kind.rawValue, payload: job.payload, runAt: now, on: tx))
        }
        return jobs
    }
}

extension ChangedMeanwhile {
    /// What the person sees (a 409 page, or the API's 409 JSON error).
    static let french =
        "Cet élément a été modifié entre-temps par une autre action : rechargez la page pour voir son état actuel."
}
