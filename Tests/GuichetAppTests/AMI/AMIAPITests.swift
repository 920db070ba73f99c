import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetPersistence
import Testing
import VaporTesting

@testable import GuichetApp

/// The programming-table upload by API token: the contract's JSON, the same rules as the web.
@Suite struct AMIAPITests {
    @Test func uploadWithAPIToken() async throws {
        let clock = TestClock(AMIFilingTests.utc("2024-09-30T21:59:00Z"))
        try await TestApp.run(clock: clock.appClock) { app in
            try await AMIFilingTests.campaign2024(app)
            let b = try await AMIFilingTests.landlord(app)
            let created = try await b.post("/compte/jetons", ["name": "ERP"])
            let token = try #require(
                created.text.range(of: #"gui_[A-Za-z0-9_-]+"#, options: .regularExpression).map {
                    String(created.text[$0])
                })
            let path = "/api/v1/ami/campagnes/2024/departements/974/tableaux?nom=erp.xlsx"
            func post(
                _ data: Data, type: String = AMIAPIController.xlsxType, auth: Bool = true
            ) async throws -> TestingHTTPResponse {
                var headers: HTTPHeaders = ["Content-Type": type]
                if auth { headers.bearerAuthorization = .init(token: token) }
                return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: data))
            }
            let table = try AMIFixtures.table([AMIFixtures.operation(1), AMIFixtures.operation(2)])
            #expect(try await post(table, auth: false).status == .unauthorized)
            #expect(try await post(table, type: "text/plain").status == .unsupportedMediaType)
            let ok = try await post(table)
            #expect(ok.status == .created)
            #expect(ok.text.contains(#""operations":2"#))
            #expect(
                ok.text.contains(#"{"label":"Nombre d'opérations","file":"0","computed":"2"}"#),
                "the fixture's stale cached formula values are reported")
            let unreadable = try await post(Data("pas un classeur".utf8))
            #expect(unreadable.status == .unprocessableEntity)
            #expect(unreadable.text.contains("classeur Excel"))
            let campaign = try #require(try await CampaignStore().find(year: 2024, on: app.db))
            let filing = try #require(try await FilingStore().list(campaignID: campaign.id, on: app.db).first)
            let uploads = try await UploadStore().list(filingID: filing.id, on: app.db)
            #expect(
                uploads.map(\.fileName) == ["erp.xlsx", "erp.xlsx"]
                    && uploads.filter { $0.supersededAt != nil }.count == 1,
                "the API upload replaces the current table, as on the web")
            clock.advance(60)  // 01/10/2024 00:00 Paris
            let late = try await post(table)
            #expect(late.status == .unprocessableEntity)
            #expect(late.text.contains(#""rule":"AMI-K""#))
        }
    }
}
