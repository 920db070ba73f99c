import Foundation
import GuichetDomain
import GuichetPersistence
import Vapor

/// `guichet admin create --email E --role administrateur [--name N] [--scope 01,R84]`: creates a
/// staff account from the shell (the first administrator) and prints its one-time link.
struct AdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create") var action: String
        @Option(name: "email", help: "Adresse e-mail") var email: String?
        @Option(name: "role", help: "administrateur, instructeur ou comite") var role: String?
        @Option(name: "name", help: "Nom affiché") var name: String?
        @Option(name: "scope", help: "Périmètre d'un instructeur : départements ou régions (R84)") var scope: String?
        init() {}
    }
    var help: String { "Crée un compte du personnel (admin create --email … --role administrateur)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else {
            throw CommandExit.failing("Action inconnue « \(signature.action) » : seule « create » existe.", code: 2)
        }
        let app = context.application
        guard let email = signature.email, let roleText = signature.role, let role = Role(rawValue: roleText),
            role.isStaff
        else {
            throw CommandExit.failing(
                "Usage : guichet admin create --email adresse --role administrateur|instructeur|comite [--name "
                    + "\"Nom\"] [--scope 01,R84]",
                code: 2)
        }
        let (scope, unknown) = StaffService.parseScope(signature.scope ?? "", reference: app.referenceData)
        if !unknown.isEmpty {
            throw CommandExit.failing("Codes de périmètre inconnus : \(unknown.joined(separator: ", "))", code: 2)
        }
        switch try await StaffService(app: app, db: app.db).createStaff(
            email: email, name: signature.name ?? email, roles: [role], scope: scope, actor: .shell())
        {
        case .created(let c):
            print("Compte \(role.rawValue) créé pour \(c.user.email).")
            print("Lien à usage unique pour choisir le mot de passe (valable 12 heures) :")
            print(c.activationLink)
        case .refused(let errors):
            throw CommandExit.failing(errors.map(\.message).joined(separator: "\n"), code: 1)
        }
    }
}

/// `guichet outbox run [--once]`: the outbox worker as a separate process.
struct OutboxCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "run") var action: String
        @Flag(name: "once", help: "Un seul passage, puis s'arrête") var once: Bool
        init() {}
    }
    var help: String { "Envoie les e-mails et SMS en attente (outbox run [--once])" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "run" else {
            throw CommandExit.failing("Usage : guichet outbox run [--once]", code: 2)
        }
        let app = context.application
        let worker = app.outboxWorker()
        repeat {
            let r = try await worker.runOnce(on: app.db)
            if r != .init() || signature.once {
                print("envoyés : \(r.sent), à réessayer : \(r.retried), abandonnés : \(r.failed)")
            }
            if signature.once { break }
            try await Task.sleep(for: .seconds(3))
        } while !Task.isCancelled
    }
}

/// `guichet audit verify`: recomputes the hash chain of the audit trail.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify | purge") var action: String
        @Option(name: "before", help: "purge : date JJ/MM/AAAA ; les entrées antérieures sont supprimées") var before:
            String?
        @Flag(name: "yes", help: "purge : confirme la suppression") var yes: Bool
        init() {}
    }
    var help: String {
        "Vérifie le journal d'audit (audit verify) ou en purge les entrées anciennes (audit purge --before JJ/MM/AAAA "
            + "--yes)"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        switch signature.action {
        case "verify": try await verify(app)
        case "purge":
            guard let text = signature.before, let day = Day(french: text) else {
                throw CommandExit.failing("Indiquez la date avec --before JJ/MM/AAAA.", code: 2)
            }
            print(try await Self.purge(app, before: day, confirmed: signature.yes))
        default:
            throw CommandExit.failing(
                "Usage : guichet audit verify | guichet audit purge --before JJ/MM/AAAA --yes", code: 2)
        }
    }

    /// The chain, then the signed checkpoints: exit 1 on any alteration (issue #9).
    func verify(_ app: Application) async throws {
        let records = try await AuditStore().all(on: app.db)
        let problems = try AuditService.problems(records, checkpoints: app.auditCheckpoints)
        guard problems.isEmpty else {
            print("Journal d'audit ALTÉRÉ :")
            for p in problems { print("  - \(p)") }
            throw CommandExit(code: 1)
        }
        try await app.auditCheckpoints.writeIfMoved(on: app.db, now: app.clock.now())
        let count = try app.auditCheckpoints.all().checkpoints.count
        print(
            "Journal d'audit intact : \(records.count) entrées, chaînage SHA-256 vérifié, \(count) point(s) de "
                + "contrôle signé(s) concordant(s)."
        )
    }

    /// A retention purge: explicit, audited and checkpointed; refused on an altered trail.
    static func purge(_ app: Application, before day: Day, confirmed: Bool) async throws -> String {
        let records = try await AuditStore().all(on: app.db)
        let problems = try AuditService.problems(records, checkpoints: app.auditCheckpoints)
        guard problems.isEmpty else {
            throw CommandExit.failing(
                "Purge refusée : le journal est altéré (\(problems.joined(separator: " ; "))).", code: 1)
        }
        let limit = AppClock.startOfParisDay(day)
        guard let last = try await AuditStore().last(before: limit, on: app.db) else {
            return "Aucune entrée antérieure au \(day.french)."
        }
        guard confirmed else {
            throw CommandExit.failing(
                "La purge supprimerait les entrées n° \(records.first?.seq ?? 1) à \(last.seq) : relancez avec --yes "
                    + "pour confirmer.",
                code: 2)
        }
        try await app.auditCheckpoints.writeIfMoved(on: app.db, now: app.clock.now())
        guard let purged = try await AuditStore().purge(through: last.seq, on: app.db) else { return "Rien à purger." }
        try app.auditCheckpoints.append(kind: "purge", count: purged.seq, hash: purged.hash, now: app.clock.now())
        try await AuditService(clock: app.clock).record(
            "audit.purge", by: .shell(), object: ("journal", ""),
            detail: "entrées jusqu'au n° \(purged.seq) (avant le \(day.french)) ; empreinte \(purged.hash)",
            on: app.db)
        try await app.auditCheckpoints.writeIfMoved(on: app.db, now: app.clock.now())
        return "Purge effectuée : entrées jusqu'au n° \(purged.seq) supprimées ; purge consignée au journal et signée."
    }
}
