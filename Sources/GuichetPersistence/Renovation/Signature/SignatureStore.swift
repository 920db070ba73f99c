import FluentKit
import Foundation
import GuichetDomain
import SQLKit

/// One step of the signature as the evidence file records it (`RENO-C`).
public struct SignatureEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case viewed = "document_consulté"
        case conditionsAccepted = "conditions_acceptées"
        case codeSent = "code_envoyé"
        case codeRefused = "code_refusé"
        case codeChecked = "code_vérifié"
        case signed = "signé"

        public var french: String {
            switch self {
            case .viewed: "Convention consultée"
            case .conditionsAccepted: "Conditions du service de signature acceptées"
            case .codeSent: "Code envoyé"
            case .codeRefused: "Code refusé"
            case .codeChecked: "Code vérifié"
            case .signed: "Convention signée"
            }
        }
    }
    public let kind: Kind
    public let detail: String
    public let at: Date
    public let ip: String
    public let userAgent: String

    public init(kind: Kind, detail: String, at: Date, ip: String, userAgent: String) {
        self.kind = kind
        self.detail = detail
        self.at = at
        self.ip = ip
        self.userAgent = userAgent
    }
}

/// Where a dossier's signature stands: the agreement read (its hash), the code in force, the
/// conditions accepted, the signature.
public struct SignatureRecord: Sendable, Equatable {
    public let agreementSHA256: String
    public let code: SignatureCode.Issued?
    public let conditionsAt: Date?
    public let signedAt: Date?
}

public struct SignatureStore: Sendable {
    public init() {}

    public func find(_ id: DossierID, on db: Database) async throws -> SignatureRecord? {
        guard
            let row = try await db.sql.raw(
                """
                SELECT agreement_sha256, code, conditions_at, signed_at FROM dossier_signatures
                WHERE dossier_id = \(bind: id.rawValue)
                """
            ).first()
        else { return nil }
        let code = try row.decode(column: "code", as: String?.self).map { text in
            do {
                return try JSONDecoder().decode(SignatureCode.Issued.self, from: Data(text.utf8))
            } catch {
                throw CorruptRecord(description: "code de signature illisible (\(error))")
            }
        }
        return SignatureRecord(
            agreementSHA256: try row.decode(column: "agreement_sha256", as: String.self), code: code,
            conditionsAt: try row.decode(column: "conditions_at", as: Date?.self),
            signedAt: try row.decode(column: "signed_at", as: Date?.self))
    }

    /// The signature's row for the agreement generated (once).
    public func open(_ id: DossierID, agreementSHA256: String, on db: Database) async throws {
        try await db.sql.raw("DELETE FROM dossier_signatures WHERE dossier_id = \(bind: id.rawValue)").run()
        try await db.sql.raw(
            """
            INSERT INTO dossier_signatures (id, dossier_id, agreement_sha256)
            VALUES (\(bind: UUID()), \(bind: id.rawValue), \(bind: agreementSHA256))
            """
        ).run()
    }

    public func setCode(_ code: SignatureCode.Issued?, of id: DossierID, on db: Database) async throws {
        let text = try code.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try await db.sql.raw(
            "UPDATE dossier_signatures SET code = \(bind: text) WHERE dossier_id = \(bind: id.rawValue)"
        )
        .run()
    }

    public func setConditions(at: Date, of id: DossierID, on db: Database) async throws {
        try await db.sql.raw(
            "UPDATE dossier_signatures SET conditions_at = \(bind: at) WHERE dossier_id = \(bind: id.rawValue)"
        ).run()
    }

    public func setSigned(at: Date, of id: DossierID, on db: Database) async throws {
        try await db.sql.raw(
            "UPDATE dossier_signatures SET signed_at = \(bind: at), code = NULL WHERE dossier_id = \(bind: id.rawValue)"
        ).run()
    }

    public func events(of id: DossierID, on db: Database) async throws -> [SignatureEvent] {
        try await db.sql.raw(
            """
            SELECT event, detail, at, ip, user_agent FROM signature_events
            WHERE dossier_id = \(bind: id.rawValue) ORDER BY position
            """
        ).all().map { row in
            let stored = try row.decode(column: "event", as: String.self)
            guard let kind = SignatureEvent.Kind(rawValue: stored) else {
                throw CorruptRecord(description: "événement de signature « \(stored) » inconnu")
            }
            return SignatureEvent(
                kind: kind, detail: try row.decode(column: "detail", as: String.self),
                at: try row.decode(column: "at", as: Date.self), ip: try row.decode(column: "ip", as: String.self),
                userAgent: try row.decode(column: "user_agent", as: String.self))
        }
    }

    /// Appends an event (its position follows the last: two at once, one is refused by the index).
    public func append(_ e: SignatureEvent, to id: DossierID, on db: Database) async throws {
        let count =
            try await db.sql.raw(
                "SELECT COUNT(*) AS n FROM signature_events WHERE dossier_id = \(bind: id.rawValue)"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        try await db.sql.raw(
            """
            INSERT INTO signature_events (id, dossier_id, position, event, detail, at, ip, user_agent)
            VALUES (\(bind: UUID()), \(bind: id.rawValue), \(bind: count), \(bind: e.kind.rawValue), \(bind: e.detail),
              \(bind: e.at), \(bind: String(e.ip.prefix(64))), \(bind: String(e.userAgent.prefix(400))))
            """
        ).run()
    }
}
