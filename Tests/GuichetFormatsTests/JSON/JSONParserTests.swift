import Testing
@testable import GuichetFormats

@Suite struct JSONParserTests {
    @Test func parsesEveryKindKeepingKeyOrder() throws {
        let v = try JSONParser.parse(#"{"b":1,"a":[true,false,null,"x\u00e9\n",-2.5e3],"c":{}}"#)
        guard case let .object(pairs) = v else { Issue.record("object"); return }
        #expect(pairs.map(\.0) == ["b", "a", "c"])
        #expect(v["b"]?.int64 == 1)
        #expect(v["a"] == .array([.bool(true), .bool(false), .null, .string("xé\n"), .number("-2.5e3")]))
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\":1,}", "01", "\"\\x\"", "{\"a\" 1}", "tru", "1 2", "\"\u{01}\"", "\"\\ud800\"", "{\"a\":1,\"a\":2}"])
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
