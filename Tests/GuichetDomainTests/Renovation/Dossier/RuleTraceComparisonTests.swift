import GuichetDomain
import Testing

/// Issue #13: the rule trace stored at filing against the same rules decided today.
@Suite struct RuleTraceComparisonTests {
    typealias D = RuleTraceComparison.Decision

    @Test func ruleByRuleWithTheChangesMarked() {
        let filed = [
            D(rule: "RENO-E5", status: "pass", message: "Revenu 25 000 € ≤ plafond 2024 : 33 547 €"),
            D(rule: "RENO-F3", status: "pass", message: "Entreprise A : 9 000 €"),
            D(rule: "RENO-F3", status: "pass", message: "Entreprise B : 4 000 €"),
            D(rule: "RENO-E9", status: "pass", message: "Aucun autre dossier"),
        ]
        let today = [
            D(rule: "RENO-E5", status: "fail", message: "Revenu 25 000 € > plafond 2026 : 24 000 €"),
            D(rule: "RENO-F3", status: "pass", message: "Entreprise A : 9 000 €"),
            D(rule: "RENO-F3", status: "pass", message: "Entreprise B : 3 500 €"),
            D(rule: "RENO-E11", status: "pass", message: "Entreprises RGE"),
        ]
        let lines = RuleTraceComparison.compare(filed: filed, today: today)
        #expect(lines.map(\.rule) == ["RENO-E5", "RENO-F3", "RENO-F3", "RENO-E9", "RENO-E11"])
        #expect(lines.map(\.statusChanged) == [true, false, false, true, true])
        #expect(lines.map(\.changed) == [true, false, true, true, true])
        #expect(lines[3].today == nil && lines[4].filed == nil)
    }

    @Test func theSameDecisionsShowNoChange() {
        let c = Criterion(.e1, .pass, "Propriétaire occupant")
        let lines = RuleTraceComparison.compare(filed: [D(c)], today: [D(c)])
        #expect(lines.count == 1 && !lines[0].changed)
    }
}
