import Foundation
import GuichetDomain
import Testing

/// The Paris time formatter (numeric patterns, no ICU formatter per page) writes what
/// Foundation's `DateFormatter` writes, across summer-time changes and centuries.
@Suite struct ParisTimeTests {
    @Test func knownInstants() {
        func at(_ s: TimeInterval) -> Date { Date(timeIntervalSince1970: s) }
        // 2024-09-30 21:59:00 UTC: summer time, 23:59 in Paris.
        #expect(ParisTime.format(at(1_727_733_540)) == "30/09/2024 23:59")
        // 2024-01-15 12:00:00 UTC: winter time, 13:00.
        #expect(ParisTime.format(at(1_705_320_000), "dd/MM/yyyy 'à' HH:mm:ss") == "15/01/2024 à 13:00:00")
        // 2024-03-31 01:00:00 UTC: the clocks have just gone from 02:00 to 03:00.
        #expect(ParisTime.format(at(1_711_846_800), "HH:mm") == "03:00")
        #expect(ParisTime.day(at(-86_400)) == "31/12/1969")
    }

    @Test func sameAsFoundationsFormatter() {
        let reference = DateFormatter()
        reference.locale = Locale(identifier: "fr_FR")
        reference.timeZone = ParisTime.zone
        var generator = SystemRandomNumberGenerator()
        for pattern in ["dd/MM/yyyy HH:mm", "dd/MM/yyyy 'à' HH:mm:ss", "HH:mm", "dd/MM/yyyy"] {
            reference.dateFormat = pattern
            let ours = ParisTime.formatter(pattern)
            for _ in 0..<2_000 {
                // From 1900 to 2199, the dates the platform accepts, in whole seconds (before 1970,
                // ICU truncates a fraction towards 1970 where the calendar rounds it down).
                let seconds = Int.random(in: -2_208_988_800...7_258_118_400, using: &generator)
                let date = Date(timeIntervalSince1970: Double(seconds))
                #expect(ours.string(from: date) == reference.string(from: date), "\(date) \(pattern)")
            }
        }
    }
}
