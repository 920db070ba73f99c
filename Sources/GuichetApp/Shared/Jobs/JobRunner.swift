import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import Logging

/// The kinds of background job the platform runs (issue #10). PDF generation and reminders
/// will join the programming-table check.
enum JobKind: String, CaseIterable, Sendable {
    case checkProgrammingTable = "ami.vérification-tableau"
    case dossierReceipt = "rénovation.accusé-dépôt"
    case dossierAgreement = "rénovation.convention"
    case refusalLetter = "rénovation.lettre-refus"

    var french: String {
        switch self {
        case .checkProgrammingTable: "Vérification d'un tableau de programmation AMI"
        case .dossierReceipt: "Accusé de réception d'un dossier de rénovation"
        case .dossierAgreement: "Convention de subventionnement d'un dossier de rénovation"
        case .refusalLetter: "Lettre de refus d'un dossier de rénovation"
        }
    }
}

/// Runs jobs from the jobs table: the instance that enqueued one starts it at once after its
/// commit; every instance's worker loop picks up what is due (retries, and jobs whose instance
/// stopped). A failure is retried with exponential backoff; after the last attempt the job is
/// `dead`, shown to administrators at `/admin/taches`, who can start it again.
struct JobRunner: Sendable {
    typealias Handler = @Sendable (JobRecord) async throws -> Void

    let db: Database
    let clock: AppClock
    let logger: Logger
    let workerID: String
    let handlers: [JobKind: Handler]
    /// Jobs run before the request returns (tests), rather than in the background.
    let inline: Bool

    /// Long enough for the largest table's check; a stopped worker's job is taken again after it.
    static let lease: TimeInterval = 600

    /// 30 s, 1 min, 2 min… at most one hour.
    static func backoff(afterAttempt attempts: Int) -> TimeInterval {
        min(3600, 30 * Double(1 << min(max(attempts - 1, 0), 10)))
    }

    /// Runs one due job (the given one, or the oldest due). Returns whether one ran.
    @discardableResult
    func runOnce(id: JobID? = nil) async throws -> Bool {
        guard
            let job = try await JobStore().claim(id: id, worker: workerID, now: clock.now(), lease: Self.lease, on: db)
        else { return false }
        do {
            guard let kind = JobKind(rawValue: job.kind), let handler = handlers[kind] else {
                throw UnknownJob(kind: job.kind)
            }
            try await handler(job)
            try await JobStore().complete(id: job.id, worker: workerID, at: clock.now(), on: db)
        } catch {
            let now = clock.now()
            logger.warning("tâche \(job.kind) \(job.id) : tentative \(job.attempts) échouée : \(error)")
            try await JobStore().fail(
                id: job.id, worker: workerID, error: String(describing: error),
                retryAt: now.addingTimeInterval(Self.backoff(afterAttempt: job.attempts)), at: now, on: db)
        }
        return true
    }

    /// Starts `id` now, after the commit that enqueued it: in the background, or inline.
    func start(_ id: JobID) async {
        if inline {
            do { try await runOnce(id: id) } catch { logger.error("tâche \(id) : \(error)") }
            return
        }
        let runner = self
        Task.detached {
            do { try await runner.runOnce(id: id) } catch { runner.logger.error("tâche \(id) : \(error)") }
        }
    }

    struct UnknownJob: Error, CustomStringConvertible {
        let kind: String
        var description: String { "type de tâche inconnu : \(kind)" }
    }
}
