import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// What is stored with a filed dossier (`RENO-S` « deposé »): the reference date, the parameter
/// version and the rule trace, with the plan's figures, as decided at filing.
struct FiledDecision: Codable, Sendable, Equatable {
    /// A rule's decision (`rule`, `status`, `message` in the stored JSON), as compared today.
    typealias Line = RuleTraceComparison.Decision
    let referenceDate: String
    let parametersVersion: String
    let criteria: [Line]
    let subsidyCents: Int64?
    let remainingCostCents: Int64?
    let warnings: [String]

    /// The decision of an evaluation; with `simulation`, the same stored criteria with another
    /// run of the engine (today's, which the review compares with the filed one).
    init(_ e: DossierEvaluation, simulation other: SimulationResult? = nil) {
        let s = other ?? e.simulation
        referenceDate = s.referenceDate.iso
        parametersVersion = s.parametersVersion
        criteria = (s.eligibility.criteria + e.storedCriteria + (s.financing?.trace ?? [])).map(Line.init)
        subsidyCents = s.financing?.subsidy.cents
        remainingCostCents = s.financing?.remainingCost.cents
        warnings = s.warnings.map(\.text)
    }
}

/// The answers and documents of a filing, kept to show what the next filing changed (issue #13).
struct FilingSnapshot: Codable, Sendable {
    struct Document: Codable, Sendable {
        let label: String
        let sha256: String
    }
    let answers: DossierAnswers
    let documents: [String: Document]

    init(_ e: DossierEvaluation) {
        answers = e.dossier.answers
        var docs: [String: Document] = [:]
        for r in e.required {
            guard let d = e.documents[r.key] else { continue }
            docs[r.key] = Document(label: "\(r.holderLabel) – \(r.kind.french)", sha256: d.sha256)
        }
        documents = docs
    }

    var json: String {
        get throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        }
    }

    static func read(_ text: String?) -> FilingSnapshot? {
        text.flatMap { try? JSONDecoder().decode(FilingSnapshot.self, from: Data($0.utf8)) }
    }
}

extension DossierService {
    /// « Déposer le dossier » (`RENO-S`): refused with every problem, each on its step; accepted,
    /// the decision is stored, the beneficiary and the AMO are e-mailed and the receipt is made by
    /// a job, in one transaction. Returns the jobs to start.
    func file(
        dossier id: DossierID, version: Int, by actor: Actor
    ) async throws -> (
        Result<DossierRecord, Refusal>, [JobID]
    ) {
        let now = clock.now()
        let today = clock.today
        let jobs = JobsBox()
        let result = try await db.write(refusable: { tx -> Result<DossierRecord, Refusal> in
            guard let d = try await DossierStore().locked(id: id, on: tx) else {
                throw ChangedMeanwhile(subjectKind: DossierRecord.subjectKind, id: id.rawValue)
            }
            let e = try await evaluate(d, on: today, tx: tx)
            // Undone with the rest if the filing is refused (`refusable`).
            try await DossierDocumentStore().freeze(Array(e.documents.values), into: d.id, on: tx)
            let decision = String(decoding: try JSONEncoder().encode(FiledDecision(e)), as: UTF8.self)
            let financing = e.simulation.financing
            let granted = (financing?.subsidy.cents ?? 0) + (financing?.loan?.amount.cents ?? 0)
            let before = try await InstructionStore().snapshots(of: d.id, on: tx).filed
            let columns: [TransitionStore.Column] = [
                .init("filed_at", now), .init("parameters_version", e.simulation.parametersVersion),
                .init("decision", decision), .init("granted_cents", granted),
                .init("filed_snapshot", try FilingSnapshot(e).json), .init("previous_snapshot", before),
            ]
            return try await apply(
                .file(problems: e.problems), to: d, version: version, now: now, by: actor, extraColumns: columns,
                jobs: jobs, on: tx)
        })
        return (result, jobs.all)
    }

    /// The acknowledgement e-mails of a filing: the beneficiary and the AMO's members.
    func acknowledgements(_ d: DossierRecord, on tx: Database) async throws -> [LifecycleWrite.Email] {
        let at = AppClock.parisFormatter("dd/MM/yyyy 'à' HH:mm").string(from: clock.now())
        let link = notifier.link("/dossiers/\(d.id.uuidString)")
        let body = """
            Bonjour,

            Le dossier d'aide à la rénovation énergétique \(d.reference) de \(d.beneficiaryName) a été déposé le \
            \(at) (heure de Paris). Action Logement va l'instruire ; vous serez informé de chaque étape.

            L'accusé de réception (PDF) est disponible sur le dossier : \(link)
            """
        return try await Self.participants(d, on: tx).map(\.email).map {
            .init(to: $0, subject: "Dossier \(d.reference) déposé", body: body)
        }
    }
}
