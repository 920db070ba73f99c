import Testing

@testable import GuichetDomain

@Suite struct DayTests {
    @Test func parsesStrictISO() {
        #expect(Day(iso: "2024-09-30") == Day(year: 2024, month: 9, day: 30))
        #expect(Day(iso: "2024-02-30") == nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "30/09/2024") == nil)
        #expect(Day(iso: "2024-9-30") == nil)
    }

    @Test func parsesFrenchDates() {
        #expect(Day(french: "30/09/2024") == Day(iso: "2024-09-30"))
        #expect(Day(french: "1/3/2024") == Day(iso: "2024-03-01"))
        #expect(Day(french: "12/03/75") == nil, "four-digit years only")
        #expect(Day(french: "31/02/2024") == nil)
        #expect(Day(french: "2024-09-30") == nil)
    }

    @Test func formatsInFrench() {
        #expect(Day(iso: "2024-09-30")!.french == "30/09/2024")
        #expect(FrenchFormat.longDay(Day(iso: "2024-07-05")!) == "5 juillet 2024")
        #expect(FrenchFormat.longDay(Day(iso: "2024-10-01")!) == "1er octobre 2024")
    }

    @Test func ordinalRoundTrips() {
        var d = Day(iso: "1999-12-25")!
        for _ in 0..<2000 {
            let next = d.adding(days: 1)
            #expect(next.ordinal == d.ordinal + 1)
            #expect(Day(ordinal: next.ordinal) == next)
            d = next
        }
        #expect(Day(iso: "1970-01-01")!.ordinal == 0)
    }

    @Test func addingMonthsClampsToMonthEnd() {
        #expect(Day(iso: "2024-01-31")!.adding(months: 1) == Day(iso: "2024-02-29"))
        #expect(Day(iso: "2024-05-31")!.adding(months: -3) == Day(iso: "2024-02-29"))
        #expect(Day(iso: "2024-06-15")!.adding(months: -60) == Day(iso: "2019-06-15"))
        #expect(Day(iso: "2024-06-15")!.lastDayOfPreviousYear == Day(iso: "2023-12-31"))
    }
}

@Suite struct IdentifierTests {
    @Test func inseeCodes() {
        #expect(InseeCode("01053")?.departmentCode == "01")
        #expect(InseeCode("2A004")?.departmentCode == "2A")
        #expect(InseeCode("97411")?.departmentCode == "974")
        #expect(InseeCode("1053") == nil)
        #expect(InseeCode("2C004") == nil)
        #expect(InseeCode("0105A") == nil)
    }

    @Test func siretAndSirenUseLuhn() {
        #expect(Siret("73282932000074") != nil)
        #expect(Siret("732 829 320 00074") != nil)
        #expect(Siret("73282932000075") == nil)
        #expect(Siret("35600000049837") != nil)  // La Poste establishment: digit sum divisible by 5
        #expect(Siret("35600000049838") == nil)
        #expect(Siren("732829320") != nil)
        #expect(Siren("732829321") == nil)
    }
}

/// Issue #9: no date arithmetic traps, whatever the date.
@Suite struct DayRangeTests {
    @Test func derivedDatesNeverTrap() throws {
        let first = try #require(Day(year: 1, month: 1, day: 15))
        #expect(first.lastDayOfPreviousYear.year == 0)
        #expect(first.adding(months: -1).year == 0)
        #expect(first.adding(months: -13).month == 12)
        let last = try #require(Day(year: 9999, month: 12, day: 31))
        #expect(last.adding(months: 1).year == 10_000)
    }

    @Test func typedDatesStayInTheSupportedRange() {
        #expect(Day(french: "31/12/1899") == nil)
        #expect(Day(french: "01/01/1900") != nil)
        #expect(Day(french: "31/12/2199") != nil)
        #expect(Day(french: "01/01/2200") == nil)
    }
}
