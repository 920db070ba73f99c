import Foundation
import GuichetDomain

/// Where an instructor lands (issue #11): what their scope holds. Until the AMI instruction
/// exists, the sent filings of their departments and regions, read-only; the renovation
/// dossiers are instructed from `/instruction/dossiers` (issue #13).
public enum InstructionHome {
    /// One sent filing as staff see it.
    public struct SentFiling: Sendable, Equatable {
        public let year: Int
        public let department: String
        public let departmentName: String
        public let landlord: String
        public let sentAt: Date?
        public let synthesis: FilingSynthesis?

        public init(
            year: Int, department: String, departmentName: String, landlord: String, sentAt: Date?,
            synthesis: FilingSynthesis?
        ) {
            self.year = year
            self.department = department
            self.departmentName = departmentName
            self.landlord = landlord
            self.sentAt = sentAt
            self.synthesis = synthesis
        }
    }

    public struct Model: Sendable, Equatable {
        /// « 974 La Réunion, région 84 » or « tous les départements ».
        public let scope: String
        public let filings: [SentFiling]
        public init(scope: String, filings: [SentFiling]) {
            self.scope = scope
            self.filings = filings
        }
    }

    public static func render(_ page: PageModel, _ m: Model) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Instruction",
                blocks: [
                    .paragraph("Votre périmètre : \(m.scope)."),
                    .heading("AMI DROM : dépôts envoyés"),
                    .paragraph(
                        "Lecture seule : le classement des opérations (AMI-P), le calibrage des prêts dans "
                            + "l'enveloppe (AMI-L) et les réservations (AMI-R) arrivent avec l'instruction de l'AMI."),
                    filingsTable(m.filings, caption: "Dépôts envoyés de votre périmètre, les plus récents d'abord"),
                    .heading("Aide à la rénovation énergétique"),
                    .paragraph(
                        "Les dossiers déposés de votre périmètre : files par état, recherche, exports, attribution, "
                            + "relances, puis l'examen de chaque dossier et ses décisions."),
                    .links([("Dossiers de rénovation à instruire", "/instruction/dossiers")]),
                ]))
    }

    /// The table of sent filings, shared with the administrators' overview.
    public static func filingsTable(_ filings: [SentFiling], caption: String) -> InfoPageModel.Block {
        let time = ParisTime.formatter()
        return .table(
            caption: caption,
            headers: ["Campagne", "Département", "Bailleur", "Envoyé le", "Opérations", "Logements", "Prêt sollicité"],
            rows: filings.map { f in
                [
                    String(f.year), "\(f.department) \(f.departmentName)", f.landlord,
                    f.sentAt.map(time.string) ?? "—",
                    f.synthesis.map { FrenchFormat.integer($0.operations) } ?? "—",
                    f.synthesis.map { FrenchFormat.integer($0.dwellings) } ?? "—",
                    f.synthesis?.loanRequested.formatted() ?? "—",
                ]
            })
    }
}
