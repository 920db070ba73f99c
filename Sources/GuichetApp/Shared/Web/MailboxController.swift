import GuichetDomain
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

    static func message(_ m: OutboxRecord) -> MailboxPage.Message {
        MailboxPage.Message(
            id: m.id, createdAt: m.createdAt, channel: m.channel.french, recipient: m.recipient, subject: m.subject,
            status: m.status.french, body: m.body)
    }

    func list(req: Request) async throws -> Response {
        let messages = try await OutboxStore().recent(limit: 100, on: req.db).map(Self.message)
        return .html(MailboxPage.list(req.page(), messages))
    }

    func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: OutboxMessageID.self),
            let m = try await OutboxStore().find(id: id, on: req.db)
        else { throw Abort(.notFound) }
        return .html(MailboxPage.show(req.page(), Self.message(m)))
    }
}
