import Testing

@testable import GuichetDomain

@Suite struct ReferenceDataTests {
    let r = Fixtures.reference

    @Test func loadsEveryTable() {
        #expect(r.zonageVersions.count == 3)
        #expect(r.zonageVersions.map(\.zones.count) == [34_955, 34_935, 34_875])
        #expect(r.actionCoeurDeVille.count == 245)
        #expect(r.departments.count == 101)
        #expect(r.anahCeilings.count == 28)
        #expect(r.livretA.count == 10)
        #expect(r.communesByInsee.count > 34_000)
    }

    @Test func zonageVersionByDate() {
        var w: [Warning] = []
        #expect(r.zonage(on: Fixtures.day("2024-07-04"), warnings: &w).zones["01053"] == .b2)
        #expect(r.zonage(on: Fixtures.day("2024-07-05"), warnings: &w).zones["01053"] == .b1)
        #expect(r.zonage(on: Fixtures.day("2025-09-05"), warnings: &w).validFrom == ReferenceData.zonage2025From)
        #expect(w.count == 1, "only the 2024-07-04 lookup falls in the October 2023 gap")
        var w2: [Warning] = []
        _ = r.zonage(on: Fixtures.day("2023-10-04"), warnings: &w2)
        #expect(w2.isEmpty)
        _ = r.zonage(on: Fixtures.day("2023-10-05"), warnings: &w2)
        #expect(w2.first?.text.contains("octobre 2023") == true)
    }

    @Test func postalCodesAndCommunes() {
        let communes = r.communes(postalCode: PostalCode("01000")!)
        #expect(communes.map(\.insee).contains("01053"))
        #expect(communes.count == 2)
        #expect(r.communeName(InseeCode("01053")!) == "Bourg-en-Bresse")
        #expect(r.department(of: InseeCode("77001")!)?.isIleDeFrance == true)
        #expect(r.department(of: InseeCode("97411")!)?.isDROM == true)
        #expect(r.isActionCoeurDeVille(InseeCode("01053")!))
        #expect(!r.isActionCoeurDeVille(InseeCode("01001")!))
    }

    @Test func anahCeilingsByYear() {
        var w: [Warning] = []
        let c2020 = r.anahCeiling(on: Fixtures.day("2020-06-15"), region: .other, category: .modeste, warnings: &w)!
        #expect(c2020.ceiling(householdSize: 3) == .euros(33_547))
        #expect(c2020.ceiling(householdSize: 6) == .euros(44_860 + 5_651))
        #expect(c2020.ceiling(householdSize: 8) == .euros(44_860 + 3 * 5_651))
        #expect(w.isEmpty)
        let c2022 = r.anahCeiling(on: Fixtures.day("2022-03-01"), region: .other, category: .modeste, warnings: &w)!
        #expect(c2022.year == 2021)
        #expect(w.last?.text.contains("2022 non disponibles") == true)
        let c2026 = r.anahCeiling(
            on: Fixtures.day("2026-11-26"), region: .ileDeFrance, category: .modeste, warnings: &w)!
        #expect(c2026.year == 2025)
        #expect(w.last?.text.contains("non mis à jour depuis le 01/01/2025") == true)
        let c2019 = r.anahCeiling(on: Fixtures.day("2019-10-01"), region: .other, category: .modeste, warnings: &w)!
        #expect(c2019.year == 2020)
    }

    @Test func livretAOnDecember31() {
        var w: [Warning] = []
        #expect(r.livretARate(on: Fixtures.day("2019-12-31"), warnings: &w)?.rate == Rate.percent(0, hundredths: 75))
        #expect(r.livretARate(on: Fixtures.day("2022-12-31"), warnings: &w)?.rate == .percent(2))
        #expect(r.livretARate(on: Fixtures.day("2025-12-31"), warnings: &w)?.rate == Rate.percent(1, hundredths: 70))
        #expect(w.isEmpty)
        _ = r.livretARate(on: Fixtures.day("2026-12-31"), warnings: &w)
        #expect(w.first?.text.contains("non mis à jour depuis le 12/01/2026") == true)
    }

    @Test func parameterResolutionAppliesTheFloor() {
        let p2020 = Fixtures.parameters.resolve(at: Fixtures.day("2020-06-15"), reference: r)
        #expect(p2020.loanRate == .percent(1), "Livret A 0,75 % on 31/12/2019 is floored at 1 %")
        let p2024 = Fixtures.parameters.resolve(at: Fixtures.day("2024-03-01"), reference: r)
        #expect(p2024.loanRate == .percent(3))
        #expect(p2024.ceilingOwnerOccupier == .euros(20_000))
        #expect(p2024.amoCaps.cap(case: 4) == .euros(900))
    }

    @Test func datedSeriesUsesLastValueStarted() {
        let s = DatedSeries<Int>(
            id: "X", label: "x", entries: [.init(from: Fixtures.day("2020-01-01"), 1, source: "a")]
        )
        .adding(.init(from: Fixtures.day("2025-01-01"), 2, source: "b"))
        var w: [Warning] = []
        #expect(s.resolve(at: Fixtures.day("2024-12-31"), warnings: &w) == 1)
        #expect(s.resolve(at: Fixtures.day("2025-01-01"), warnings: &w) == 2)
        #expect(w.isEmpty)
        #expect(s.resolve(at: Fixtures.day("2019-01-01"), warnings: &w) == 1)
        #expect(w.count == 1)
    }
}

@Suite struct CommuneIndexTests {
    @Test func agreesWithTheFullReferenceData() throws {
        let index = try CommuneIndex.loadBundled()
        let full = Fixtures.reference
        for code in ["97411", "97105", "01001", "75056", "2A004", "97611"] {
            #expect(index.isKnownCommune(code) == full.isKnownCommune(code), "\(code)")
            #expect(index.isKnownCommune(code), "\(code)")
        }
        #expect(!index.isKnownCommune("97499") && !full.isKnownCommune("97499"))
        for code in full.communesByInsee.keys { #expect(index.isKnownCommune(code)) }
    }
}
