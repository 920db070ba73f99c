import Foundation
import Testing

@testable import GuichetPersistence

/// Keyset pages resume exactly where they ended: the cursor's instant survives its text.
@Suite struct TimeCursorTests {
    @Test(arguments: [0, 1_733_054_400.123456, 1_700_000_000.000001, -1.5])
    func theTextReadsBackAsTheSameCursor(seconds: Double) throws {
        let cursor = TimeCursor(at: Date(timeIntervalSince1970: seconds), id: UUID())
        #expect(TimeCursor(text: cursor.text) == cursor)
    }

    @Test(arguments: ["", "1_2_3", "abc_\(UUID().uuidString)", "inf_\(UUID().uuidString)", "12_pas-un-uuid"])
    func aDamagedCursorIsIgnored(text: String) {
        #expect(TimeCursor(text: text) == nil)
    }
}
