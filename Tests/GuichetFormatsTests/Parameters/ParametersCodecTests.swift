import GuichetDomain
import Testing

@testable import GuichetFormats

@Suite struct ParametersCodecTests {
    @Test func roundTripsEverySeries() throws {
        var p = RenovationParameters.builtIn
        p.loanRateFloor = p.loanRateFloor.adding(
            Dated(from: Day(iso: "2030-01-01")!, Rate(tenThousandths: 125), source: "s"))
        let decoded = try ParametersCodec.decode(ParametersCodec.encode(p), version: "v7")
        #expect(decoded.version == "v7")
        #expect(decoded.loanRateFloor == p.loanRateFloor)
        #expect(decoded.amoCaps == p.amoCaps)
        #expect(decoded.subsidyCeilingLandlord == p.subsidyCeilingLandlord)
        #expect(decoded.debtRatioAlertPercent == p.debtRatioAlertPercent)
    }

    @Test func roundTripsTheAdministratorsTableAdditions() throws {
        var p = RenovationParameters.builtIn
        p.livretAAdditions = [
            LivretARate(effective: Day(iso: "2026-08-01")!, rate: Rate(tenThousandths: 325), reference: "Arrêté")
        ]
        p.anahAdditions = [
            AnahCeiling(
                year: 2026, region: .ileDeFrance, category: .modeste, persons: [1, 2, 3, 4, 5], perExtraPerson: 6,
                source: "Circulaire")
        ]
        let decoded = try ParametersCodec.decode(ParametersCodec.encode(p), version: "v2")
        #expect(decoded.livretAAdditions == p.livretAAdditions)
        #expect(decoded.anahAdditions == p.anahAdditions)
    }

    @Test func refusesADamagedPayload() {
        #expect(throws: ParametersCodec.DecodeError.self) {
            try ParametersCodec.decode(#"{"P-S-PO":{}}"#, version: "v1")
        }
        #expect(throws: ParametersCodec.DecodeError.self) { try ParametersCodec.decode("not json", version: "v1") }
    }
}
