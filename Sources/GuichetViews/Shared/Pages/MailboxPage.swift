import Foundation
import GuichetDomain
import Plot

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
                Div {
                    El("table") {
                        El("caption", text: "Messages")
                        El("thead") {
                            El("tr") {
                                for h in ["Date", "Canal", "Destinataire", "Objet", "État"] {
                                    El("th", text: h).attr("scope", "col")
                                }
                            }
                        }
                        El("tbody") {
                            for m in messages {
                                El("tr") {
                                    El("td", text: time.string(from: m.createdAt))
                                    El("td", text: m.channel)
                                    El("td", text: m.recipient)
                                    El("td") { Link(m.title, url: "/dev/mailbox/\(m.id.uuidString)") }
                                    El("td", text: m.status)
                                }
                            }
                        }
                    }.class("data-table")
                }.class("table-scroll").attr("role", "region").attr("tabindex", "0").attr("aria-label", "Messages")
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
