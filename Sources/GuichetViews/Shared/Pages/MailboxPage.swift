import Foundation
import GuichetDomain

/// The development mailbox (`GUICHET_DEV_MAILBOX=true` only): the outbox's last messages.
public enum MailboxPage {
    public struct Message: Sendable, Equatable {
        public let id: UUID
        public let createdAt: Date
        public let channel: String
        public let recipient: String
        public let subject: String
        public let status: String
        public let body: String

        public init(
            id: UUID, createdAt: Date, channel: String, recipient: String, subject: String, status: String, body: String
        ) {
            self.id = id
            self.createdAt = createdAt
            self.channel = channel
            self.recipient = recipient
            self.subject = subject
            self.status = status
            self.body = body
        }

        var title: String { subject.isEmpty ? "SMS" : subject }
    }

    public static func list(_ page: PageModel, _ messages: [Message]) -> String {
        let time = ParisTime.formatter()
        return InfoPage.render(
            page,
            InfoPageModel(
                heading: "Boîte de développement",
                blocks: [
                    .paragraph(
                        "Boîte de développement : les 100 derniers messages de la file d'envoi. Désactivez-la en "
                            + "production (GUICHET_DEV_MAILBOX)."),
                    .table(
                        caption: nil, headers: ["Date", "Canal", "Destinataire", "Objet", "État"],
                        rows: messages.map {
                            [time.string(from: $0.createdAt), $0.channel, $0.recipient, $0.subject, $0.status]
                        }),
                    .links(messages.map { ("\($0.recipient) — \($0.title)", "/dev/mailbox/\($0.id.uuidString)") }),
                ]))
    }

    public static func show(_ page: PageModel, _ m: Message) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: m.title,
                blocks: [
                    .paragraph("À : \(m.recipient) — \(m.status)"), .code(m.body),
                ]))
    }
}
