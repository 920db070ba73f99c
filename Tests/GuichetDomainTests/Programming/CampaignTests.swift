import Foundation
import Testing

@testable import GuichetDomain

/// `AMI-K`, `AMI-L`, `AMI-R`.
@Suite struct CampaignTests {
    static let paris = TimeZone(identifier: "Europe/Paris")!
    static let window2024 = CampaignWindow(
        opens: CivilTime(day: Day(year: 2024, month: 4, day: 29)!, hour: 0, minute: 0)!,
        closes: CivilTime(day: Day(year: 2024, month: 9, day: 30)!, hour: 23, minute: 59)!, zone: paris)!

    static func utc(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test(arguments: [
        ("2024-04-28T21:59:59Z", CampaignWindow.Phase.notYetOpen),  // 28/04 23:59:59 Paris (UTC+2)
        ("2024-04-28T22:00:00Z", .open),  // 29/04 00:00:00 Paris
        ("2024-09-30T21:59:00Z", .open),  // 30/09 23:59:00 Paris
        ("2024-09-30T21:59:59Z", .open),  // 30/09 23:59:59 Paris: accepted
        ("2024-09-30T22:00:00Z", .closed),  // 01/10 00:00:00 Paris: refused
        ("2024-09-30T23:30:00Z", .closed),
    ])
    func closingMinuteInParis(_ instant: String, _ phase: CampaignWindow.Phase) {
        #expect(Self.window2024.phase(at: Self.utc(instant)) == phase, "\(instant)")
    }

    @Test func winterTimeDeadline() {
        // A campaign closing in winter: Paris is UTC+1.
        let w = CampaignWindow(
            opens: CivilTime(day: Day(year: 2025, month: 10, day: 1)!, hour: 9, minute: 0)!,
            closes: CivilTime(day: Day(year: 2025, month: 12, day: 15)!, hour: 12, minute: 0)!, zone: Self.paris)!
        #expect(w.phase(at: Self.utc("2025-12-15T11:00:59Z")) == .open)
        #expect(w.phase(at: Self.utc("2025-12-15T11:01:00Z")) == .closed)
    }

    @Test func explainedRefusal() {
        let c = Self.window2024.check(at: Self.utc("2024-10-01T08:00:00Z"))
        #expect(c.rule == .amiK && c.status == .fail)
        #expect(c.message.contains("30/09/2024 à 23:59"))
        #expect(CampaignWindow(opens: Self.window2024.closes, closes: Self.window2024.opens, zone: Self.paris) == nil)
    }

    @Test func quotiteAndBareme() {
        let p = CampaignParameters(
            quotites: [.lls: .percent(30)], bareme: [.lls: Money(cents: 5_000_000)], examples: true)
        let (cap, why) = p.maximumLoan(costPrice: Money(cents: 650_000_001), product: .lls)
        #expect(cap == Money(cents: 195_000_000), "30 % rounded down to the cent")
        #expect(why.rule == .amiL && why.message.contains("30,00"))
        #expect(p.maximumLoan(costPrice: Money(cents: 100), product: .pls).0 == nil)
        #expect(p.reservations(loan: Money(cents: 120_000_050), product: .lls, dwellings: 40).0 == 24)
        #expect(
            p.reservations(loan: Money(cents: 900_000_000), product: .lls, dwellings: 40).0 == 40,
            "never more than the dwellings")
    }
}
