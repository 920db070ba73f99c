import Foundation
import GuichetDomain

/// `/admin/taches`: the background jobs, newest first, with those abandoned after their last
/// attempt, which an administrator can start again.
public enum JobsPage {
    public struct Row: Sendable, Equatable {
        public let id: JobID
        public let kind: String
        public let state: String
        public let isDead: Bool
        public let attempts: Int
        public let maxAttempts: Int
        public let createdAt: Date
        public let runAt: Date
        public let lastError: String?

        public init(
            id: JobID, kind: String, state: String, isDead: Bool, attempts: Int, maxAttempts: Int,
            createdAt: Date, runAt: Date, lastError: String?
        ) {
            self.id = id
            self.kind = kind
            self.state = state
            self.isDead = isDead
            self.attempts = attempts
            self.maxAttempts = maxAttempts
            self.createdAt = createdAt
            self.runAt = runAt
            self.lastError = lastError
        }
    }

    public struct Model: Sendable, Equatable {
        /// (state in French, count)
        public let counts: [Count]
        public let rows: [Row]
        public let next: NextPage?
        public let csrfToken: String

        public init(counts: [Count], rows: [Row], next: NextPage?, csrfToken: String) {
            self.counts = counts
            self.rows = rows
            self.next = next
            self.csrfToken = csrfToken
        }
    }

    public struct Count: Sendable, Equatable {
        public let state: String
        public let count: Int

        public init(state: String, count: Int) {
            self.state = state
            self.count = count
        }
    }

    public static let pageSize = 50

    public static func render(_ page: PageModel, _ m: Model) -> String {
        var blocks: [InfoPageModel.Block] = [
            .definitions(m.counts.map { ($0.state.prefix(1).uppercased() + $0.state.dropFirst(), String($0.count)) })
        ]
        let time = ParisTime.formatter()
        let rows = m.rows.map { r in
            [
                r.kind, r.state, "\(r.attempts) sur \(r.maxAttempts)", time.string(from: r.createdAt),
                r.isDead ? "—" : time.string(from: r.runAt), r.lastError ?? "",
            ]
        }
        blocks.append(
            .table(
                caption: "Tâches, des plus récentes aux plus anciennes",
                headers: ["Tâche", "État", "Tentatives", "Créée le", "Prochaine tentative", "Dernière erreur"],
                rows: rows))
        for r in m.rows where r.isDead {
            blocks.append(
                .button(
                    action: "/admin/taches/\(r.id.uuidString)/relance",
                    label: "Relancer la tâche du \(ParisTime.format(r.createdAt))", hidden: [], csrf: m.csrfToken))
        }
        if let next = m.next { blocks.append(.links([(next.label, next.href)])) }
        return InfoPage.render(page, InfoPageModel(heading: "Tâches de fond", blocks: blocks))
    }
}
