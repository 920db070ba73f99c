import Vapor
import Foundation
import GuichetDomain
import GuichetPersistence

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
        guard let email = signature.email, let roleText = signature.role, let role = Role(rawValue: roleText), role.isStaff else {
            throw CommandExit.failing("Usage : guichet admin create --email adresse --role administrateur|instructeur|comite [--name \"Nom\"] [--scope 01,R84]", code: 2)
        }
        let (scope, unknown) = StaffService.parseScope(signature.scope ?? "", reference: app.referenceData)
        if !unknown.isEmpty { throw CommandExit.failing("Codes de périmètre inconnus : \(unknown.joined(separator: ", "))", code: 2) }
        switch try await StaffService(app: app, db: app.db).createStaff(email: email, name: signature.name ?? email, roles: [role], scope: scope, actor: .shell()) {
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
        guard signature.action == "run" else { throw CommandExit.failing("Usage : guichet outbox run [--once]", code: 2) }
        let app = context.application
        let worker = app.outboxWorker()
        repeat {
            let r = try await worker.runOnce(on: app.db)
            if r != .init() || signature.once { print("envoyés : \(r.sent), à réessayer : \(r.retried), abandonnés : \(r.failed)") }
            if signature.once { break }
            try await Task.sleep(for: .seconds(3))
        } while !Task.isCancelled
    }
}

/// `guichet audit verify`: recomputes the hash chain of the audit trail.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify") var action: String
        init() {}
    }
    var help: String { "Vérifie le chaînage du journal d'audit (audit verify)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else { throw CommandExit.failing("Usage : guichet audit verify", code: 2) }
        let result = AuditService.verify(try await AuditStore().all(on: context.application.db))
        if let broken = result.firstBroken {
            print("Journal d'audit ALTÉRÉ : entrée n° \(broken) (\(result.reason ?? "")) sur \(result.entries).")
            throw CommandExit(code: 1)
        }
        print("Journal d'audit intact : \(result.entries) entrées, chaînage SHA-256 vérifié.")
    }
}
