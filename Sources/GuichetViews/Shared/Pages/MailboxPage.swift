import Foundation
import GuichetDomain

/// The development mailbox (`GUICHET_DEV_MAILBOX=true` only): the outbox's last messages.
public enum MailboxPage {
    public struct Message: Sendable, Equatable {
        public let id: OutboxMessageID
        public let createdAt: Date
        public let channel: String
        public let recipient: String
        public let subject: String
        public let status: String
        public let body: String

        public init(
            id: OutboxMessageID, createdAt: Date, channel: String, recipient: String, subject: String, status: String,
            body: String
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

    /// Newest first; each subject opens its message.
    public static func list(_ page: PageModel, _ messages: [Message]) -> String {
        let time = ParisTime.formatter()
        return Layout.render(page.titled("Boîte de développement")) {
            H1("Boîte de développement")
            Paragraph(
                "Les 100 derniers messages de la file d'envoi, les plus récents d'abord. Désactivez cette boîte en "
                    + "production (GUICHET_DEV_MAILBOX).")
            if messages.isEmpty {
                Paragraph("Aucun message.").class("muted")
            } else {
                DataTable(
                    caption: "Messages", headers: ["Date", "Canal", "Destinataire", "Objet", "État"],
                    cells: messages.map { m in
                        [
                            .init(time.string(from: m.createdAt)), .init(m.channel), .init(m.recipient),
                            .init(m.title, href: "/dev/mailbox/\(m.id.uuidString)"), .init(m.status),
                        ]
                    })
            }
        }
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
