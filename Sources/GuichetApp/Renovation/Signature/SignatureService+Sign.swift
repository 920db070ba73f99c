import Crypto
import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// The evidence file of a signature (`RENO-C`): what was signed and every step, stored as JSON
/// (its SHA-256 in the audit trail, whose entries are chained), shown to staff as PDF.
struct SignatureEvidence: Codable, Sendable {
    let dossier: String
    let beneficiary: String
    let agreementSHA256: String
    let signedSHA256: String
    let certificate: String
    let certificateSHA256: String
    let events: [SignatureEvent]
}

extension SignatureService {
    /// The code typed: checked and its attempt recorded (committed even when wrong: five wrong
    /// codes lock it); right, the agreement is signed and the dossier moves, in a second
    /// transaction that writes everything or nothing.
    func sign(
        _ id: DossierID, version: Int, code typed: String, by actor: DossierService.Actor, as who: DossierActor,
        client: Client
    ) async throws -> Result<DossierRecord, Refusal> {
        let identity = try await signingKey.identity()
        let digest = self.digest(id)
        let now = clock.now()
        // Not `write(refusable:)`: a wrong code's attempt is committed (nil: the code was right).
        let refused = try await db.write { tx -> Refusal? in
            let d = try await locked(id, version, on: tx)
            let facts = InstructionFacts(actor: who, amount: .zero, fourEyesAbove: .zero)
            if case .failure(let refusal) = DossierLifecycle.instruct(d.state, .sign, facts) {
                return .lifecycle(refusal)
            }
            guard let record = try await SignatureStore().find(id, on: tx), record.conditionsAt != nil else {
                return .conditionsFirst
            }
            let (check, stored) = SignatureCode.check(typed, against: record.code, now: now, digest: digest)
            try await SignatureStore().setCode(stored, of: id, on: tx)
            guard check == .accepted else {
                try await SignatureStore().append(event(.codeRefused, Self.words(check), client), to: id, on: tx)
                return .code(check)
            }
            try await SignatureStore().append(event(.codeChecked, "code à usage unique exact", client), to: id, on: tx)
            return nil
        }
        if let refused { return .failure(refused) }
        let jobs = JobsBox()
        return try await db.write(refusable: { tx -> Result<DossierRecord, Refusal> in
            let d = try await locked(id, version, on: tx)
            let evidence = try await signAgreement(d, identity: identity, client: client, on: tx)
            try await AuditService(clock: clock).record(
                "dossier.preuve-signature", by: actor.audit, object: (DossierRecord.subjectKind, id.uuidString),
                detail: "\(d.reference) preuve SHA-256 \(evidence)", on: tx)
            return try await instruction.apply(.sign, to: d, by: actor, as: who, jobs: jobs, on: tx).mapError {
                .lifecycle($0)
            }
        })
    }

    func locked(_ id: DossierID, _ version: Int, on tx: Database) async throws -> DossierRecord {
        guard let d = try await DossierStore().locked(id: id, on: tx), d.version == version else {
            throw ChangedMeanwhile(subjectKind: DossierRecord.subjectKind, id: id.rawValue)
        }
        return d
    }

    /// Signs the stored agreement, stores it and the evidence; returns the evidence's SHA-256.
    func signAgreement(
        _ d: DossierRecord, identity: SigningIdentity, client: Client, on tx: Database
    ) async throws -> String {
        guard let record = try await SignatureStore().find(d.id, on: tx),
            let fileID = try await InstructionStore().find(d.id, on: tx)?.agreementFileID,
            let original = try await files.get(id: fileID, on: tx)?.data,
            SHA256.hash(data: original).hex == record.agreementSHA256
        else { throw AgreementMissing(reference: d.reference) }
        let now = clock.now()
        let code = try await SignatureStore().events(of: d.id, on: tx).last { $0.kind == .codeSent }
        let signed = try PDFSigner(identity: identity).sign(
            original,
            .init(
                signer: "\(d.beneficiaryName) (bénéficiaire)",
                signedAtText: AppClock.parisFormatter("dd/MM/yyyy 'à' HH:mm:ss").string(from: now)
                    + " (heure de Paris)",
                pdfDate: Self.pdfDate(now), signedAt: now,
                reason: "Convention de subventionnement \(d.reference)",
                details: code.map {
                    ["Code à usage unique envoyé par \($0.detail), vérifié le " + Self.paris(now) + "."]
                }
                    ?? []))
        let signedSHA = SHA256.hash(data: signed).hex
        let signedFile = try await files.put(
            name: "convention-signee-\(d.reference).pdf", contentType: "application/pdf", sha256: signedSHA,
            data: signed, now: now, on: tx)
        try await InstructionStore().setFile(.signed, signedFile, of: d.id, on: tx)
        try await SignatureStore().setSigned(at: now, of: d.id, on: tx)
        try await SignatureStore().append(
            event(.signed, "document signé SHA-256 \(signedSHA)", client), to: d.id, on: tx)
        let evidence = SignatureEvidence(
            dossier: d.reference, beneficiary: d.beneficiaryName, agreementSHA256: record.agreementSHA256,
            signedSHA256: signedSHA, certificate: identity.subjectText, certificateSHA256: identity.fingerprint,
            events: try await SignatureStore().events(of: d.id, on: tx))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let json = try encoder.encode(evidence)
        let evidenceSHA = SHA256.hash(data: json).hex
        let evidenceFile = try await files.put(
            name: "preuve-signature-\(d.reference).json", contentType: "application/json", sha256: evidenceSHA,
            data: json, now: now, on: tx)
        try await InstructionStore().setFile(.evidence, evidenceFile, of: d.id, on: tx)
        return evidenceSHA
    }

    struct AgreementMissing: Error, CustomStringConvertible {
        let reference: String
        var description: String { "convention du dossier \(reference) introuvable ou modifiée depuis sa lecture" }
    }

    static func words(_ check: SignatureCode.Check) -> String {
        switch check {
        case .accepted: "code exact"
        case .wrong(let remaining):
            "code inexact (\(remaining) essai\(remaining > 1 ? "s" : "") restant\(remaining > 1 ? "s" : ""))"
        case .expired: "code expiré (plus de 10 minutes)"
        case .locked: "code bloqué après 5 essais"
        case .noCode: "aucun code demandé"
        }
    }

    static func paris(_ d: Date) -> String { AppClock.parisFormatter("dd/MM/yyyy 'à' HH:mm").string(from: d) }

    /// `D:20261202104200+01'00'` in Paris time.
    static func pdfDate(_ d: Date) -> String {
        let text = AppClock.parisFormatter("yyyyMMddHHmmssxx").string(from: d)
        let offset = text.suffix(4)
        return "D:" + text.dropLast(5) + String(text.dropLast(4).suffix(1)) + offset.prefix(2) + "'" + offset.suffix(2)
            + "'"
    }
}
