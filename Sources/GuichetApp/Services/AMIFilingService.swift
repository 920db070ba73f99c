import Vapor
import Fluent
import Crypto
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// Use cases of a landlord's filing (`AMI-B`, `AMI-X`, `AMI-K`): upload a table, send the
/// filing. The lifecycle decides (`FilingLifecycle`); this service stores the new state, the
/// history, the files and the outbox rows in one transaction, then starts the table's check.
struct AMIFilingService: Sendable {
    let app: Application

    struct Context: Sendable {
        let campaign: CampaignRecord
        let organisation: OrganisationRecord
        let department: String
        let userID: UUID
        let actor: AuditService.Actor
    }

    /// Stores the file, records the upload (replacing the current table) and starts its check;
    /// with `waitForCheck` (the API), returns once the table is checked.
    func upload(_ c: Context, fileName rawName: String, data: Data, waitForCheck: Bool = false) async throws -> Result<UploadRecord, FilingRefusal> {
        let now = app.clock.now()
        // A browser or a script names the file: no control character reaches the database.
        let fileName = TextInput.withoutControlCharacters(rawName)
        if let refusal = Self.notAccepted(c.organisation) { return .failure(refusal) }
        let result: Result<UploadRecord, FilingRefusal> = try await app.db.write(refusable: { tx in
            let filing = try await FilingStore().findOrCreate(campaignID: c.campaign.id, organisationID: c.organisation.id,
                                                             department: c.department, now: now, on: tx)
            let current = try await filing.currentUploadID.asyncMap { try await UploadStore().find(id: $0, on: tx) } ?? nil
            let ctx = FilingContext(now: now, window: c.campaign.campaign.window, current: current?.summary)
            switch FilingLifecycle.transition(filing.state, .upload(fileName: fileName), ctx) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let (state, effects)):
                let digest = SHA256.hash(data: data).hex
                let fileID = try await FileStore().put(name: fileName, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                                       sha256: digest, data: data, now: now, on: tx)
                let upload = try await UploadStore().create(filingID: filing.id, fileID: fileID, fileName: fileName, by: c.userID, now: now, on: tx)
                guard try await FilingStore().transition(id: filing.id, from: filing.state, to: state, currentUploadID: .some(upload.id), on: tx) else {
                    throw Abort(.conflict, reason: "Le dépôt a été modifié entre-temps : rechargez la page.")
                }
                for effect in effects {
                    switch effect {
                    case .history(let text):
                        try await FilingStore().addEvent(filingID: filing.id, at: now, actorID: c.userID, actorLabel: c.actor.label, text: text, on: tx)
                    case .supersedeCurrentUpload:
                        if let current {
                            try await UploadStore().supersede(id: current.id, at: now, on: tx)
                            try await FilingStore().addEvent(filingID: filing.id, at: now, actorID: c.userID, actorLabel: c.actor.label,
                                                             text: "Tableau « \(current.fileName) » remplacé (conservé dans l'historique).", on: tx)
                        }
                    case .audit(let action):
                        try await AuditService(clock: app.clock).record(action, by: c.actor, object: ("ami_dépôt", filing.id.uuidString),
                                                                        detail: "\(fileName) sha256 \(digest)", on: tx)
                    case .checkUpload, .receipt, .acknowledgementEmail:
                        break // after commit (check), or not produced by an upload
                    }
                }
                return .success(upload)
            }
        })
        guard case .success(let upload) = result else { return result }
        if waitForCheck {
            try await UploadCheckRunner(app: app).runOnce(id: upload.id)
            return .success(try await UploadStore().find(id: upload.id, on: app.db) ?? upload)
        }
        await UploadCheckRunner(app: app).start(upload.id)
        return result
    }

    /// « Envoyer »: the filing becomes final; receipt PDF, acknowledgement e-mails, history, audit.
    func send(_ c: Context, confirmed: FilingSynthesis, certified: Bool) async throws -> Result<FilingRecord, FilingRefusal> {
        let now = app.clock.now()
        if let refusal = Self.notAccepted(c.organisation) { return .failure(refusal) }
        return try await app.db.write(refusable: { tx in
            guard let filing = try await FilingStore().find(campaignID: c.campaign.id, organisationID: c.organisation.id, department: c.department, on: tx) else {
                return .failure(FilingRefusal(rule: .amiX, message: "Déposez d'abord le tableau de programmation."))
            }
            let current = try await filing.currentUploadID.asyncMap { try await UploadStore().find(id: $0, on: tx) } ?? nil
            let ctx = FilingContext(now: now, window: c.campaign.campaign.window, current: current?.summary)
            switch FilingLifecycle.transition(filing.state, .send(confirmed: confirmed, certified: certified), ctx) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let (state, effects)):
                var receiptID: UUID?
                for effect in effects {
                    switch effect {
                    case .history(let text):
                        try await FilingStore().addEvent(filingID: filing.id, at: now, actorID: c.userID, actorLabel: c.actor.label, text: text, on: tx)
                    case .receipt:
                        guard let current, let file = try await FileStore().get(id: current.fileID, on: tx) else { continue }
                        let pdf = AMIReceipt(campaign: c.campaign.campaign, organisation: c.organisation, department: c.department,
                                             departmentName: app.referenceData.departments[c.department]?.name ?? "",
                                             sentAt: now, sentBy: c.actor.label, filingID: filing.id, upload: current, file: file,
                                             synthesis: confirmed).render()
                        let digest = SHA256.hash(data: pdf).hex
                        receiptID = try await FileStore().put(name: "accuse-reception-ami-\(c.campaign.campaign.year)-\(c.department).pdf",
                                                              contentType: "application/pdf", sha256: digest, data: pdf, now: now, on: tx)
                    case .acknowledgementEmail:
                        let link = app.notifier.link("/ami/campagnes/\(c.campaign.campaign.year)/\(c.department)/accuse.pdf")
                        let subject = "AMI DROM \(c.campaign.campaign.year) – accusé de réception du dépôt \(c.department)"
                        let body = """
                            Bonjour,

                            Le dépôt de \(c.organisation.name) (SIREN \(c.organisation.identifier)) pour le département \(c.department) à l'AMI DROM \(c.campaign.campaign.year) a été envoyé le \(AppClock.parisFormatter("dd/MM/yyyy 'à' HH:mm:ss").string(from: now)) (heure de Paris) par \(c.actor.label).

                            \(confirmed.operations) opération(s), \(confirmed.dwellings) logement(s), prix de revient total \(confirmed.costPrice.formatted()), prêt sollicité \(confirmed.loanRequested.formatted()).

                            Accusé de réception (PDF) : \(link)
                            """
                        for member in try await LandlordService.members(of: c.organisation.id, on: tx) {
                            try await app.notifier.email(to: member.email, subject: subject, body: body, on: tx)
                        }
                    case .audit(let action):
                        try await AuditService(clock: app.clock).record(action, by: c.actor, object: ("ami_dépôt", filing.id.uuidString),
                                                                        detail: "\(c.campaign.campaign.year) \(c.department)", on: tx)
                    case .supersedeCurrentUpload, .checkUpload:
                        break
                    }
                }
                guard try await FilingStore().transition(id: filing.id, from: filing.state, to: state, sentAt: now, sentBy: c.userID,
                                                         receiptFileID: receiptID, on: tx),
                      let updated = try await FilingStore().find(id: filing.id, on: tx) else {
                    throw Abort(.conflict, reason: "Le dépôt a été modifié entre-temps : rechargez la page.")
                }
                return .success(updated)
            }
        })
    }
}

extension AMIFilingService {
    /// Only an organisation accepted by Action Logement files (issue #9, `AMI-B`).
    static func notAccepted(_ organisation: OrganisationRecord) -> FilingRefusal? {
        guard organisation.status != "accepted" else { return nil }
        return FilingRefusal(rule: .amiB, message: "L'inscription de \(organisation.name) n'est pas encore acceptée par Action Logement : le dépôt s'ouvre dès qu'elle l'est.")
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await f(self)
    }
}
