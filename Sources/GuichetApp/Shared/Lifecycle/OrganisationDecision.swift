import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// An administrator's decision on an organisation's registration (an AMO request, a landlord),
/// applied through the lifecycle mechanism: the organisation read under its lock, the review
/// table asked (`OrganisationReview`), the decision's columns, history line, motive and audit
/// entry written, and the messages of `.tellMembers` written by `tell`, which knows the kind.
struct OrganisationDecision: Sendable {
    let accept: Bool
    let reason: String
    let adminID: UserID

    /// What `.tellMembers` writes for a kind of organisation (it may also open accounts, in `tx`).
    typealias Tell = @Sendable (_ org: OrganisationRecord, _ tx: any Database) async throws -> [LifecycleWrite.Email]

    /// False when the organisation is unknown, of another kind, or already decided.
    func apply(
        to id: OrganisationID, kind: OrganisationKind, history: String, by actor: AuditService.Actor,
        writer: LifecycleWriter,
        on db: any Database, tell: @escaping Tell
    ) async throws -> Bool {
        let decision = self
        return try await db.write { tx in
            guard let org = try await OrganisationStore().locked(id: id, on: tx), org.kind == kind else { return false }
            let event: OrganisationReview.Event = decision.accept ? .accept : .refuse(reason: decision.reason)
            guard case .success(let transition) = OrganisationReview.transition(org.status, event, kind: org.kind)
            else { return false }
            let motive = decision.reason.isEmpty ? nil : decision.reason
            var write = LifecycleWrite(
                subject: org.subject, from: org.status.rawValue, to: transition.state.rawValue,
                columns: OrganisationStore.decisionColumns(
                    by: decision.adminID, reason: motive, at: writer.clock.now()),
                history: ["\(history) \(transition.state.french)."], motive: motive)
            for effect in transition.effects {
                switch effect {
                case .audit(let action): write.audit.append(.init(action: action, detail: decision.reason))
                case .tellMembers: write.emails += try await tell(org, tx)
                }
            }
            try await writer.apply(write, by: actor, on: tx)
            return true
        }
    }
}
