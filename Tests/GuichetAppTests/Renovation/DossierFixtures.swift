import Foundation
import GuichetAppTestSupport
import GuichetDomain
import Testing
import Vapor
import VaporTesting

@testable import GuichetApp
@testable import GuichetPersistence

/// People and files for the dossier's journeys.
enum DossierFixtures {
    static let password = "Un mot de passe solide 2026"

    /// The answers of an eligible owner-occupier's test (Bourg-en-Bresse, 3 persons, 25 000 €).
    static let ownerOccupierTest = [
        "kind": "owner_occupier", "ownership": "full", "residence": "oui", "postal_code": "01000", "insee": "01053",
        "employment": "private_sector", "size": "3", "income": "25000", "insulation": "oui",
    ]

    static func query(_ answers: [String: String]) -> String {
        answers.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    static func carried(_ answers: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: answers.map { ("test_" + $0.key, $0.value) })
    }

    /// A signed-in person holding `role` (in `organisation` when given).
    static func person(
        _ app: Application, _ email: String, _ role: Role, organisation: OrganisationID? = nil, name: String = "Test"
    ) async throws -> Browser {
        let hash = try Passwords(cost: app.bcryptCost).hash(password)
        let user = try await UserStore().create(
            email: email, passwordHash: hash, displayName: name, activatedAt: Date(), on: app.db)
        try await UserStore().grant(userID: user.id, role: role, organisationID: organisation, on: app.db)
        let b = Browser(app)
        let login = try await b.post("/connexion", ["email": email, "password": password])
        #expect(login.status == .seeOther)
        return b
    }

    static func amo(
        _ app: Application, name: String = "Rénov'Conseil", siret: String = "73282932000074"
    ) async throws
        -> OrganisationRecord
    {
        try await OrganisationStore().create(
            kind: .amo, name: name, identifier: siret, department: "01", status: .accepted, details: "", on: app.db)
    }

    static let civilStatus = [
        "usage_name": "Martin", "first_name": "Claire", "birth_name": "Durand", "family_situation": "marié",
        "birth_date": "12/03/1980", "birth_country": "France", "birth_town": "Lyon", "birth_postal_code": "69001",
    ]

    /// A small valid PDF.
    static let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    /// The EICAR test file, as antivirus tests use it.
    static let eicar = Data(#"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"#.utf8)

    /// The version carried by a dossier page's forms.
    static func version(_ body: String) -> String {
        guard let r = body.range(of: #"name="version" value=""#) else { return "" }
        return String(body[r.upperBound...].prefix { $0 != "\"" })
    }
}

/// Tests scan with ClamAV when `GUICHET_TEST_CLAMD` names a daemon (CI starts one); otherwise with
/// this stand-in, which knows one signature: EICAR's.
struct EicarOnlyScanner: VirusScanner {
    var isEnabled: Bool { true }
    func scan(_ data: Data) async throws -> ScanVerdict {
        String(decoding: data, as: UTF8.self).contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE")
            ? .infected("Eicar-Test-Signature") : .clean
    }

    static func install(_ app: Application) {
        if let endpoint = ProcessInfo.processInfo.environment["GUICHET_TEST_CLAMD"].flatMap(ClamdEndpoint.init) {
            app.virusScanner = ClamdScanner(endpoint: endpoint)
        } else {
            app.virusScanner = EicarOnlyScanner()
        }
    }
}
