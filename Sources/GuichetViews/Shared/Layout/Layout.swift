import GuichetDomain

/// The French HTML shell of every page: skip link, header with navigation, flash messages,
/// main content, footer. No remote asset: the stylesheet is served by the platform; the few
/// inline scripts (`InlineScript`) only enhance a page that works without them.
public enum Layout {
    public static func render(_ page: PageModel, @ComponentBuilder content: @escaping () -> Component) -> String {
        let body = El("body") {
            Link("Aller au contenu", url: "#contenu").class("skip-link")
            Header {
                // Inside the banner landmark, white on #8f3523 (7,8:1) (issue #11).
                if page.demo {
                    Paragraph("DÉMONSTRATION : données fictives, aucun dossier réel").class("demo-banner")
                }
                Div {
                    Link(url: "/") {
                        Span { Text("Guichet") }.class("brand-name")
                        Span { Text("Action Logement · aides au logement des salariés") }.class("brand-tagline")
                    }.class("brand")
                    navigation(page)
                }.class("wrap header-inner")
            }.class("site-header")
            El("main") {
                Div {
                    for flash in page.flashes {
                        Div { Paragraph(FrenchText.sentence(flash.message)) }
                            .class("flash flash-\(flash.kind.rawValue)")
                            .attr("role", flash.kind == .error ? "alert" : "status")
                    }
                    content()
                }.class("wrap")
            }.id("contenu").attr("tabindex", "-1")
            Footer {
                Div {
                    Paragraph(
                        "Guichet est un logiciel libre. Les règles appliquées sont citées par leur identifiant "
                            + "(RENO-…, AMI-…) et les données de référence par leur source."
                    )
                    List(PublicServicePages.footerLinks) { l in Link(l.0, url: l.1) }.class("footer-links")
                    Paragraph {
                        Link("Sources des données", url: "/sources")
                        Text(" · ")
                        Link("API (OpenAPI)", url: "/api/v1/openapi.json")
                        if !page.version.isEmpty { Text(" · version \(page.version)") }
                    }
                }.class("wrap")
            }.class("site-footer")
            for script in page.scripts {
                El("script") { Raw(script.source) }
            }
        }
        var html = HTMLWriter()
        html.raw("<!DOCTYPE html>")
        El("html") {
            head(page)
            body
        }.attr("lang", "fr").write(to: &html)
        return html.result
    }

    /// The head: encoding, viewport, title, stylesheet and icon.
    static func head(_ page: PageModel) -> Component {
        let title = page.title.isEmpty ? "Guichet Action Logement" : "\(page.title) · Guichet Action Logement"
        return El("head") {
            VoidEl("meta", [("charset", "UTF-8")])
            VoidEl("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1.0")])
            El("title", text: title)
            VoidEl("link", [("rel", "stylesheet"), ("href", "/css/guichet.css"), ("type", "text/css")])
            VoidEl("link", [("rel", "icon"), ("href", "/favicon.svg"), ("type", "image/svg+xml")])
        }
    }

    static func navigation(_ page: PageModel) -> Component {
        // The current entry is the most specific one that contains the page.
        let current = page.navigation.filter { isCurrent($0.href, page.currentPath) }.max {
            $0.href.count < $1.href.count
        }?.href
        return Navigation {
            List(page.navigation) { item in
                Link(item.label, url: item.href)
                    .attr("aria-current", item.href == current ? "page" : nil)
            }.class("nav-main")
            if let a = page.account {
                Div {
                    Span("Connecté : \(a.displayName)")
                    for item in page.accountLinks {
                        Text(" · ")
                        Link(item.label, url: item.href)
                    }
                    Text(" · ")
                    El("form") {
                        FormKit.hidden("_csrf", a.csrfToken)
                        Button { Text("Se déconnecter") }.attr("type", "submit").class("linklike")
                    }.attr("action", "/deconnexion").attr("method", "post").class("inline-form")
                }.class("nav-account")
                Div {
                    Text("Sans activité, votre session se termine à \(a.idleExpiry). ")
                    El("form") {
                        FormKit.hidden("_csrf", a.csrfToken)
                        Button { Text("Prolonger la session") }.attr("type", "submit").class("button button-secondary")
                    }.attr("action", "/session/prolonger").attr("method", "post")
                }.class("session-notice")
            } else if !page.accountLinks.isEmpty {
                List(page.accountLinks) { item in Link(item.label, url: item.href) }.class("nav-account")
            }
        }.attr("aria-label", "Navigation principale")
    }

    static func isCurrent(_ href: String, _ path: String) -> Bool {
        href == "/" ? path == "/" : (path == href || path.hasPrefix(href + "/"))
    }
}
