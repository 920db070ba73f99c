import Foundation
import GuichetDomain

/// `/admin/bailleurs`: landlord registrations waiting for review (`AMI-B`), a contested SIREN
/// flagged with the other registrations, then the decided ones by pages.
public enum LandlordReviewsPage {
    public struct Pending: Sendable, Equatable {
        public let id: OrganisationID
        public let name: String
        public let siren: String
        public let identification: LandlordIdentification?
        public let registeredBy: [String]
        public let receivedAt: Date?
        /// The other live registrations of the same SIREN: (name, status in French).
        public let contestedBy: [String]

        public init(
            id: OrganisationID, name: String, siren: String, identification: LandlordIdentification?,
            registeredBy: [String],
            receivedAt: Date?, contestedBy: [String]
        ) {
            self.id = id
            self.name = name
            self.siren = siren
            self.identification = identification
            self.registeredBy = registeredBy
            self.receivedAt = receivedAt
            self.contestedBy = contestedBy
        }
    }

    public struct Model: Sendable, Equatable {
        public let pending: [Pending]
        public let decided: [AMORequestsPage.Decided]
        public let next: NextPage?
        public let csrfToken: String
        public let refusal: RefusalAttempt?

        public init(
            pending: [Pending], decided: [AMORequestsPage.Decided], next: NextPage?, csrfToken: String,
            refusal: RefusalAttempt? = nil
        ) {
            self.refusal = refusal
            self.pending = pending
            self.decided = decided
            self.next = next
            self.csrfToken = csrfToken
        }
    }

    public static func render(_ page: PageModel, _ m: Model) -> String {
        var blocks: [InfoPageModel.Block] = []
        if m.pending.isEmpty { blocks.append(.paragraph("Aucune inscription en attente.")) }
        let time = ParisTime.formatter()
        for o in m.pending {
            let d = o.identification
            let action = "/admin/bailleurs/\(o.id.uuidString)/decision"
            blocks.append(.heading("\(o.name) — SIREN \(o.siren)"))
            if !o.contestedBy.isEmpty {
                blocks.append(
                    .notice(
                        .warning, "SIREN contesté : également inscrit par \(o.contestedBy.joined(separator: ", "))."))
            }
            blocks.append(
                .definitions([
                    ("Statut", d?.kind.french ?? ""),
                    ("Adresse", d.map { "\($0.address), \($0.postalCode) \($0.city)" } ?? ""),
                    ("Contact", d.map { "\($0.contactName) – \($0.contactEmail) – \($0.contactPhone)" } ?? ""),
                    ("Inscrit par", o.registeredBy.joined(separator: ", ")),
                    ("Reçue le", o.receivedAt.map(time.string) ?? ""),
                ]))
            blocks.append(
                .button(action: action, label: "Accepter", hidden: [("decision", "accept")], csrf: m.csrfToken))
            blocks.append(
                .form(
                    FormPageModel(
                        heading: "Refuser", action: action,
                        fields: [.input(name: "reason", label: "Motif du refus (envoyé aux membres)")],
                        submit: "Refuser l'inscription",
                        state: RefusalAttempt.state(for: o.id, m.refusal, csrf: m.csrfToken))))
        }
        blocks.append(
            .table(
                caption: "Inscriptions traitées", headers: ["Raison sociale", "SIREN", "Décision", "Motif"],
                rows: m.decided.map { [$0.name, $0.siret, $0.status.french, $0.reason ?? ""] }))
        if let next = m.next { blocks.append(.links([(next.label, next.href)])) }
        let page = page.titled("Inscriptions des bailleurs sociaux").refused(m.refusal != nil)
        return InfoPage.render(page, InfoPageModel(heading: "Inscriptions des bailleurs sociaux", blocks: blocks))
    }
}
