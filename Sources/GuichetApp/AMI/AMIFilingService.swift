import Crypto
import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// Use cases of a landlord's filing (`AMI-B`, `AMI-X`, `AMI-K`): upload a table, send the
/// filing. The lifecycle decides (`FilingLifecycle`); `effects(…)` turns its effects into one
/// `LifecycleWrite` that `LifecycleWriter` applies with the files in one transaction; the table's
/// check starts after the commit. Dependencies are explicit (issue #10): no `Application`.
struct AMIFilingService: Sendable {
    let db: Database
    let clock: AppClock
    let notifier: Notifier
    let files: FileStore
    let departmentName: @Sendable (String) -> String
    let jobs: JobRunner

    struct Context: Sendable {
        let campaign: CampaignRecord
        let organisation: OrganisationRecord
        let department: String
        let userID: UserID
        let actor: AuditService.Actor
    }

    static let spreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// Stores the file, records the upload (replacing the current table) and starts its check;
    /// with `waitForCheck` (the API), returns once the table is checked.
    func upload(
        _ c: Context, fileName rawName: String, data: Data, waitForCheck: Bool = false
    )
        async throws -> Result<UploadRecord, FilingRefusal>
    {
        let now = clock.now()
        // A browser or a script names the file: no control character reaches the database.
        let fileName = TextInput.withoutControlCharacters(rawName)
        if let refusal = Self.notAccepted(c.organisation) { return .failure(refusal) }
        let result: Result<(UploadRecord, [JobID]), FilingRefusal> = try await db.write(refusable: { tx in
            let created = try await FilingStore().findOrCreate(
                campaignID: c.campaign.id, organisationID: c.organisation.id, department: c.department, now: now, on: tx
            )
            let filing = try await FilingStore().locked(created, on: tx)
            let current = try await Self.currentUpload(of: filing, on: tx)
            let ctx = FilingContext(now: now, window: c.campaign.campaign.window, current: current?.summary)
            switch FilingLifecycle.transition(filing.state, .upload(fileName: fileName), ctx) {
            case .failure(let refusal):
                return .failure(refusal)
            case .success(let (state, effects)):
                let digest = SHA256.hash(data: data).hex
                let fileID: StoredFileID
                do {
                    fileID = try await files.put(
                        name: fileName, contentType: Self.spreadsheetType, sha256: digest, data: data, now: now,
                        organisationID: c.organisation.id, on: tx)
                } catch let full as QuotaExceeded {
                    return .failure(Self.refusal(full))
                }
                let upload = try await UploadStore().create(
                    filingID: filing.id, fileID: fileID, fileName: fileName, by: c.userID, now: now, on: tx)
                var step = Step(filing: filing, to: state, current: current, detail: "\(fileName) sha256 \(digest)")
                step.uploaded = upload
                var write = try await self.write(step, effects, c, on: tx)
                write.columns.append(.init("current_upload_id", upload.id))
                let jobs = try await LifecycleWriter(clock: clock, notifier: notifier).apply(write, by: c.actor, on: tx)
                return .success((upload, jobs))
            }
        })
        switch result {
        case .failure(let refusal):
            return .failure(refusal)
        case .success(let (upload, jobs)):
            for job in jobs {
                if waitForCheck { try await self.jobs.runOnce(id: job) } else { await self.jobs.start(job) }
            }
            guard waitForCheck else { return .success(upload) }
            return .success(try await UploadStore().find(id: upload.id, on: db) ?? upload)
        }
    }

    /// « Envoyer »: the filing becomes final; receipt PDF, acknowledgement e-mails, history, audit.
    func send(
        _ c: Context, confirmed: FilingSynthesis, certified: Bool
    ) async throws -> Result<FilingRecord, FilingRefusal> {
        let now = clock.now()
        if let refusal = Self.notAccepted(c.organisation) { return .failure(refusal) }
        return try await db.write(refusable: { tx in
            guard
                let found = try await FilingStore().find(
                    campaignID: c.campaign.id, organisationID: c.organisation.id, department: c.department, on: tx)
            else {
                return .failure(FilingRefusal(rule: .amiX, message: "Déposez d'abord le tableau de programmation."))
            }
            let filing = try await FilingStore().locked(found, on: tx)
            let current = try await Self.currentUpload(of: filing, on: tx)
            let ctx = FilingContext(now: now, window: c.campaign.campaign.window, current: current?.summary)
            switch FilingLifecycle.transition(filing.state, .send(confirmed: confirmed, certified: certified), ctx) {
            case .failure(let refusal):
                return .failure(refusal)
            case .success(let (state, effects)):
                let step = Step(
                    filing: filing, to: state, current: current, detail: "\(c.campaign.campaign.year) \(c.department)",
                    confirmed: confirmed)
                var write = try await self.write(step, effects, c, on: tx)
                write.columns += [.init("sent_at", now), .init("sent_by", c.userID)]
                try await LifecycleWriter(clock: clock, notifier: notifier).apply(write, by: c.actor, on: tx)
                guard let updated = try await FilingStore().find(id: filing.id, on: tx) else {
                    throw ChangedMeanwhile(subjectKind: FilingRecord.subjectKind, id: filing.id.rawValue)
                }
                return .success(updated)
            }
        })
    }
}

