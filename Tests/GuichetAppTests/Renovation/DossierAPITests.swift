import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetFormats
import Testing
import Vapor
import VaporTesting

@testable import GuichetApp
@testable import GuichetPersistence

/// Issue #12: an AMO's software builds and files a dossier through the API, with the pages'
/// validation and errors; another AMO gets 404; a stale version 409.
@Suite struct DossierAPITests {
    struct Client {
        let app: Application
        let token: String
        func send(
            _ method: HTTPMethod, _ path: String, _ json: String? = nil, body: Data? = nil
        ) async throws
            -> TestingHTTPResponse
        {
            var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
            var buffer: ByteBuffer?
            if let json {
                headers.add(name: .contentType, value: "application/json")
                buffer = ByteBuffer(string: json)
            } else if let body {
                headers.add(name: .contentType, value: "application/pdf")
                buffer = ByteBuffer(data: body)
            }
            return try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
        }
    }

    static func client(_ app: Application, _ b: Browser) async throws -> Client {
        let created = try await b.post("/compte/jetons", ["name": "Logiciel AMO"])
        let html = created.body.string
        let start = try #require(html.range(of: "<code>gui_"))
        return Client(app: app, token: "gui_" + String(html[start.upperBound...].prefix { $0 != "<" }))
    }

    static func json(_ res: TestingHTTPResponse) throws -> JSONValue { try JSONParser.parse(res.body.string) }

