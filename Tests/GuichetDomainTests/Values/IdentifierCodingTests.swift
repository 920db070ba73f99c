import Foundation
import Testing

@testable import GuichetDomain

/// Identifiers in stored documents are their digits; a damaged one does not read back.
@Suite struct IdentifierCodingTests {
    @Test func aLandlordIdentificationKeepsItsSirenAsDigits() throws {
        let siren = try #require(Siren("732 829 320"))
        let id = LandlordIdentification(
            name: "Habitat", siren: siren, kind: .esh, address: "1 rue", postalCode: "97400", city: "Saint-Denis",
            contactName: "Marie", contactEmail: "m@h.fr", contactPhone: "0262123456")
        let json = String(decoding: try JSONEncoder().encode(id), as: UTF8.self)
        #expect(json.contains(#""siren":"732829320""#))
        #expect(try JSONDecoder().decode(LandlordIdentification.self, from: Data(json.utf8)) == id)
        let damaged = json.replacingOccurrences(of: "732829320", with: "732829321")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LandlordIdentification.self, from: Data(damaged.utf8))
        }
    }

    @Test func aSiretReadsBackOrRefuses() throws {
        let siret = try #require(Siret("73282932000074"))
        #expect(try JSONDecoder().decode([Siret].self, from: JSONEncoder().encode([siret])) == [siret])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Siret].self, from: Data(#"["73282932000075"]"#.utf8))
        }
    }
}
