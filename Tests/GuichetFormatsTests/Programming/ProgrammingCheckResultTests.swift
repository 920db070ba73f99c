import GuichetDomain
import Testing

@testable import GuichetFormats

/// Issue #10: the check result is stored as the contract's JSON and read back into the same
/// typed value, which the upload page, the receipt and the API all use.
@Suite struct ProgrammingCheckResultTests {
    static let sample = ProgrammingCheckResult(
        rowsWithValues: 3,
        errors: [
            .init(
                sheet: "Programmation", cell: "F3", header: "Nombre de logements", value: "douze",
                message: "nombre entier attendu")
        ],
        operations: [
            .init(
                row: 2, reference: "OP-1", kind: "construction", product: "LLS", dwellings: 12,
                costPrice: Money(cents: 200_000_000), loanRequested: Money(cents: 30_000_000),
                checks: [
                    .init(rule: "AMI-E1", status: .pass, message: "Commune du département"),
                    .init(rule: "AMI-O2", status: .fail, message: "Prêt au-dessus du barème"),
                ]),
            .init(
                row: 4, reference: "OP-2", kind: "démolition", product: nil, dwellings: 5, costPrice: Money(cents: 1),
                loanRequested: Money(cents: 0), checks: []),
        ],
        synthesis: .init(
            operations: 2, dwellings: 17, costPrice: Money(cents: 200_000_001), loanRequested: Money(cents: 30_000_000),
            byType: [
                (key: "construction", count: .init(operations: 1, dwellings: 12)),
                (key: "démolition", count: .init(operations: 1, dwellings: 5)),
            ],
            byProduct: [(key: "LLS", count: .init(operations: 1, dwellings: 12))]),
        cachedDifferences: [.init(label: "Logements", file: "16", computed: "17")])

    @Test func theStoredDocumentReadsBackAsTheSameValue() throws {
        let text = Self.sample.json.serialized()
        let back = try #require(ProgrammingCheckResult(json: text))
        #expect(back == Self.sample)
        #expect(back.json.serialized() == text, "the API answers the document as stored")
        #expect(
            back.synthesis.filing
                == FilingSynthesis(
                    operations: 2, dwellings: 17, costPrice: Money(cents: 200_000_001),
                    loanRequested: Money(cents: 30_000_000)))
    }

    @Test func aDocumentThatIsNotAResultIsRefused() {
        #expect(ProgrammingCheckResult(json: "[]") == nil)
        #expect(ProgrammingCheckResult(json: "{\"errors\":[]}") == nil)
        #expect(ProgrammingCheckResult(json: "{") == nil)
    }
}
