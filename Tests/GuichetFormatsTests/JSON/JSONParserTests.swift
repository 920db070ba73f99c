import Testing

@testable import GuichetFormats

@Suite struct JSONParserTests {
    @Test func parsesEveryKindKeepingKeyOrder() throws {
        let v = try JSONParser.parse(#"{"b":1,"a":[true,false,null,"x\u00e9\n",-2.5e3],"c":{}}"#)
        guard case .object(let pairs) = v else {
            Issue.record("object")
            return
        }
        #expect(pairs.map(\.0) == ["b", "a", "c"])
        #expect(v["b"]?.int64 == 1)
        #expect(v["a"] == .array([.bool(true), .bool(false), .null, .string("xé\n"), .number("-2.5e3")]))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "\"\\x\"", "{\"a\" 1}", "tru", "1 2", "\"\u{01}\"", "\"\\ud800\"",
        "{\"a\":1,\"a\":2}",
    ])
    func refusesInvalidDocuments(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }

    @Test func surrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func deepNestingIsRefusedNotACrash() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(String(repeating: "[", count: 10_000)) }
    }

    @Test func roundTrips() throws {
        let text = #"{"k":"quote \" backslash \\ tab \t","n":[1,2,{"z":null}]}"#
        let v = try JSONParser.parse(text)
        #expect(try JSONParser.parse(v.serialized()) == v)
        #expect(try JSONParser.parse(v.serialized(pretty: true)) == v)
    }

    @Test func integersOnlyWhenWrittenAsIntegers() throws {
        #expect(try JSONParser.parse("12").int64 == 12)
        #expect(try JSONParser.parse("12.0").int64 == nil)
        #expect(try JSONParser.parse("1e2").int64 == nil)
        #expect(try JSONParser.parse("99999999999999999999").int64 == nil)
    }
}

/// Issue #9: bounds that answer clearly instead of taking time.
@Suite struct JSONParserLimitTests {
    @Test func objectsBeyondTheMemberBoundAreRefused() {
        let text = "{" + (0..<101).map { "\"k\($0)\":0" }.joined(separator: ",") + "}"
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
        let fine = "{" + (0..<100).map { "\"k\($0)\":0" }.joined(separator: ",") + "}"
        #expect((try? JSONParser.parse(fine)) != nil)
    }

    @Test func duplicatesAreFoundInLargeObjectsToo() {
        let text = "{" + (0..<50).map { "\"k\($0)\":0" }.joined(separator: ",") + ",\"k7\":1}"
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }

    @Test func documentsBeyondTheValueBoundAreRefused() {
        let text = "[" + Array(repeating: "0", count: 100_001).joined(separator: ",") + "]"
        do {
            _ = try JSONParser.parse(text)
            Issue.record("must be refused")
        } catch {
            #expect(error.reason.contains("100000 valeurs"))
        }
    }

    @Test func platformDataIsOnlyBoundInDepth() throws {
        let text = "{" + (0..<5_000).map { "\"k\($0)\":0" }.joined(separator: ",") + "}"
        #expect(try JSONParser.parse(Array(text.utf8), limits: .platformData)["k4999"] == .number("0"))
    }

    @Test func stringsWithAndWithoutEscapes() throws {
        #expect(try JSONParser.parse(#""plain é""#) == .string("plain é"))
        #expect(try JSONParser.parse(#""tab\there \u00e9\ud83d\ude00""#) == .string("tab\there é😀"))
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array([0x22, 0xFF, 0x22])) }
    }
}

/// Issue #9: JSON Schema's integers, as the OpenAPI document promises.
@Suite struct JSONIntegralTests {
    @Test(
        arguments: [
            ("12", 12), ("12.0", 12), ("1.2e1", 12), ("100e-2", 1), ("-0.0", 0), ("-3.000", -3), ("2543.0", 2543),
        ] as [(String, Int64)])
    func integralNumbers(text: String, value: Int64) {
        #expect(JSONValue.number(text).integral == value)
    }

    @Test(arguments: ["1.5", "1e400", "99999999999999999999", "1e-3", "12.01"])
    func notIntegers(text: String) {
        #expect(JSONValue.number(text).integral == nil)
    }
}
