import Crypto
import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import Vapor

/// Posting to a dossier's thread (issue #13), in one transaction: the attachment stored, the
/// message, the e-mails to the other participants (the beneficiary, the mandated AMO's members,
/// the instructor the dossier is assigned to) and the audit entry.
struct DossierMessages: Sendable {
    let db: Database
    let clock: AppClock
    let notifier: Notifier
    let files: FileStore

    func post(
        _ text: String, file: (data: Data, name: String, type: String)?, to l: DossierController.Loaded, staff: Bool,
        by actor: AuditService.Actor
    ) async throws {
        let d = l.dossier
        let p = l.principal
        let now = clock.now()
        let author =
            staff
            ? "\(p.user.displayName) (Action Logement)"
            : p.user.id == d.beneficiaryID ? "\(p.user.displayName) (bénéficiaire)" : "\(p.user.displayName) (AMO)"
        try await db.write { tx in
            var fileID: StoredFileID?
            if let file {
                fileID = try await files.put(
                    name: file.name, contentType: file.type, sha256: SHA256.hash(data: file.data).hex, data: file.data,
                    now: now, on: tx)
            }
            try await ReviewStore().add(
                DossierMessage(
                    id: UUID(), staffOnly: false, authorID: p.user.id, authorLabel: author, body: text, fileID: fileID,
                    fileName: file?.name, writtenAt: now), to: d.id, on: tx)
            for address in try await recipients(d, excluding: p.user.id, on: tx) {
                try await notifier.email(
                    to: address, subject: "Nouveau message – dossier \(d.reference)",
                    body: "Bonjour,\n\n\(author) a écrit sur le dossier \(d.reference) :\n\n\(text)\n\n"
                        + "Répondre : \(notifier.link("/dossiers/\(d.id.uuidString)/messages"))", on: tx)
            }
            try await AuditService(clock: clock).record(
                "dossier.message", by: actor, object: (DossierRecord.subjectKind, d.id.uuidString),
                detail: d.reference + (file.map { " pièce jointe \($0.name)" } ?? ""), on: tx)
        }
    }

    func recipients(_ d: DossierRecord, excluding me: UserID, on tx: Database) async throws -> [String] {
        var users = try await DossierService.participants(d, on: tx)
        if let assigned = try await InstructionStore().find(d.id, on: tx)?.assignedTo,
            let instructor = try await UserStore().find(id: assigned, on: tx)
        {
            users.append(instructor)
        }
        return users.filter { $0.id != me }.map(\.email)
    }
}

extension Application {
    func messages(db: Database) -> DossierMessages {
        DossierMessages(db: db, clock: clock, notifier: notifier, files: files)
    }
}
