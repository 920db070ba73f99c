import Foundation
import GuichetAppTestSupport
import Testing

@testable import GuichetApp

/// ClamAV's INSTREAM protocol (issue #12): the replies read, the daemon reached when the tests
/// name one (`GUICHET_TEST_CLAMD`, started by CI with `Scripts/clamd_local.sh`), and a daemon
/// out of reach refusing the upload rather than letting it through.
@Suite struct ClamdScannerTests {
    @Test func repliesAreRead() throws {
        #expect(try ClamdScanner.verdict("stream: OK\0") == .clean)
        #expect(try ClamdScanner.verdict("stream: Eicar-Test-Signature FOUND\0") == .infected("Eicar-Test-Signature"))
        #expect(throws: ClamdScanner.Failure.self) { try ClamdScanner.verdict("INSTREAM size limit exceeded. ERROR\0") }
        #expect(throws: ClamdScanner.Failure.self) { try ClamdScanner.verdict("") }
    }

    @Test func endpointsAreRead() {
        #expect(ClamdEndpoint("unix:/run/clamav/clamd.ctl") == .unix("/run/clamav/clamd.ctl"))
        #expect(ClamdEndpoint("tcp:127.0.0.1:3310") == .tcp(host: "127.0.0.1", port: 3310))
        #expect(ClamdEndpoint("tcp:127.0.0.1:99999") == nil)
        #expect(ClamdEndpoint("clamd") == nil)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["GUICHET_TEST_CLAMD"] != nil))
    func theDaemonFindsEicarAndPassesAPDF() async throws {
        let endpoint = try #require(
            ProcessInfo.processInfo.environment["GUICHET_TEST_CLAMD"].flatMap(ClamdEndpoint.init))
        let scanner = ClamdScanner(endpoint: endpoint, chunkSize: 7)
        #expect(try await scanner.scan(Data("%PDF-1.4\n%%EOF\n".utf8)) == .clean)
        let eicar = Data(#"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"#.utf8)
        guard case .infected(let name) = try await scanner.scan(eicar) else {
            Issue.record("EICAR must be found")
            return
        }
        #expect(name.hasPrefix("Eicar"))
    }

    @Test func aDaemonOutOfReachRefusesTheUpload() async throws {
        try await TestApp.run { app in
            let (amo, path) = try await DossierJourneyTests.created(app)
            app.virusScanner = ClamdScanner(endpoint: .unix("/nonexistent/clamd.sock"))
            let page = try await amo.get(path + "/pieces")
            let res = try await amo.upload(
                path + "/pieces/demandeur.rib", fileName: "rib.pdf", data: DossierFixtures.pdf,
                contentType: "application/pdf",
                fields: ["version": DossierFixtures.version(page.body.string)])
            #expect(res.status == .unprocessableEntity)
            #expect(
                res.body.string.contains("L&#39;analyse antivirus est indisponible")
                    || res.body.string.contains("analyse antivirus est indisponible"))
        }
    }
}
