import GuichetDomain

/// A programming table after its upload: the check's progress, or why the file cannot be read,
/// or the result (every error with its cell, the synthesis, the differences with the file's own
/// figures, the operations with their pre-checks).
public enum UploadPage {
    public enum State: Sendable, Equatable {
        case checking(permille: Int, stage: String)
        case unreadable(String)
        case checked(ProgrammingCheckResult, errorCount: Int)
    }

    public struct Model: Sendable, Equatable {
        public let fileName: String
        public let state: State
        /// The filing page, this upload's page, its JSON result and its JSON progress.
        public let filingPath: String
        public let pagePath: String
        public var resultPath: String { pagePath + "/resultat.json" }
        public var progressPath: String { pagePath + "/progression.json" }

        public init(fileName: String, state: State, filingPath: String, pagePath: String) {
            self.fileName = fileName
            self.state = state
            self.filingPath = filingPath
            self.pagePath = pagePath
        }
    }

    /// Rows shown on the page; the JSON result has them all.
    public static let shownRows = 500

    public static func render(_ page: PageModel, _ m: Model) -> String {
        var page = page
        var blocks: [InfoPageModel.Block] = []
        switch m.state {
        case .checking(let permille, let stage):
            page.scripts.append(.progress)
            blocks.append(
                .progress(
                    label: "Vérification du tableau", permille: permille, detail: stage, pollURL: m.progressPath,
                    refreshURL: m.pagePath))
            blocks.append(
                .paragraph(
                    "La barre avance pendant la vérification ; sans JavaScript, utilisez « Actualiser ». Vous pouvez "
                        + "aussi quitter cette page : la vérification continue."))
        case .unreadable(let message):
            blocks.append(
                .notice(.error, "Fichier illisible : \(FrenchText.clause(message)). Déposez un fichier corrigé."))
        case .checked(let result, let errorCount):
            blocks += Self.result(result, errorCount: errorCount)
            blocks.append(.links([("Résultat complet (JSON)", m.resultPath)]))
        }
        blocks.append(.links([("Retour au dépôt", m.filingPath)]))
        return InfoPage.render(page, InfoPageModel(heading: "Tableau « \(m.fileName) »", blocks: blocks))
    }

    static func result(_ r: ProgrammingCheckResult, errorCount count: Int) -> [InfoPageModel.Block] {
        var blocks: [InfoPageModel.Block] = []
        if r.errors.isEmpty {
            blocks.append(
                .notice(.success, "Aucune erreur : le tableau peut être envoyé après confirmation de la synthèse."))
        } else {
            let errors = "\(FrenchFormat.integer(count)) erreur\(count > 1 ? "s" : "")"
            blocks.append(.notice(.error, "\(errors) : corrigez le fichier et déposez-le à nouveau."))
            let caption =
                r.errors.count > shownRows
                ? "Erreurs (les \(shownRows) premières ; toutes dans le résultat JSON)" : "Erreurs"
            blocks.append(
                .table(
                    caption: caption, headers: ["Feuille", "Cellule", "Colonne", "Valeur lue", "Message"],
                    rows: r.errors.prefix(shownRows).map { [$0.sheet, $0.cell, $0.header, $0.value, $0.message] }))
        }
        let s = r.synthesis
        blocks.append(
            .definitions([
                ("Opérations", FrenchFormat.integer(s.operations)), ("Logements", FrenchFormat.integer(s.dwellings)),
                ("Prix de revient total", s.costPrice.formatted()),
                ("Prêt sollicité total", s.loanRequested.formatted()),
            ]))
        if !r.cachedDifferences.isEmpty {
            blocks.append(
                .table(
                    caption:
                        "Écarts entre la feuille « Données pour formulaire » et le calcul de Guichet (Guichet retient "
                        + "son calcul)",
                    headers: ["Indicateur", "Valeur du fichier", "Calcul de Guichet"],
                    rows: r.cachedDifferences.map { [$0.label, $0.file, $0.computed] }))
        }
        let count = FrenchFormat.integer(r.operations.count)
        blocks.append(
            .table(
                caption: r.operations.count > shownRows
                    ? "Opérations lues (les \(shownRows) premières sur \(count))" : "Opérations lues (\(count))",
                headers: [
                    "Ligne", "Référence", "Type", "Produit", "Logements", "Prêt sollicité",
                    "Pré-contrôles (AMI-E, AMI-O)",
                ],
                rows: r.operations.prefix(shownRows).map { op in
                    let checks = op.checks.map { "\($0.status == .pass ? "✓" : "✗") \($0.rule) : \($0.message)" }
                    return [
                        String(op.row), op.reference, op.kind, op.product ?? "—", FrenchFormat.integer(op.dwellings),
                        op.loanRequested.formatted(), checks.joined(separator: " ; "),
                    ]
                }))
        return blocks
    }
}
