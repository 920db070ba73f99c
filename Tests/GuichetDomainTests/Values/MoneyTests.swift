import Testing

@testable import GuichetDomain

@Suite struct MoneyTests {
    @Test(arguments: [
        (Int64(123456), "1\u{00A0}234,56\u{00A0}€"), (0, "0,00\u{00A0}€"), (5, "0,05\u{00A0}€"),
        (-5, "-0,05\u{00A0}€"), (-123456, "-1\u{00A0}234,56\u{00A0}€"),
        (100_000_000, "1\u{00A0}000\u{00A0}000,00\u{00A0}€"),
    ])
    func frenchFormatting(cents: Int64, expected: String) {
        #expect(Money(cents: cents).formatted() == expected)
    }

    @Test func dropsZeroCentsOnRequest() {
        #expect(Money.euros(25_000).formatted(dropZeroCents: true) == "25\u{00A0}000\u{00A0}€")
        #expect(Money(cents: 2_500_050).formatted(dropZeroCents: true) == "25\u{00A0}000,50\u{00A0}€")
    }

    @Test(arguments: [(Int64(5), Int64(2), Int64(3)), (4, 2, 2), (-5, 2, -3), (1, 3, 0), (2, 3, 1), (7, 2, 4)])
    func halfUpDivision(n: Int64, d: Int64, expected: Int64) {
        #expect(Money.divideHalfUp(n, d) == expected)
    }

    /// Issue #11: a cap computed as a share is rounded down, so rounding never exceeds the cap.
    @Test func shareRoundsDownToTheCent() {
        #expect(Money(cents: 744_362).share(30, over: 100) == Money(cents: 223_308))  // 2 233,086 → 2 233,08
        #expect(Money(cents: 1_600_000).share(30, over: 100) == Money(cents: 480_000))
        #expect(Money(cents: 5).share(30, over: 100) == Money(cents: 1))  // 1,5 → 1
        #expect(Money(cents: 1).share(30, over: 100) == Money(cents: 0))
        #expect(Money(cents: -5).share(30, over: 100) == Money(cents: -2))  // never above the share
        #expect(Money(cents: .max).share(7_000, over: 10_000).cents == 6_456_360_425_798_343_064)
        #expect(Money(cents: .max).share(3, over: 2) == Money(cents: .max))  // saturates, no trap
    }
}

@Suite struct RateTests {
    @Test func parsesAndPrints() {
        #expect(Rate(decimal: "0.0075")?.tenThousandths == 75)
        #expect(Rate(decimal: "0.75", percent: true)?.tenThousandths == 75)
        #expect(Rate(decimal: "1.0", percent: true)?.decimalString == "0.0100")
        #expect(Rate(decimal: "2.4", percent: true)?.frenchPercent == "2,40\u{00A0}%")
        #expect(Rate(decimal: "0.00001") == nil)
        #expect(Rate(decimal: "abc") == nil)
    }
}

@Suite struct MoneyParsingTests {
    @Test(arguments: [
        ("1 200 000,50", Int64(120_000_050)), ("30 000 €", 3_000_000), ("1200000.5", 120_000_050), ("0", 0),
        ("12\u{202F}345,6", 1_234_560),
    ])
    func french(_ text: String, _ cents: Int64) { #expect(Money(french: text) == Money(cents: cents)) }

    @Test(arguments: ["", "abc", "1,234", "-5", "1.2.3", "12,", "٣"])
    func refused(_ text: String) { #expect(Money(french: text) == nil) }
}

@Suite struct FormInputTests {
    @Test func amountsAndPercentsRoundTrip() {
        for cents: Int64 in [0, 5, 120_000_050, 1_500_000_000] {
            let m = Money(cents: cents)
            #expect(Money(french: FrenchFormat.amountInput(m)) == m)
        }
        #expect(FrenchFormat.amountInput(.euros(15_000_000)) == "15 000 000")
        #expect(FrenchFormat.percentInput(.percent(27, hundredths: 50)) == "27,5")
        #expect(FrenchFormat.percentInput(.percent(30)) == "30")
        #expect(FrenchFormat.percentInput(.percent(2, hundredths: 5)) == "2,05")
    }
}
