import GuichetAppTestSupport
import Testing
import VaporTesting

@testable import GuichetApp

@Suite struct HomeControllerTests {
    @Test(arguments: ["/", "/renovation", "/ami-drom", "/sources"])
    func publicPagesAreFrenchHTML(path: String) async throws {
        try await TestApp.run { app in
            try await app.testing().test(.GET, path) { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "html")
                #expect(res.text.hasPrefix("<!DOCTYPE html><html lang=\"fr\">"))
                #expect(res.text.contains("Aller au contenu"))
                let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("script-src 'sha256-") && !csp.contains("unsafe-inline"))
                #expect(!res.text.contains("<script"))
            }
        }
    }

    @Test func homeExplainsBothProgrammes() async throws {
        try await TestApp.run { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.text.contains("Aide à la rénovation énergétique"))
                #expect(res.text.contains("AMI DROM"))
                #expect(res.text.contains("href=\"/renovation/eligibilite\""))
                #expect(res.text.contains("aria-current=\"page\""))
            }
        }
    }

    @Test func renovationPageShowsCurrentParametersInFrench() async throws {
        try await TestApp.run { app in
            try await app.testing().test(.GET, "/renovation") { res in
                #expect(
                    res.text.contains("jusqu&#39;à 20\u{00A0}000\u{00A0}€")
                        || res.text.contains("jusqu'à 20\u{00A0}000\u{00A0}€"))
            }
        }
    }

    @Test func unknownPageIsAFrench404WithoutInternals() async throws {
        try await TestApp.run { app in
            try await app.testing().test(.GET, "/nulle-part") { res in
                #expect(res.status == .notFound)
                #expect(res.text.contains("Page introuvable"))
                #expect(!res.text.contains("Abort"))
            }
            try await app.testing().test(.GET, "/api/v1/nulle-part") { res in
                #expect(res.status == .notFound)
                #expect(res.text.hasPrefix(#"{"errors":[{"field":"","message":"#))
            }
        }
    }

    @Test func stylesheetIsServedLocally() async throws {
        try await TestApp.run { app in
            try await app.testing().test(.GET, "/css/guichet.css") { res in
                #expect(res.status == .ok)
                #expect(res.text.contains("--brand"))
            }
        }
    }
}
