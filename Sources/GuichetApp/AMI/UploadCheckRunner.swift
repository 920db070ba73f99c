import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// Reads and checks uploaded programming tables (`AMI-X`) off the request: the instance that
/// received the file starts at once; progress is written to the database a few times a second
/// so that the landlord's page (on any instance) shows it; a lease lets any instance's worker
/// resume a check whose instance died.
struct UploadCheckRunner: Sendable {
    let db: Database
    let clock: AppClock
    let reference: ReferenceData
    let maxUploadBytes: Int
    let files: FileStore
    let workerID: String
    static let lease: TimeInterval = 120

    /// Checks one upload (when `id` is given) or the oldest due one. Returns whether one ran.
    @discardableResult
    func runOnce(id: UploadID? = nil) async throws -> Bool {
        let db = self.db
        let clock = self.clock
        guard
            let upload = try await UploadStore().claim(
                id: id, worker: workerID, now: clock.now(), lease: Self.lease, on: db)
        else { return false }
        guard let filing = try await FilingStore().find(id: upload.filingID, on: db),
            let campaign = try await CampaignStore().find(id: filing.campaignID, on: db),
            let file = try await files.get(id: upload.fileID, on: db)
        else {
            try await UploadStore().finish(
                id: upload.id, worker: workerID, outcome: .unreadable("dépôt introuvable"), at: clock.now(), on: db)
            return true
        }
        var limits = XLSXReader.Limits()
        limits.maxFileBytes = maxUploadBytes
        let latest = ProgressBox()
        let reference = self.reference
        let year = campaign.campaign.year
        let department = filing.department
        // The CPU-bound reading runs off the request, in a detached task; progress is written while it runs.
        let work = Task.detached { () -> Result<ProgrammingTable.Result, XLSXReader.Failure> in
            Result { () throws(XLSXReader.Failure) in
                try ProgrammingTableCheck.run(
                    file.data, limits: limits, year: year, department: department,
                    reference: reference, progress: { latest.set($0) })
            }
        }
        let writer = progressWriter(upload: upload.id, latest: latest)
        let outcome = await work.value
        writer.cancel()
        _ = await writer.value
        try await finish(upload.id, outcome)
        return true
    }
}

extension UploadCheckRunner {
    /// The table's check is held by another worker (retried later), or the job names no table.
    struct Busy: Error, CustomStringConvertible {
        let payload: String
        var description: String { "vérification du tableau \(payload) en cours ailleurs ou introuvable" }
    }
}

extension UploadCheckRunner {
    /// Writes the check's progress every 250 ms while it runs, renewing the lease.
    func progressWriter(upload id: UploadID, latest: ProgressBox) -> Task<Void, Never> {
        let (db, clock, workerID) = (self.db, self.clock, self.workerID)
        return Task {
            var written: ProgrammingTableCheck.Progress?
            while !Task.isCancelled {
                if let p = latest.get(), p != written {
                    written = p
                    try? await UploadStore().progress(
                        id: id, worker: workerID, stage: p.detail, done: p.permille, total: 1000,
                        leaseUntil: clock.now().addingTimeInterval(Self.lease), on: db)
                }
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
    }

    /// Records the check's outcome: the result and synthesis, or why the file cannot be read.
    func finish(_ id: UploadID, _ outcome: Result<ProgrammingTable.Result, XLSXReader.Failure>) async throws {
        switch outcome {
        case .success(let r):
            let s = r.synthesis
            try await UploadStore().finish(
                id: id, worker: workerID,
                outcome: .checked(
                    errors: r.errors.count, operations: s.operations, rows: r.rowsWithValues,
                    resultJSON: r.json.serialized(),
                    synthesis: FilingSynthesis(
                        operations: s.operations, dwellings: s.dwellings, costPrice: s.costPrice,
                        loanRequested: s.loanRequested)),
                at: clock.now(), on: db)
        case .failure(let f):
            try await UploadStore().finish(
                id: id, worker: workerID, outcome: .unreadable(f.message), at: clock.now(), on: db)
        }
    }
}

/// The latest progress reported by the reading thread.
final class ProgressBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: ProgrammingTableCheck.Progress?
    func set(_ p: ProgrammingTableCheck.Progress) { lock.withLock { value = p } }
    func get() -> ProgrammingTableCheck.Progress? { lock.withLock { value } }
}
