import GuichetDomain
import Testing

@testable import GuichetViews

/// The upload page from the typed check result, without Vapor (issue #10).
@Suite struct UploadPageTests {
    static let page = PageModel(title: "Tableau", currentPath: "/ami")

    static func result(differences: [ProgrammingCheckResult.Difference]) -> ProgrammingCheckResult {
        ProgrammingCheckResult(
            rowsWithValues: 1,
            errors: [
                .init(
                    sheet: "Programmation", cell: "F3", header: "Logements", value: "douze", message: "entier attendu")
            ],
            operations: [
                .init(
                    row: 2, reference: "OP-1", kind: "construction", product: nil, dwellings: 1200,
                    costPrice: Money(cents: 100), loanRequested: Money(cents: 123_456),
                    checks: [.init(rule: "AMI-E1", status: .pass, message: "ok")])
            ],
            synthesis: .init(
                operations: 1, dwellings: 1200, costPrice: Money(cents: 100), loanRequested: Money(cents: 123_456),
                byType: [], byProduct: []),
            cachedDifferences: differences)
    }

    @Test func errorsByCellThousandsAndNoDifferencesTableWhenThereIsNone() {
        let html = UploadPage.render(
            Self.page,
            .init(
                fileName: "t.xlsx", state: .checked(Self.result(differences: []), errorCount: 1), filingPath: "/ami/x",
                pagePath: "/ami/x/tableaux/1"))
        #expect(html.contains("1 erreur :"))
        #expect(html.contains("<td>F3</td>"))
        #expect(html.contains("1\u{202F}200") || html.contains("1 200") || html.contains("1\u{00A0}200"))
        #expect(html.contains("✓ AMI-E1 : ok"))
        #expect(!html.contains("Écarts"))
        #expect(!html.contains("http-equiv"))
    }

    @Test func aCheckInProgressShowsItsProgress() {
        let html = UploadPage.render(
            Self.page,
            .init(
                fileName: "t.xlsx", state: .checking(permille: 500, stage: "Contrôle des lignes"),
                filingPath: "/ami/x", pagePath: "/ami/x/tableaux/1"))
        #expect(html.contains(#"value="500""#) && html.contains(#"max="1000""#))
        #expect(html.contains("Vérification du tableau : 50\u{00A0}%"))
        #expect(html.contains("Contrôle des lignes"))
        // Issue #11: progress by script, a button without it, never a meta refresh.
        #expect(!html.contains("http-equiv"))
        #expect(html.contains(#"data-progress-url="/ami/x/tableaux/1/progression.json""#))
        #expect(
            html.contains(#"<form method="get" action="/ami/x/tableaux/1""#)
                || html.contains(#"action="/ami/x/tableaux/1""#))
        #expect(html.contains(#"aria-live="polite""#))
        #expect(html.hasSuffix("<script>" + InlineScript.progress.source + "</script></body></html>"))
    }
}
