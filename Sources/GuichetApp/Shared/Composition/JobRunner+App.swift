import Foundation
import GuichetDomain
import GuichetPersistence
import Vapor

extension Application {
    /// The job runner with every handler the platform has.
    func jobRunner(workerID: String = "jobs-\(UUID().uuidString.prefix(8))") -> JobRunner {
        let checker = UploadCheckRunner(app: self, workerID: workerID)
        let db = self.db
        let handlers: [JobKind: JobRunner.Handler] = [
            .checkProgrammingTable: { job in
                guard let id = UploadID(uuidString: job.payload) else {
                    throw UploadCheckRunner.Busy(payload: job.payload)
                }
                if try await checker.runOnce(id: id) { return }
                // Another worker holds the table's check, or it is already finished.
                guard let upload = try await UploadStore().find(id: id, on: db) else { return }
                if upload.status == .pending || upload.status == .checking {
                    throw UploadCheckRunner.Busy(payload: job.payload)
                }
            },
            .dossierReceipt: { [dossiers = dossierService(db: db), files = files] job in
                guard let id = DossierID(uuidString: job.payload) else { return }
                try await dossiers.makeReceipt(of: id, files: files)
            },
            .dossierAgreement: { [jobs = agreementJobs(db: db)] job in
                guard let id = DossierID(uuidString: job.payload) else { return }
                try await jobs.makeAgreement(of: id)
            },
            .refusalLetter: { [jobs = agreementJobs(db: db)] job in
                guard let id = DossierID(uuidString: job.payload) else { return }
                try await jobs.makeRefusalLetter(of: id)
            },
        ]
        return JobRunner(
            db: db, clock: clock, logger: logger, workerID: workerID, handlers: handlers, inline: checksUploadsInline)
    }
}
