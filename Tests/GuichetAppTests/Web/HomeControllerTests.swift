import GuichetAppTestSupport
import GuichetViews
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

/// Issue #11: the public-service pages, linked from every footer, saying what the operator
/// configured and what the platform does.
@Suite struct PublicServicePagesTests {
    @Test(arguments: [
        ("/mentions-legales", "Directeur ou directrice de la publication"),
        ("/donnees-personnelles", "Durées de conservation"), ("/accessibilite", "RGAA"),
        ("/aide", "Questions fréquentes"),
    ])
    func eachPageAnswersInFrench(path: String, expected: String) async throws {
        try await TestApp.run { app in
            let res = try await app.testing().sendRequest(.GET, path)
            #expect(res.status == .ok)
            #expect(res.text.contains(expected))
            #expect(res.text.contains("non renseigné par l'exploitant"), "an unset value is said to be unset")
            for link in ["/mentions-legales", "/donnees-personnelles", "/accessibilite", "/aide"] {
                #expect(res.text.contains(#"href="\#(link)""#), "footer link \(link)")
            }
        }
    }

    @Test func theOperatorIsConfigured() async throws {
        try await TestApp.run(
            environment: [
                "GUICHET_PUBLISHER": "Action Logement Services", "GUICHET_DPO_CONTACT": "dpo@exemple.fr",
                "GUICHET_SESSION_IDLE_MINUTES": "45",
            ]
        ) { app in
            let legal = try await app.testing().sendRequest(.GET, "/mentions-legales")
            #expect(legal.text.contains("Action Logement Services"))
            let data = try await app.testing().sendRequest(.GET, "/donnees-personnelles")
            #expect(data.text.contains("dpo@exemple.fr"))
            #expect(data.text.contains("Fin après 45 minutes sans activité"), "the retention the code applies")
        }
    }

    /// Issue #11: the demonstration banner inside the header landmark.
    @Test func theDemoBannerIsInsideTheHeader() {
        var page = PageModel(title: "Accueil", currentPath: "/")
        page.demo = true
        let html = HomePage.render(page)
        let header = html.range(of: "<header")
        let banner = html.range(of: "demo-banner")
        let main = html.range(of: "<main")
        #expect(header != nil && banner != nil && main != nil)
        if let header, let banner, let main {
            #expect(header.lowerBound < banner.lowerBound && banner.lowerBound < main.lowerBound)
        }
    }
}
