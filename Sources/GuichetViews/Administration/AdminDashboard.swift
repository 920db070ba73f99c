import GuichetDomain

/// `/admin`: where an administrator starts, with what waits for them.
public enum AdminDashboard {
    public struct Model: Sendable, Equatable {
        public let pendingAMORequests: Int
        public let pendingLandlords: Int
        public let outboxPending: Int
        public let deadJobs: Int

        public init(pendingAMORequests: Int, pendingLandlords: Int, outboxPending: Int, deadJobs: Int) {
            self.pendingAMORequests = pendingAMORequests
            self.pendingLandlords = pendingLandlords
            self.outboxPending = outboxPending
            self.deadJobs = deadJobs
        }
    }

    public static func render(_ page: PageModel, _ m: Model) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Administration",
                blocks: [
                    .links([
                        ("Comptes", "/admin/comptes"),
                        ("Demandes de compte AMO (\(m.pendingAMORequests) en attente)", "/admin/amo"),
                        ("Journal d'audit", "/admin/journal"),
                        ("Paramètres de l'aide à la rénovation", "/admin/parametres"),
                        ("Campagnes AMI DROM", "/admin/ami"),
                        ("Inscriptions des bailleurs sociaux (\(m.pendingLandlords) en attente)", "/admin/bailleurs"),
                        ("Tâches de fond (\(m.deadJobs) abandonnée\(m.deadJobs > 1 ? "s" : ""))", "/admin/taches"),
                    ]),
                    .paragraph("Messages en attente d'envoi : \(m.outboxPending)."),
                ]))
    }
}
