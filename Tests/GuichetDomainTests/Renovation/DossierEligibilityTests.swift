import Testing

@testable import GuichetDomain

@Suite struct DossierEligibilityTests {
    // RENO-E9
    @Test func oneLiveDossierPerDwelling() {
        let live = [
            DossierEligibility.LiveDossier(
                reference: "RENO-2026-0001", address: "12 bd de la Libération", insee: "01053")
        ]
        #expect(
            DossierEligibility.normalisedAddress("12, Boulevard de la  LIBÉRATION")
                == DossierEligibility.normalisedAddress("12 bd de la Libération"))
        #expect(
            DossierEligibility.oneAidPerDwelling(address: "12, Boulevard de la Libération", insee: "01053", live: live)
                .status == .fail)
        #expect(
            DossierEligibility.oneAidPerDwelling(address: "12 bd de la Libération", insee: "01004", live: live).status
                == .pass, "another commune")
        #expect(
            DossierEligibility.oneAidPerDwelling(address: "14 bd de la Libération", insee: "01053", live: live).status
                == .pass, "another dwelling of the household")
        #expect(DossierEligibility.oneAidPerDwelling(address: " , ", insee: "01053", live: live).status == .missing)
    }

    // RENO-E10
    @Test func amoContract() {
        typealias D = DossierEligibility
        let all = Set(D.AMOMission.allCases)
        #expect(D.amo(nil).status == .missing)
        #expect(
            D.amo(.init(siret: "73282932000074", signedByAllParties: true, fee: .euros(1_200), missions: all)).status
                == .pass)
        let unsigned = D.amo(
            .init(siret: "73282932000074", signedByAllParties: false, fee: nil, missions: [.technicalDiagnosis]))
        #expect(unsigned.status == .fail)
        #expect(unsigned.message.contains("signé"))
        #expect(unsigned.message.contains("honoraires"))
        #expect(unsigned.message.contains("contrôle de la conformité"))
    }

    // RENO-E11
    @Test func rgeForMainWorksOnly() {
        let rge = WorksCompany(
            siret: "73282932000074", name: "Isol'Est", rge: true, mainWorks: .euros(10_000), inducedWorks: .zero)
        let inducedOnly = WorksCompany(
            siret: "73282932000074", name: "Plâtrerie", rge: false, mainWorks: .zero, inducedWorks: .euros(800))
        let notRGE = WorksCompany(
            siret: "73282932000074", name: "Chauffage Sans Label", rge: false, mainWorks: .euros(5_000),
            inducedWorks: .zero)
        #expect(DossierEligibility.rge([]).status == .missing)
        #expect(DossierEligibility.rge([rge, inducedOnly]).status == .pass)
        let refused = DossierEligibility.rge([rge, notRGE])
        #expect(refused.status == .fail)
        #expect(refused.message.contains("Chauffage Sans Label"))
    }
}
