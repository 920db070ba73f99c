/// What every page's shell needs: title, navigation for the visitor's roles, flash messages.
public struct PageModel: Sendable {
    public struct NavItem: Sendable, Hashable {
        public let label: String
        public let href: String
        public init(_ label: String, _ href: String) {
            self.label = label
            self.href = href
        }
    }
    public enum FlashKind: String, Sendable { case info, success, warning, error }
    public struct Flash: Sendable, Hashable {
        public let kind: FlashKind
        public let message: String
        public init(_ kind: FlashKind, _ message: String) {
            self.kind = kind
            self.message = message
        }
    }

    /// The signed-in person, when there is one.
    public struct Account: Sendable {
        public let displayName: String
        public let csrfToken: String
        /// "14:32": when the session ends without activity (Europe/Paris).
        public let idleExpiry: String
        public init(displayName: String, csrfToken: String, idleExpiry: String) {
            self.displayName = displayName
            self.csrfToken = csrfToken
            self.idleExpiry = idleExpiry
        }
    }

    public var title: String
    public var account: Account?
    public var currentPath: String
    public var navigation: [NavItem]
    public var accountLinks: [NavItem]
    public var flashes: [Flash]
    public var demo: Bool
    public var version: String
    /// Inline scripts the page is enhanced by (allowed by their hash; never needed).
    public var scripts: [InlineScript] = []

    public init(
        title: String, currentPath: String, navigation: [NavItem] = PageModel.publicNavigation,
        accountLinks: [NavItem] = [], flashes: [Flash] = [], demo: Bool = false, version: String = ""
    ) {
        self.title = title
        self.currentPath = currentPath
        self.navigation = navigation
        self.accountLinks = accountLinks
        self.flashes = flashes
        self.demo = demo
        self.version = version
    }

    /// The page with `title` as its `<title>`, unless the edge already gave one: the view names its
    /// page (its `<h1>`), so that controllers hold no page text (issue #10).
    public func titled(_ title: String) -> PageModel {
        guard self.title.isEmpty else { return self }
        var p = self
        p.title = title
        return p
    }

    /// The page titled « Erreur : … » when a form on it was refused, so that the title read first
    /// says so (issue #11).
    public func refused(_ refused: Bool) -> PageModel {
        guard refused else { return self }
        var p = self
        p.title = "Erreur : " + title
        return p
    }

    /// Navigation of an anonymous visitor.
    public static let publicNavigation: [NavItem] = [
        NavItem("Accueil", "/"),
        NavItem("Rénovation énergétique", "/renovation"),
        NavItem("Test d'éligibilité", "/renovation/eligibilite"),
        NavItem("AMI DROM", "/ami-drom"),
        NavItem("Annuaire des AMO", "/amo/annuaire"),
    ]
}
