import Testing

@testable import GuichetDomain

/// Issue #10: warnings carry their rule id as data; the text the contract and the pages show
/// is composed from it.
@Suite struct WarningTests {
    @Test func theRuleIsDataAndTheTextCitesIt() {
        #expect(Warning(.f4, "DPE de plus de 5 ans : refusé.").text == "RENO-F4 : DPE de plus de 5 ans : refusé.")
        #expect(Warning(.f7, "durée trop longue", failed: true).text == "RENO-F7 (échec) : durée trop longue")
        #expect(Warning(nil, "Taux du Livret A inconnu").text == "Taux du Livret A inconnu")
    }

    @Test func aFinancingPlanNamesTheRuleOfEachWarning() {
        var input = FinancingPlanInput()
        input.companies = [
            WorksCompany(
                siret: "73282932000074", name: "Isol", rge: false, mainWorks: .euros(10_000), inducedWorks: .zero)
        ]
        input.dpeAuditFee = .euros(500)
        let (_, warnings) = FinancingPlanTests.plan(input)
        #expect(warnings.contains { $0.rule == .e11 && $0.text.hasPrefix("RENO-E11 : Isol") })
        #expect(warnings.contains { $0.rule == .f4 })
    }
}
