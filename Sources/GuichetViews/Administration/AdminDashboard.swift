import GuichetDomain

/// `/admin`: where an administrator starts, with what waits for them.
public enum AdminDashboard {
    public struct Model: Sendable, Equatable {
        public let pendingAMORequests: Int
        public let pendingLandlords: Int
        public let outboxPending: Int
        public let deadJobs: Int
        public let recentFilings: [InstructionHome.SentFiling]

        public init(
            pendingAMORequests: Int, pendingLandlords: Int, outboxPending: Int, deadJobs: Int,
            recentFilings: [InstructionHome.SentFiling] = []
        ) {
            self.pendingAMORequests = pendingAMORequests
            self.pendingLandlords = pendingLandlords
            self.outboxPending = outboxPending
            self.deadJobs = deadJobs
            self.recentFilings = recentFilings
        }
    }

    public static func render(_ page: PageModel, _ m: Model) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Administration",
                blocks: attention(m) + [
                    .links([
                        ("Comptes", "/admin/comptes"),
                        ("Demandes de compte AMO (\(m.pendingAMORequests) en attente)", "/admin/amo"),
                        ("Journal d'audit", "/admin/journal"),
                        ("Paramètres de l'aide à la rénovation", "/admin/parametres"),
                        ("Campagnes AMI DROM", "/admin/ami"),
                        ("Inscriptions des bailleurs sociaux (\(m.pendingLandlords) en attente)", "/admin/bailleurs"),
                        ("Tâches de fond (\(m.deadJobs) abandonnée\(m.deadJobs > 1 ? "s" : ""))", "/admin/taches"),
                    ]),
                    .paragraph("Messages en attente d'envoi : \(FrenchFormat.integer(m.outboxPending))."),
                    InstructionHome.filingsTable(m.recentFilings, caption: "Derniers dépôts AMI DROM envoyés"),
                ]))
    }

    /// What waits for an administrator, first (issue #11: an overview where they land).
    static func attention(_ m: Model) -> [InfoPageModel.Block] {
        var out: [InfoPageModel.Block] = []
        if m.pendingAMORequests > 0 {
            out.append(
                .notice(
                    .warning,
                    FrenchFormat.count(m.pendingAMORequests, "demande AMO attend", "demandes AMO attendent")
                        + " une décision."))
        }
        if m.pendingLandlords > 0 {
            out.append(
                .notice(
                    .warning,
                    FrenchFormat.count(
                        m.pendingLandlords, "inscription de bailleur attend", "inscriptions de bailleurs attendent")
                        + " une revue."))
        }
        if m.deadJobs > 0 {
            out.append(
                .notice(
                    .error,
                    FrenchFormat.count(m.deadJobs, "tâche de fond abandonnée", "tâches de fond abandonnées")
                        + " : à relancer."))
        }
        if out.isEmpty { out.append(.notice(.success, "Rien n'attend de décision.")) }
        return out
    }
}
