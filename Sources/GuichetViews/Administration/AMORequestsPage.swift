import Foundation
import GuichetDomain

/// `/admin/amo`: the AMO account requests waiting for a decision, each with its accept and
/// refuse forms, then the decided ones by pages.
public enum AMORequestsPage {
    public struct Pending: Sendable, Equatable {
        public let id: OrganisationID
        public let request: AMORequest
        public let name: String
        public let siret: String
        public let department: String
        public let receivedAt: Date?

        public init(
            id: OrganisationID, request: AMORequest, name: String, siret: String, department: String, receivedAt: Date?
        ) {
            self.id = id
            self.request = request
            self.name = name
            self.siret = siret
            self.department = department
            self.receivedAt = receivedAt
        }
    }

    public struct Decided: Sendable, Equatable {
        public let name: String
        public let siret: String
        public let status: OrganisationStatus
        public let reason: String?

        public init(name: String, siret: String, status: OrganisationStatus, reason: String?) {
            self.name = name
            self.siret = siret
            self.status = status
            self.reason = reason
        }
    }

    public struct Model: Sendable, Equatable {
        public let pending: [Pending]
        public let decided: [Decided]
        public let next: NextPage?
        public let csrfToken: String
        public let refusal: RefusalAttempt?

        public init(
            pending: [Pending], decided: [Decided], next: NextPage?, csrfToken: String, refusal: RefusalAttempt? = nil
        ) {
            self.pending = pending
            self.decided = decided
            self.next = next
            self.csrfToken = csrfToken
            self.refusal = refusal
        }
    }

    public static let pageSize = 50

    public static func render(_ page: PageModel, _ m: Model) -> String {
        var blocks: [InfoPageModel.Block] = []
        if m.pending.isEmpty { blocks.append(.paragraph("Aucune demande en attente.")) }
        for p in m.pending { blocks += pending(p, csrf: m.csrfToken, refusal: m.refusal) }
        blocks.append(
            .table(
                caption: "Demandes traitées", headers: ["Raison sociale", "SIRET", "Décision", "Motif"],
                rows: m.decided.map { [$0.name, $0.siret, $0.status.french, $0.reason ?? ""] }))
        if let next = m.next { blocks.append(.links([(next.label, next.href)])) }
        let page = page.titled("Demandes de compte AMO").refused(m.refusal != nil)
        return InfoPage.render(page, InfoPageModel(heading: "Demandes de compte AMO", blocks: blocks))
    }

    static func pending(_ p: Pending, csrf: String, refusal: RefusalAttempt?) -> [InfoPageModel.Block] {
        let d = p.request
        let action = "/admin/amo/\(p.id.uuidString)/decision"
        let representative =
            "\(d.legalCivility) \(d.legalUsageName) (né(e) \(d.legalBirthName), le \(d.legalBirthDate) à "
            + "\(d.legalBirthCity))"
        return [
            .heading("\(p.name) — SIRET \(p.siret)"),
            .table(
                caption: nil, headers: ["Élément", "Valeur"],
                rows: [
                    ["Département", p.department],
                    ["Représentant légal", representative],
                    ["Contact commercial", "\(d.contactName) — \(d.contactEmail) — \(d.contactPhone)"],
                    ["Reçue le", p.receivedAt.map(ParisTime.day) ?? ""],
                ]),
            .button(action: action, label: "Accepter", hidden: [("decision", "accept")], csrf: csrf),
            .form(
                FormPageModel(
                    heading: "Refuser", action: action,
                    fields: [.input(name: "reason", label: "Motif du refus (envoyé au demandeur)")],
                    submit: "Refuser la demande", state: RefusalAttempt.state(for: p.id, refusal, csrf: csrf))),
        ]
    }
}