    @Test func anAMOsSoftwareFilesADossier() async throws {
        try await TestApp.run { app in
            app.checksUploadsInline = true
            EicarOnlyScanner.install(app)
            let org = try await DossierFixtures.amo(app)
            let api = try await Self.client(
                app, try await DossierFixtures.person(app, "bruno@renov.test", .amo, organisation: org.id))
            let test = DossierFixtures.ownerOccupierTest.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(
                separator: ", ")
            let refused = try await api.send(
                .POST, "/api/v1/dossiers", #"{"test": {\#(test)}, "beneficiaire": {"usage_name": "Martin"}}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#""field":"birth_date""#))
            let civil = DossierFixtures.civilStatus.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
            let created = try await api.send(
                .POST, "/api/v1/dossiers",
                #"{"test": {\#(test)}, "beneficiaire": {\#(civil), "email": "claire@exemple.fr", "mobile": "0612345678"}}"#
            )
            #expect(created.status == .created)
            let id = try #require(try Self.json(created)["id"]?.string)
            var version = 0
            func step(_ method: HTTPMethod, _ path: String, _ fields: String) async throws -> TestingHTTPResponse {
                let res = try await api.send(
                    method, "/api/v1/dossiers/\(id)\(path)", #"{"version": \#(version), \#(fields)}"#)
                if res.status == .ok, let v = try Self.json(res)["version"]?.int64 { version = Int(v) }
                return res
            }
            #expect(try await step(.POST, "/mandat", #""x": 1"#).status == .ok)
            let bad = try await step(.PUT, "/etapes/demandeur", #""email": "claire@exemple.fr""#)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Téléphone portable : à renseigner."), "the page's words")
            let applicant =
                #""email": "claire@exemple.fr", "mobile": "0612345678", "employment": "private_sector", "company_name": "Boulangerie", "company_siret": "73282932000074", "tax_income": 25000, "household_size": 3"#
            #expect(try await step(.PUT, "/etapes/demandeur", applicant).status == .ok)
            #expect(
                try await step(
                    .PUT, "/etapes/logement",
                    #""address": "12 rue des Lilas", "postal_code": "01000", "insee": "01053", "principal_residence": true"#
                ).status == .ok)
            #expect(try await step(.PUT, "/etapes/travaux", #""insulation": true"#).status == .ok)
            #expect(
                try await step(
                    .POST, "/entreprises",
                    #""siret": "73282932000074", "name": "Isol'Est", "representative": "Jean Isol", "account_holder": "Isol'Est", "iban": "FR7630006000011234567890189", "bic": "AGRIFRPP", "rge": true, "work_type": "isolation_combles", "main_works": "12 000""#
                ).status == .ok)
            // A co-applicant added then removed, a company removed then added again, a document given
            // then deleted: the pages' « Retirer » and « Supprimer ».
            let civilCo = DossierFixtures.civilStatus.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
            #expect(try await step(.POST, "/codemandeurs", #""relation": "conjoint", \#(civilCo)"#).status == .ok)
            #expect(
                try Self.json(try await api.send(.GET, "/api/v1/dossiers/\(id)"))["version"]?.int64 == Int64(version))
            let removed = try await api.send(.DELETE, "/api/v1/dossiers/\(id)/codemandeurs/1?version=\(version)")
            #expect(removed.status == .ok)
            version = Int(try Self.json(removed)["version"]?.int64 ?? 0)
            let nothing = try await api.send(.DELETE, "/api/v1/dossiers/\(id)/pieces/demandeur.rib?version=\(version)")
            #expect(nothing.status == .unprocessableEntity, "no document to delete")
            let plan = try await step(.PUT, "/etapes/plan-de-financement", #""loan_wanted": false, "amo_fee": 1000"#)
            #expect(try Self.json(plan)["plan"]?["subvention_centimes"]?.int64 != nil)
            let early = try await step(.POST, "/depot", #""x": 1"#)
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains(#""field":"pieces""#))

            let dossier = try Self.json(try await api.send(.GET, "/api/v1/dossiers/\(id)"))
            for doc in dossier["pieces"]?.array ?? [] {
                let key = try #require(doc["cle"]?.string)
                if doc["datee"] == .bool(true) {
                    // A wrong date and an empty file: both problems at once, nothing stored.
                    let bad = try await api.send(
                        .PUT, "/api/v1/dossiers/\(id)/pieces/\(key)?version=\(version)&date=31/02/2026", body: Data())
                    #expect(bad.status == .unprocessableEntity)
                    #expect(bad.body.string.contains(#""field":"date""#), "\(bad.body.string)")
                    #expect(bad.body.string.contains(#""field":"fichier""#))
                }
                let dated = doc["datee"] == .bool(true) ? "&date=20/11/2026" : ""
                let res = try await api.send(
                    .PUT, "/api/v1/dossiers/\(id)/pieces/\(key)?version=\(version)\(dated)", body: DossierFixtures.pdf)
                #expect(res.status == .ok, "\(key): \(res.body.string)")
                version = Int(try Self.json(res)["version"]?.int64 ?? 0)
            }
            let stale = try await api.send(.POST, "/api/v1/dossiers/\(id)/depot", #"{"version": \#(version - 1)}"#)
            #expect(stale.status == .conflict)
            let filed = try await step(.POST, "/depot", #""x": 1"#)
            #expect(filed.status == .ok, "\(filed.body.string)")
            #expect(try Self.json(filed)["etat"]?.string == "deposé")

            let rival = try await DossierFixtures.amo(app, name: "Autre", siret: "35600000000048")
            let other = try await Self.client(
                app, try await DossierFixtures.person(app, "rita@autre.test", .amo, organisation: rival.id))
            #expect(try await other.send(.GET, "/api/v1/dossiers/\(id)").status == .notFound)
            #expect(
                try await other.send(
                    .PUT, "/api/v1/dossiers/\(id)/etapes/travaux", #"{"version": \#(version), "insulation": true}"#
                ).status == .notFound)
            let list = try await other.send(.GET, "/api/v1/dossiers")
            #expect(try Self.json(list)["dossiers"]?.array?.isEmpty == true)
            // Every API route that names a dossier, with another AMO's token: 404.
            var tried = 0
            for route in app.routes.all where route.path.first == "api" && route.path.contains(.parameter("dossier")) {
                let path =
                    "/"
                    + route.path.map { c -> String in
                        switch c {
                        case .parameter("dossier"): return id
                        case .parameter("step"): return "travaux"
                        case .parameter("key"): return "demandeur.identite"
                        case .parameter("index"): return "1"
                        case .parameter("siret"): return "73282932000074"
                        default: return c.description
                        }
                    }.joined(separator: "/")
                let res =
                    route.method == .GET
                    ? try await other.send(.GET, path)
                    : try await other.send(route.method, path + "?version=\(version)", #"{"version": \#(version)}"#)
                #expect(res.status == .notFound, "\(route.method) \(path) → \(res.status.code)")
                tried += 1
            }
            #expect(tried == 10)
        }
    }
}
