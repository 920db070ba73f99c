import Foundation
import GuichetDomain

/// `/ami`: a landlord's filings, campaign by campaign and department by department; or how to
/// start when the person has no organisation, or one not yet accepted.
public enum AMIHomePage {
    public enum Filing: Sendable, Equatable {
        case notStarted
        case draft
        case sent(Date?)
    }

    public struct Department: Sendable, Equatable {
        public let code: String
        public let name: String
        public let filing: Filing

        public init(code: String, name: String, filing: Filing) {
            self.code = code
            self.name = name
            self.filing = filing
        }
    }

    public struct CampaignLine: Sendable, Equatable {
        public let year: Int
        public let phase: String
        public let departments: [Department]

        public init(year: Int, phase: String, departments: [Department]) {
            self.year = year
            self.phase = phase
            self.departments = departments
        }
    }

    public enum Model: Sendable, Equatable {
        /// No organisation yet: register one, or be invited.
        case noOrganisation
        /// Registered, waiting for Action Logement's review (the refusal says why, citing AMI-B).
        case notAccepted(message: String)
        case filings(organisation: String, siren: String, campaigns: [CampaignLine])
    }

    public static func render(_ page: PageModel, _ m: Model) -> String {
        switch m {
        case .noOrganisation:
            return InfoPage.render(
                page,
                InfoPageModel(
                    heading: "AMI DROM : dépôt des bailleurs sociaux",
                    blocks: [
                        .paragraph(
                            "Pour déposer un tableau de programmation, identifiez d'abord votre organisme (AMI-B). "
                                + "Si votre organisme est déjà inscrit, demandez à l'un de ses membres de vous ajouter."
                        ),
                        .links([("Inscrire mon organisme", "/ami/bailleur/inscription")]),
                    ]))
        case .notAccepted(let message):
            return InfoPage.render(
                page,
                InfoPageModel(
                    heading: "AMI DROM : mes dépôts",
                    blocks: [
                        .notice(.info, message), .links([("Organisme et membres", "/ami/organisation")]),
                    ]))
        case .filings(let organisation, let siren, let campaigns):
            var blocks: [InfoPageModel.Block] = [
                .paragraph("Organisme : \(organisation) (SIREN \(siren))."),
                .links([("Organisme et membres", "/ami/organisation")]),
            ]
            if campaigns.isEmpty { blocks.append(.paragraph("Aucune campagne n'est ouverte pour l'instant.")) }
            let time = ParisTime.formatter()
            for c in campaigns {
                blocks.append(.heading("Campagne \(c.year) – \(c.phase)"))
                blocks.append(
                    .links(
                        c.departments.map { d in
                            let state =
                                switch d.filing {
                                case .notStarted: "non commencé"
                                case .draft: "brouillon"
                                case .sent(let at): "envoyé le \(at.map(time.string) ?? "")"
                                }
                            return ("\(d.code) \(d.name) : \(state)", "/ami/campagnes/\(c.year)/\(d.code)")
                        }))
            }
            return InfoPage.render(page, InfoPageModel(heading: "AMI DROM : mes dépôts", blocks: blocks))
        }
    }
}
