import Fluent
import GuichetDomain
import GuichetPersistence
import Vapor

/// The audit trail of security and business events (issue #3): append-only, each entry chained
/// to the previous one by SHA-256, so that any change or deletion is detectable
/// (`guichet audit verify`).
struct AuditService: Sendable {
    struct Actor: Sendable {
        let id: UserID?
        let label: String
        let role: String
        let clientAddress: String
        let userAgent: String

        static func of(_ req: Request) -> Actor {
            Actor(
                id: req.principal?.user.id, label: req.principal?.user.email ?? "anonyme",
                role: req.principal?.auditRole ?? "anonyme", clientAddress: req.clientAddress, userAgent: req.userAgent)
        }
        static let system = Actor(
            id: nil, label: "système", role: "système", clientAddress: "local", userAgent: "guichet")
        static func shell(_ label: String = "console") -> Actor {
            Actor(
                id: nil, label: label, role: "console", clientAddress: "local", userAgent: "guichet (ligne de commande)"
            )
        }
    }

    let clock: AppClock

    @discardableResult
    func record(
        _ action: String, by actor: Actor, object: (type: String, id: String) = ("", ""), detail: String = "",
        on db: Database
    ) async throws -> AuditRecord {
        let entry = AuditStore.NewEntry(
            at: clock.now(), actorID: actor.id, actorLabel: actor.label, actorRole: actor.role,
            action: action, objectType: object.type, objectID: object.id,
            clientAddress: actor.clientAddress, userAgent: actor.userAgent, detail: detail)
        return try await AuditStore().append(entry, hash: Self.hash, on: db)
    }

    /// SHA-256 of the canonical text of an entry and the previous hash.
    @Sendable static func hash(seq: Int, previous: String, e: AuditStore.NewEntry) -> String {
        let fields = [
            String(seq), String(Int64((e.at.timeIntervalSince1970 * 1000).rounded())), e.actorID?.uuidString ?? "",
            e.actorLabel, e.actorRole, e.action, e.objectType, e.objectID, e.clientAddress, e.userAgent, e.detail,
            previous,
        ]
        let canonical = fields.map {
            $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
        }
        .joined(separator: "|")
        return Tokens.digest(canonical)
    }

    struct Verification: Sendable, Equatable {
        let entries: Int
        let firstBroken: Int?
        let reason: String?
    }

    /// Recomputes the chain from the first entry kept (after a retention purge, the first entry
    /// links to the last purged one, whose hash a signed purge checkpoint anchors).
    static func verify(_ records: [AuditRecord]) -> Verification {
        let start = records.first?.seq ?? 1
        var previous = start > 1 ? records.first?.previousHash ?? "" : String(repeating: "0", count: 64)
        for (n, r) in records.enumerated() {
            if r.seq != start + n {
                return Verification(
                    entries: records.count, firstBroken: r.seq, reason: "entrée manquante avant n° \(r.seq)")
            }
            if r.previousHash != previous {
                return Verification(entries: records.count, firstBroken: r.seq, reason: "chaînage rompu")
            }
            let e = AuditStore.NewEntry(
                at: r.at, actorID: r.actorID, actorLabel: r.actorLabel, actorRole: r.actorRole, action: r.action,
                objectType: r.objectType, objectID: r.objectID, clientAddress: r.clientAddress,
                userAgent: r.userAgent, detail: r.detail)
            if hash(seq: r.seq, previous: previous, e: e) != r.hash {
                return Verification(entries: records.count, firstBroken: r.seq, reason: "contenu modifié")
            }
            previous = r.hash
        }
        return Verification(entries: records.count, firstBroken: nil, reason: nil)
    }

    /// CSV export (`;`-separated, UTF-8 with BOM, Paris times) for spreadsheet programs.
    static func csv(_ records: [AuditRecord]) -> String {
        var out =
            "\u{FEFF}n°;date "
            + "(Europe/Paris);acteur;rôle;action;objet;identifiant;adresse;navigateur;détail;empreinte\r\n"
        let f = AppClock.parisFormatter("dd/MM/yyyy HH:mm:ss")
        for r in records {
            out += CSVWriter.line([
                String(r.seq), f.string(from: r.at), r.actorLabel, r.actorRole, r.action, r.objectType, r.objectID,
                r.clientAddress, r.userAgent, r.detail, r.hash,
            ])
        }
        return out
    }
}

extension Request {
    var audit: AuditService { AuditService(clock: application.clock) }
}

extension AuditService {
    /// Every problem of the trail: its chain, then what the signed checkpoints say (issue #9).
    static func problems(_ records: [AuditRecord], checkpoints: AuditCheckpoints) throws -> [String] {
        let chain = verify(records)
        var out: [String] = []
        if let broken = chain.firstBroken {
            out.append("chaînage rompu à l'entrée n° \(broken) (\(chain.reason ?? ""))")
        }
        return out + (try checkpoints.problems(with: records))
    }
}

struct AuditCheckpointsKey: StorageKey { typealias Value = AuditCheckpoints }

extension Application {
    /// The signed checkpoints of the audit trail, in the data directory.
    var auditCheckpoints: AuditCheckpoints {
        get {
            storage[AuditCheckpointsKey.self]
                ?? AuditCheckpoints(dataDirectory: guichetConfig.dataDirectory, key: .init(), logger: logger)
        }
        set { storage[AuditCheckpointsKey.self] = newValue }
    }
}
