import GuichetDomain

/// What every page of a dossier shows first: which dossier, for whom, where it stands, who acts.
public struct DossierContext: Sendable {
    public var reference: String
    public var href: String
    public var beneficiary: String
    public var state: String
    public var amo: String?
    /// « Vous agissez pour le compte de Claire Martin » (an AMO), nil otherwise.
    public var actingFor: String?
    /// Where the breadcrumb starts: the dashboard, or the instructor's queue (issue #13).
    public var root = (label: "Dossiers", href: "/dossiers")

    public init(reference: String, href: String, beneficiary: String, state: String, amo: String?, actingFor: String?) {
        self.reference = reference
        self.href = href
        self.beneficiary = beneficiary
        self.state = state
        self.amo = amo
        self.actingFor = actingFor
    }
}

/// A page of a dossier: its title, the dossier's context, notices, blocks, and the page's main
/// form (headed by the page's `<h1>`), then more blocks.
public struct DossierPageModel: Sendable {
    public var title: String
    public var context: DossierContext
    public var notices: [(PageModel.FlashKind, String)]
    public var before: [InfoPageModel.Block]
    public var form: FormPageModel?
    public var after: [InfoPageModel.Block]
    /// Inline scripts that enhance the page (never needed).
    public var scripts: [InlineScript] = []

    public init(
        title: String, context: DossierContext, notices: [(PageModel.FlashKind, String)] = [],
        before: [InfoPageModel.Block] = [], form: FormPageModel? = nil, after: [InfoPageModel.Block] = []
    ) {
        self.title = title
        self.context = context
        self.notices = notices
        self.before = before
        self.form = form
        self.after = after
    }
}

public enum DossierPage {
    public static func render(_ page: PageModel, _ m: DossierPageModel) -> String {
        let title = m.title.contains(m.context.reference) ? m.title : "\(m.title) – dossier \(m.context.reference)"
        var page = page
        page.scripts += m.scripts
        return Layout.render(page.titled(title).refused(m.form?.state.hasErrors == true)) {
            breadcrumb(m.context, m.title)
            H1(m.title)
            context(m.context)
            for (kind, text) in m.notices { InfoPage.block(.notice(kind, text)) }
            for b in m.before { InfoPage.block(b) }
            if let form = m.form { FormPage.form(form, form.state) }
            for b in m.after { InfoPage.block(b) }
        }
    }

    /// « Dossiers › Dossier RENO-… › Logement » (the dossier's own page ends with its reference).
    static func breadcrumb(_ c: DossierContext, _ title: String) -> Component {
        El("nav") {
            Link(c.root.label, url: c.root.href)
            if title.contains(c.reference) {
                Text(" › \(title)")
            } else {
                Text(" › ")
                Link("Dossier \(c.reference)", url: c.href)
                Text(" › \(title)")
            }
        }.class("breadcrumb").attr("aria-label", "Fil d'Ariane")
    }

    /// One line: for whom, where it stands, its AMO, and for whom the viewer acts.
    static func context(_ c: DossierContext) -> Component {
        let parts = [c.beneficiary, c.state, "AMO : " + (c.amo ?? "aucun")] + (c.actingFor.map { [$0] } ?? [])
        return Paragraph(parts.joined(separator: " · ")).class("dossier-context")
    }
}
