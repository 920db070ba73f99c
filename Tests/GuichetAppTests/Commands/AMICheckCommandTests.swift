import Foundation
import GuichetAppTestSupport
import GuichetDomain
import Testing

@testable import GuichetApp

/// `guichet ami check` per the contract: JSON on standard output, exit 0 / 1 / 2.
@Suite struct AMICheckCommandTests {
    static func file(_ data: Data) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ami-\(UUID().uuidString).xlsx")
        try data.write(to: url)
        return url.path
    }
    static func run(_ args: [String]) -> AMICheckCommand.Outcome {
        AMICheckCommand.run(args, maxFileBytes: 20 * 1_048_576, reference: ReferenceDataCache.shared)
    }

    @Test func exitStatuses() throws {
        let good = try Self.file(try AMIFixtures.table([AMIFixtures.operation(1), AMIFixtures.operation(2)]))
        let ok = Self.run(["check", good, "--department", "974"])
        #expect(ok.code == 0)
        #expect(ok.output.contains(#""operations": 2"#))
        #expect(ok.output.contains(#""loan_requested": 60000000"#), "amounts in cents")

        var bad = AMIFixtures.operation(3)
        bad[.loan] = .number(9_000_000)
        let withErrors = Self.run(["check", try Self.file(try AMIFixtures.table([bad])), "--year", "2024"])
        #expect(withErrors.code == 1)
        #expect(withErrors.output.contains("dépasse le prix de revient"))

        let notXLSX = Self.run(["check", try Self.file(Data("bonjour".utf8))])
        #expect(notXLSX.code == 2)
        #expect(notXLSX.output.isEmpty && notXLSX.error.contains("n'est pas un classeur Excel"))
        #expect(Self.run(["check", "/nonexistent.xlsx"]).code == 2)
        #expect(Self.run(["check", good, "--department", "75"]).code == 2)
        #expect(Self.run(["verifier", good]).error.contains("Usage"))
    }
}
