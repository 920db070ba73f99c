import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

extension InstructionService {
    /// Bulk reminders (issue #13): a dossier to correct reminds the beneficiary and its AMO; one
    /// awaiting signature reminds the beneficiary, who alone signs. One transaction: the e-mails,
    /// the reminder's date and the audit entry together.
    func remind(_ dossiers: [DossierRecord], by actor: AuditService.Actor) async throws {
        guard !dossiers.isEmpty else { return }
        let now = clock.now()
        try await db.write { tx in
            for d in dossiers {
                let text =
                    d.state == .toCorrect
                    ? "Rappel : le dossier \(d.reference) attend vos corrections avant d'être déposé à nouveau."
                    : "Rappel : la convention du dossier \(d.reference) attend la signature du bénéficiaire."
                let body = "Bonjour,\n\n\(text)\n\nLe dossier : \(notifier.link("/dossiers/\(d.id.uuidString)"))"
                for address in try await DossierService.participants(d, amo: d.state == .toCorrect, on: tx).map(\.email)
                {
                    try await notifier.email(
                        to: address, subject: "Rappel – dossier \(d.reference)", body: body, on: tx)
                }
            }
            try await InstructionStore().markReminded(dossiers.map(\.id), at: now, on: tx)
            try await AuditService(clock: clock).record(
                "dossiers.relance", by: actor, detail: dossiers.map(\.reference).joined(separator: ", "), on: tx)
        }
    }
}
