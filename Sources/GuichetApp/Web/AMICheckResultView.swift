import Foundation
import GuichetDomain
import GuichetFormats
import GuichetViews

/// The check result of a programming table as the landlord sees it, from the contract's JSON
/// (the same document `guichet ami check` prints and the API answers).
enum AMICheckResultView {
    static let shownRows = 500

    /// The check result as the landlord sees it: every error (sheet, cell, header, value,
    /// message), the operations with their pre-checks, the synthesis and the cached differences.
    static func blocks(_ r: JSONValue?, errors count: Int) -> [InfoPageModel.Block] {
        func s(_ v: JSONValue?) -> String { v?.scalarText ?? "" }
        func array(_ key: String) -> [JSONValue] { r?[key]?.array ?? [] }
        var blocks: [InfoPageModel.Block] = []
        let errors = array("errors")
        if errors.isEmpty {
            blocks.append(
                .notice(.success, "Aucune erreur : le tableau peut être envoyé après confirmation de la synthèse."))
        } else {
            blocks.append(
                .notice(
                    .error,
                    "\(FrenchFormat.integer(count)) erreur\(count > 1 ? "s" : "") : corrigez le fichier et déposez-le à nouveau."
                ))
            blocks.append(
                .table(
                    caption: errors.count > shownRows
                        ? "Erreurs (les \(shownRows) premières ; toutes dans le résultat JSON)" : "Erreurs",
                    headers: ["Feuille", "Cellule", "Colonne", "Valeur lue", "Message"],
                    rows: errors.prefix(shownRows).map {
                        [s($0["sheet"]), s($0["cell"]), s($0["header"]), s($0["value"]), s($0["message"])]
                    }))
        }
        let synthesis = r?["synthesis"]
        blocks.append(
            .definitions([
                ("Opérations", s(synthesis?["operations"])), ("Logements", s(synthesis?["dwellings"])),
                ("Prix de revient total", Money(cents: synthesis?["cost_price"]?.int64 ?? 0).formatted()),
                ("Prêt sollicité total", Money(cents: synthesis?["loan_requested"]?.int64 ?? 0).formatted()),
            ]))
        let differences = array("cached_synthesis_differences")
        if !differences.isEmpty {
            blocks.append(
                .table(
                    caption:
                        "Écarts entre la feuille « Données pour formulaire » et le calcul de Guichet (Guichet retient son calcul)",
                    headers: ["Indicateur", "Valeur du fichier", "Calcul de Guichet"],
                    rows: differences.map { [s($0["label"]), s($0["file"]), s($0["computed"])] }))
        }
        let ops = array("operations_detail")
        blocks.append(
            .table(
                caption: ops.count > shownRows
                    ? "Opérations lues (les \(shownRows) premières sur \(FrenchFormat.integer(ops.count)))"
                    : "Opérations lues (\(FrenchFormat.integer(ops.count)))",
                headers: [
                    "Ligne", "Référence", "Type", "Produit", "Logements", "Prêt sollicité",
                    "Pré-contrôles (AMI-E, AMI-O)",
                ],
                rows: ops.prefix(shownRows).map { op in
                    let checks = (op["eligibility"]?.array ?? []).map {
                        "\(s($0["status"]) == "pass" ? "✓" : "✗") \(s($0["rule"])) : \(s($0["message"]))"
                    }
                    return [
                        s(op["row"]), s(op["reference"]), s(op["type"]),
                        s(op["product"]).isEmpty ? "—" : s(op["product"]), s(op["dwellings"]),
                        Money(cents: op["loan_requested"]?.int64 ?? 0).formatted(), checks.joined(separator: " ; "),
                    ]
                }))
        return blocks
    }
}
