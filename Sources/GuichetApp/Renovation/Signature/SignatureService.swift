import Crypto
import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// The beneficiary's signature of the agreement (`RENO-C`, issue #13): the document read, the
/// conditions accepted, a one-time code sent by SMS or e-mail (`SignatureCode`), typed and
/// checked; then, in one transaction, the agreement signed (PAdES, `PDFSigner`), stored, its
/// evidence file written and chained into the audit trail, and the dossier moved to
/// « convention signée ». Every step is an event of the evidence, with its time, IP and user agent.
struct SignatureService: Sendable {
    let db: Database
    let clock: AppClock
    let notifier: Notifier
    let files: FileStore
    let instruction: InstructionService
    let signingKey: AgreementSigningKey
    let codeKey: SymmetricKey

    /// Where a request came from, as the evidence records it.
    struct Client: Sendable {
        let ip: String
        let userAgent: String
    }

    enum Refusal: Error, Sendable, Equatable {
        case lifecycle(InstructionRefusal)
        case conditionsFirst
        case throttled(until: Date)
        case code(SignatureCode.Check)
        case noDestination
    }

    /// The keyed digest of a code for this dossier (a code is never stored).
    func digest(_ id: DossierID) -> @Sendable (String) -> String {
        let key = codeKey
        return { code in
            HMAC<SHA256>.authenticationCode(for: Data("\(id.uuidString):\(code)".utf8), using: key).hex
        }
    }

    func event(_ kind: SignatureEvent.Kind, _ detail: String, _ c: Client) -> SignatureEvent {
        SignatureEvent(kind: kind, detail: detail, at: clock.now(), ip: c.ip, userAgent: c.userAgent)
    }

    /// « Convention consultée »: recorded once per page read.
    func viewed(_ d: DossierRecord, page: Int, of pages: Int, client: Client) async throws {
        guard d.state == .awaitingSignature else { return }
        let detail = "page \(page) sur \(pages)"
        try await db.write { tx in
            let seen = try await SignatureStore().events(of: d.id, on: tx)
            guard !seen.contains(where: { $0.kind == .viewed && $0.detail == detail }) else { return }
            try await SignatureStore().append(event(.viewed, detail, client), to: d.id, on: tx)
        }
    }

    func acceptConditions(_ d: DossierRecord, client: Client) async throws -> Result<Void, Refusal> {
        guard d.state == .awaitingSignature else {
            return .failure(.lifecycle(.init(.wrongState, "La convention n'attend pas de signature.")))
        }
        try await db.write { tx in
            try await SignatureStore().setConditions(at: clock.now(), of: d.id, on: tx)
            try await SignatureStore().append(
                event(.conditionsAccepted, "conditions générales du service de signature, version 2026-12", client),
                to: d.id, on: tx)
        }
        return .success(())
    }

    /// A new code by SMS (to the applicant's mobile) or e-mail (to the account's address),
    /// throttled; the message goes through the outbox in the same transaction.
    func sendCode(
        _ d: DossierRecord, channel: SignatureCode.Channel, to user: UserRecord, client: Client
    ) async throws -> Result<String, Refusal> {
        guard d.state == .awaitingSignature else {
            return .failure(.lifecycle(.init(.wrongState, "La convention n'attend pas de signature.")))
        }
        let mobile = d.answers.applicant.contact?.mobile ?? ""
        let destination = channel == .sms ? mobile : user.email
        guard !destination.isEmpty else { return .failure(.noDestination) }
        let digest = self.digest(d.id)
        let now = clock.now()
        return try await db.write(refusable: { tx -> Result<String, Refusal> in
            guard let record = try await SignatureStore().find(d.id, on: tx), record.conditionsAt != nil else {
                return .failure(.conditionsFirst)
            }
            let issued = SignatureCode.issue(
                channel: channel, now: now, previous: record.code, random: { Int.random(in: 0...9) }, digest: digest)
            switch issued {
            case .failure(.throttled(let until)): return .failure(.throttled(until: until))
            case .success(let (code, stored)):
                try await SignatureStore().setCode(stored, of: d.id, on: tx)
                let text =
                    "Guichet Action Logement : votre code de signature de la convention \(d.reference) est \(code). "
                    + "Il est valable 10 minutes. Ne le communiquez à personne, pas même à votre AMO."
                if channel == .sms {
                    try await notifier.sms(to: mobile, text: text, on: tx)
                } else {
                    try await notifier.email(
                        to: user.email, subject: "Code de signature – convention \(d.reference)", body: text, on: tx)
                }
                let shown = Self.masked(destination, channel)
                try await SignatureStore().append(
                    event(.codeSent, "\(channel.french) à \(shown)", client), to: d.id, on: tx)
                return .success(shown)
            }
        })
    }

    /// `06 •• •• •• 78`, `c•••@exemple.fr`.
    static func masked(_ destination: String, _ channel: SignatureCode.Channel) -> String {
        if channel == .sms {
            let digits = destination.filter(\.isNumber)
            return "\(digits.prefix(2)) •• •• •• \(digits.suffix(2))"
        }
        let parts = destination.split(separator: "@", maxSplits: 1)
        guard parts.count == 2 else { return "•••" }
        return "\(parts[0].prefix(1))•••@\(parts[1])"
    }
}
