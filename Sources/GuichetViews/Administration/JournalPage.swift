import Foundation
import GuichetDomain

/// `/admin/journal`: the audit trail, newest first, a hundred entries at a time. The page reads
/// the chain's head against the last signed checkpoint (constant time); the whole chain is
/// verified on demand (`/admin/journal/verification`) or by `guichet audit verify`.
public enum JournalPage {
    public struct Entry: Sendable, Equatable {
        public let seq: Int
        public let at: Date
        public let actorLabel: String
        public let actorRole: String
        public let action: String
        public let object: String
        public let detail: String
        public let clientAddress: String

        public init(
            seq: Int, at: Date, actorLabel: String, actorRole: String, action: String, object: String,
            detail: String = "", clientAddress: String
        ) {
            self.detail = detail
            self.seq = seq
            self.at = at
            self.actorLabel = actorLabel
            self.actorRole = actorRole
            self.action = action
            self.object = object
            self.clientAddress = clientAddress
        }
    }

    /// What the page says of the chain's integrity.
    public enum Integrity: Sendable, Equatable {
        /// The head matches the last signed checkpoint, or has moved on from it.
        case headAnchored(entries: Int)
        /// No checkpoint written yet (a new platform).
        case notYetAnchored(entries: Int)
        /// The result of a full verification asked for.
        case verified(entries: Int)
        case problems([String])
    }

    public struct Model: Sendable, Equatable {
        public let integrity: Integrity
        public let entries: [Entry]
        public let next: NextPage?

        public init(integrity: Integrity, entries: [Entry], next: NextPage?) {
            self.integrity = integrity
            self.entries = entries
            self.next = next
        }
    }

    public static let pageSize = 100

    public static func render(_ page: PageModel, _ m: Model) -> String {
        var blocks: [InfoPageModel.Block] = [integrity(m.integrity)]
        blocks.append(
            .links([
                ("Vérifier tout le chaînage", "/admin/journal/verification"),
                ("Exporter tout le journal (CSV)", "/admin/journal.csv"),
            ]))
        let time = ParisTime.formatter()
        let rows = m.entries.map { e in
            [
                String(e.seq), time.string(from: e.at), e.actorLabel, e.actorRole, e.action, e.object, e.detail,
                e.clientAddress,
            ]
        }
        blocks.append(
            .table(
                caption: "Entrées, des plus récentes aux plus anciennes",
                headers: ["N°", "Date", "Acteur", "Rôle", "Action", "Objet", "Détail", "Adresse"], rows: rows))
        if let next = m.next { blocks.append(.links([(next.label, next.href)])) }
        return InfoPage.render(page, InfoPageModel(heading: "Journal d'audit", blocks: blocks))
    }

    static func integrity(_ i: Integrity) -> InfoPageModel.Block {
        switch i {
        case .headAnchored(let n):
            .notice(.success, "Tête du chaînage en accord avec le dernier point de contrôle signé (\(n) entrées).")
        case .notYetAnchored(let n):
            .notice(.info, "\(n) entrées ; aucun point de contrôle signé n'est encore écrit.")
        case .verified(let n):
            .notice(
                .success,
                "Chaînage vérifié de bout en bout : \(n) entrées intactes, en accord avec les points de contrôle "
                    + "signés."
            )
        case .problems(let list):
            .notice(.error, "ALERTE : \(list.joined(separator: " ; ")).")
        }
    }
}
