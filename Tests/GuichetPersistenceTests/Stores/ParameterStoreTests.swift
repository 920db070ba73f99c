import Fluent
import GuichetAppTestSupport
import Testing

@testable import GuichetPersistence

@Suite struct ParameterStoreTests {
    @Test func appendsNumberedVersionsAndReadsTheLatest() async throws {
        try await TestApp.run { app in
            let store = ParameterStore()
            let seeded = try await store.latest(on: app.db)
            #expect(seeded?.number == 1)
            let n = try await store.append(payload: "{}", author: "a", note: "n", on: app.db)
            #expect(n == 2)
            #expect(try await store.latest(on: app.db)?.payload == "{}")
            #expect(try await store.all(on: app.db).map(\.number) == [2, 1])
            #expect(try await store.find(number: 1, on: app.db)?.author == "système")
        }
    }
}