extension AMIFilingService {
    /// What one transition of a filing works on.
    struct Step {
        let filing: FilingRecord
        let to: FilingState
        let current: UploadRecord?
        let detail: String
        var confirmed: FilingSynthesis?
        /// The table this transition uploads, whose check it asks for.
        var uploaded: UploadRecord?
    }

    /// The one interpreter of `FilingEffect`s: each becomes a line of the write, or a file stored
    /// in the same transaction (the receipt, the superseded table).
    func write(_ step: Step, _ effects: [FilingEffect], _ c: Context, on tx: Database) async throws -> LifecycleWrite {
        let now = clock.now()
        var write = LifecycleWrite(subject: step.filing.subject, from: step.filing.state.rawValue, to: step.to.rawValue)
        for effect in effects {
            switch effect {
            case .history(let text):
                write.history.append(text)
            case .supersedeCurrentUpload:
                guard let current = step.current else { continue }
                try await UploadStore().supersede(id: current.id, at: now, on: tx)
                write.history.append("Tableau « \(current.fileName) » remplacé (conservé dans l'historique).")
            case .audit(let action):
                write.audit.append(.init(action: action, detail: step.detail))
            case .receipt:
                guard let current = step.current, let confirmed = step.confirmed,
                    let file = try await files.get(id: current.fileID, on: tx)
                else { continue }
                let id = try await storeReceipt(
                    step.filing, current: current, file: file, confirmed: confirmed, c, on: tx)
                write.columns.append(.init("receipt_file_id", id))
            case .acknowledgementEmail:
                guard let confirmed = step.confirmed else { continue }
                let mail = acknowledgement(confirmed, c)
                for member in try await LandlordService.members(of: c.organisation.id, on: tx) {
                    write.emails.append(.init(to: member.email, subject: mail.subject, body: mail.body))
                }
            case .checkUpload:
                guard let uploaded = step.uploaded else { continue }
                write.jobs.append(.init(kind: .checkProgrammingTable, payload: uploaded.id.uuidString))
            }
        }
        return write
    }

    private func storeReceipt(
        _ filing: FilingRecord, current: UploadRecord, file: StoredFile, confirmed: FilingSynthesis, _ c: Context,
        on tx: Database
    ) async throws -> StoredFileID {
        let now = clock.now()
        let pdf = AMIReceipt(
            campaign: c.campaign.campaign, organisation: c.organisation, department: c.department,
            departmentName: departmentName(c.department), sentAt: now, sentBy: c.actor.label, filingID: filing.id,
            upload: current, file: file, synthesis: confirmed
        ).render()
        let year = c.campaign.campaign.year
        return try await files.put(
            name: "accuse-reception-ami-\(year)-\(c.department).pdf", contentType: "application/pdf",
            sha256: SHA256.hash(data: pdf).hex, data: pdf, now: now, on: tx)
    }

    private func acknowledgement(_ confirmed: FilingSynthesis, _ c: Context) -> (subject: String, body: String) {
        let year = c.campaign.campaign.year
        let link = notifier.link("/ami/campagnes/\(year)/\(c.department)/accuse.pdf")
        let sentAt = AppClock.parisFormatter("dd/MM/yyyy 'à' HH:mm:ss").string(from: clock.now())
        let body = """
            Bonjour,

            Le dépôt de \(c.organisation.name) (SIREN \(c.organisation.identifier)) pour le département \
            \(c.department) à l'AMI DROM \(year) a été envoyé le \(sentAt) (heure de Paris) par \(c.actor.label).

            \(confirmed.operations) opération(s), \(confirmed.dwellings) logement(s), prix de revient total \
            \(confirmed.costPrice.formatted()), prêt sollicité \(confirmed.loanRequested.formatted()).

            Accusé de réception (PDF) : \(link)
            """
        return ("AMI DROM \(year) – accusé de réception du dépôt \(c.department)", body)
    }

    static func currentUpload(of filing: FilingRecord, on tx: Database) async throws -> UploadRecord? {
        guard let id = filing.currentUploadID else { return nil }
        return try await UploadStore().find(id: id, on: tx)
    }

    /// The organisation's storage is full (issue #10): said in French, nothing written.
    static func refusal(_ full: QuotaExceeded) -> FilingRefusal {
        FilingRefusal(
            rule: .amiX,
            message:
                "L'espace de stockage de l'organisme est plein (\(FrenchFormat.integer(Int(full.used / 1_048_576))) Mo "
                + "utilisés sur \(FrenchFormat.integer(Int(full.quota / 1_048_576))) Mo) : écrivez à Action Logement.")
    }

    /// Only an organisation accepted by Action Logement files (issue #9, `AMI-B`).
    static func notAccepted(_ organisation: OrganisationRecord) -> FilingRefusal? {
        guard organisation.status != .accepted else { return nil }
        return FilingRefusal(
            rule: .amiB,
            message: "L'inscription de \(organisation.name) n'est pas encore acceptée par Action Logement : "
                + "le dépôt s'ouvre dès qu'elle l'est.")
    }
}
