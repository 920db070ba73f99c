import GuichetDomain

/// `/admin/comptes`: every account, fifty at a time in e-mail order, and the form that creates a
/// staff account.
public enum StaffAccountsPage {
    public struct Row: Sendable, Equatable {
        public let name: String
        public let email: String
        public let roles: [(role: Role, scope: [String])]
        public let activated: Bool

        public init(name: String, email: String, roles: [(role: Role, scope: [String])], activated: Bool) {
            self.name = name
            self.email = email
            self.roles = roles
            self.activated = activated
        }

        public static func == (a: Row, b: Row) -> Bool {
            a.name == b.name && a.email == b.email && a.activated == b.activated
                && a.roles.map(\.role) == b.roles.map(\.role) && a.roles.map(\.scope) == b.roles.map(\.scope)
        }
    }

    public struct Model: Sendable {
        public let rows: [Row]
        public let next: NextPage?
        public let form: FormState

        public init(rows: [Row], next: NextPage?, form: FormState) {
            self.rows = rows
            self.next = next
            self.form = form
        }
    }

    public static let pageSize = 50

    public static func render(_ page: PageModel, _ m: Model) -> String {
        let rows = m.rows.map { row in
            [
                row.name, row.email, row.roles.map(roleText).joined(separator: ", "),
                row.activated ? "actif" : "non activé",
            ]
        }
        var blocks: [InfoPageModel.Block] = [
            .table(caption: "Comptes", headers: ["Nom", "E-mail", "Rôles", "État"], rows: rows)
        ]
        if let next = m.next { blocks.append(.links([(next.label, next.href)])) }
        blocks.append(.form(form(m.form)))
        return InfoPage.render(page, InfoPageModel(heading: "Comptes", blocks: blocks))
    }

    static func roleText(_ grant: (role: Role, scope: [String])) -> String {
        grant.role.french + (grant.scope.isEmpty ? "" : " (\(grant.scope.joined(separator: ", ")))")
    }

    static func form(_ state: FormState) -> FormPageModel {
        FormPageModel(
            heading: "Créer un compte du personnel",
            intro: ["La personne reçoit un lien (valable 12 heures) pour choisir son mot de passe."],
            action: "/admin/comptes",
            fields: [
                .input(name: "name", label: "Nom et prénom"),
                .input(name: "email", label: "Adresse e-mail", type: "email"),
                .radios(
                    name: "role", legend: "Rôle",
                    choices: [
                        Choice("instructeur", Role.instructeur.french), Choice("comite", Role.comite.french),
                        Choice("administrateur", Role.administrateur.french),
                    ]),
                .input(
                    name: "scope", label: "Périmètre (instructeurs)",
                    hint: "Départements (01, 974…) ou régions préfixées R (R84), séparés par des virgules"),
            ],
            submit: "Créer le compte", state: state)
    }
}
