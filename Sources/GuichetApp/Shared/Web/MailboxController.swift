import GuichetPersistence
import GuichetViews
import Vapor

/// Development mailbox (`GUICHET_DEV_MAILBOX=true` only): the messages of the outbox, so that a
/// newcomer can activate an account without a mail server.
struct MailboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "dev", "mailbox", access: .devMailbox, use: list)
        routes.on(.GET, "dev", "mailbox", ":id", access: .devMailbox, use: show)
    }

    func list(req: Request) async throws -> Response {
        let messages = try await OutboxStore().recent(limit: 100, on: req.db)
        let time = AppClock.parisFormatter("dd/MM/yyyy HH:mm")
        var blocks: [InfoPageModel.Block] = [
            .paragraph(
                "Boîte de développement : les 100 derniers messages de la file d'envoi. Désactivez-la en production (GUICHET_DEV_MAILBOX)."
            )
        ]
        blocks.append(
            .table(
                caption: nil, headers: ["Date", "Canal", "Destinataire", "Objet", "État"],
                rows: messages.map {
                    [time.string(from: $0.createdAt), $0.channel.french, $0.recipient, $0.subject, $0.status.french]
                }))
        blocks.append(
            .links(
                messages.map {
                    ("\($0.recipient) — \($0.subject.isEmpty ? "SMS" : $0.subject)", "/dev/mailbox/\($0.id.uuidString)")
                }))
        return .html(
            InfoPage.render(
                req.page(title: "Boîte de développement"),
                InfoPageModel(heading: "Boîte de développement", blocks: blocks)))
    }

    func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let m = try await OutboxStore().find(id: id, on: req.db)
        else { throw Abort(.notFound) }
        return .html(
            InfoPage.render(
                req.page(title: m.subject),
                InfoPageModel(
                    heading: m.subject.isEmpty ? "SMS" : m.subject,
                    blocks: [
                        .paragraph("À : \(m.recipient) — \(m.status)"), .code(m.body),
                    ])))
    }
}
