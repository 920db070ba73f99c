import GuichetDomain

/// The dossier's home (its task list and history) and its review page (every answer, what keeps
/// it from being filed, « Déposer »).
public enum DossierOverview {
    public struct HistoryLine: Sendable {
        public let at: String
        public let who: String
        public let text: String
        public init(at: String, who: String, text: String) {
            self.at = at
            self.who = who
            self.text = text
        }
    }

    public static func taskList(
        _ b: DossierSteps.Base, progress: DossierProgress, history: [HistoryLine], receiptURL: String?,
        instruction: [InfoPageModel.Block] = []
    ) -> DossierPageModel {
        let rows: [[DataTable.Cell]] = progress.items.map { item in
            [
                DataTable.Cell(item.step.french, href: "\(b.path)/\(item.step.rawValue)"),
                DataTable.Cell(
                    item.step == .review ? (b.editable ? "À faire en dernier" : "Déposé") : item.status.french),
                DataTable.Cell(item.missing.joined(separator: " ; ")),
            ]
        }
        var before = instruction
        before.append(
            .cells(caption: "Étapes du dossier", headers: ["Étape", "État", "Reste à compléter"], rows: rows))
        if let receiptURL { before.append(.links([("Accusé de réception du dépôt (PDF)", receiptURL)])) }
        before.append(.heading("Historique"))
        before.append(
            .table(
                caption: "Historique du dossier", headers: ["Date", "Par", "Action"],
                rows: history.map { [$0.at, $0.who, $0.text] }))
        return DossierPageModel(
            title: "Dossier \(b.context.reference)", context: b.context, notices: DossierSteps.notices(b),
            before: before)
    }

    /// What an instructor asked to correct (issue #13), each point linked to its step when it
    /// names one (« Logement : … »).
    public static func corrections(_ items: [String], path: String) -> [InfoPageModel.Block] {
        guard !items.isEmpty else { return [] }
        let rows: [[DataTable.Cell]] = items.map { item in
            let step = DossierStep.allCases.first { item.hasPrefix($0.french + " :") }
            return [
                DataTable.Cell(item),
                step.map { DataTable.Cell("Corriger : \($0.french)", href: "\(path)/\($0.rawValue)") }
                    ?? DataTable.Cell("Corriger", href: "\(path)/recapitulatif"),
            ]
        }
        return [
            .heading("À corriger avant de déposer à nouveau"),
            .cells(caption: "Demandé par l'instructeur", headers: ["Point", "Où"], rows: rows),
        ]
    }

    /// One section of the review: its step, its answers, the link to change them.
    public struct Section: Sendable {
        public let step: DossierStep
        public let rows: [(String, String)]
        public init(step: DossierStep, rows: [(String, String)]) {
            self.step = step
            self.rows = rows
        }
    }

    public static func review(
        _ b: DossierSteps.Base, sections: [Section], problems: [FilingProblem]
    ) -> DossierPageModel {
        var before: [InfoPageModel.Block] = []
        for s in sections {
            before.append(.heading(s.step.french))
            before.append(.definitions(s.rows))
            if b.editable { before.append(.links([("Modifier : \(s.step.french)", "\(b.path)/\(s.step.rawValue)")])) }
        }
        var after: [InfoPageModel.Block] = []
        if !problems.isEmpty {
            after.append(.heading("Avant de déposer"))
            after.append(
                .cells(
                    caption: "Ce qui empêche le dépôt", headers: ["Étape", "À corriger"],
                    rows: problems.map {
                        [
                            DataTable.Cell($0.step.french, href: "\(b.path)/\($0.step.rawValue)"),
                            DataTable.Cell(FrenchText.sentence($0.message)),
                        ]
                    }))
        }
        if b.editable {
            after.append(
                .form(
                    FormPageModel(
                        heading: "Dépôt",
                        intro: [
                            "En déposant, vous certifiez l'exactitude des informations saisies. Le "
                                + "dossier ne pourra plus être "
                                + "modifié, sauf s'il vous est renvoyé pour correction."
                        ],
                        action: "\(b.path)/depot", fields: [], submit: "Déposer le dossier", state: b.state,
                        carried: [("version", String(b.version))])))
        }
        return DossierPageModel(
            title: DossierStep.review.french, context: b.context, notices: DossierSteps.notices(b), before: before,
            after: after)
    }
}
