import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// `/admin/comptes`: every account, by keyset pages, and the creation of staff accounts.
struct StaffAccountsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "admin", "comptes", access: .admin, use: accounts)
        routes.on(.POST, "admin", "comptes", access: .admin, use: createAccount)
    }

    func accountsPage(
        _ req: Request, state: FormState? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let after = req.query[String.self, at: "apres"].map(TextInput.withoutControlCharacters)
        let users = try await UserStore().page(after: after, limit: StaffAccountsPage.pageSize + 1, on: req.db)
        let shown = Array(users.prefix(StaffAccountsPage.pageSize))
        let grants = try await UserStore().grants(userIDs: shown.map(\.id), on: req.db)
        let rows = shown.map { u in
            StaffAccountsPage.Row(
                name: u.displayName, email: u.email,
                roles: (grants[u.id] ?? []).map { (role: $0.role, scope: $0.scope) }, activated: u.activatedAt != nil)
        }
        let next =
            users.count > StaffAccountsPage.pageSize
            ? shown.last.map { NextPage.after("/admin/comptes", "apres", $0.email) } : nil
        let model = StaffAccountsPage.Model(rows: rows, next: next, form: state ?? req.formState())
        return .html(StaffAccountsPage.render(req.page(), model), status: status)
    }

    func accounts(req: Request) async throws -> Response { try await accountsPage(req) }

    func createAccount(req: Request) async throws -> Response {
        let v = try req.formValues()
        let (scope, unknown) = StaffService.parseScope(v["scope"] ?? "", reference: req.application.referenceData)
        var scopeProblems: [FieldProblem] =
            unknown.isEmpty
            ? [] : [.init(field: "scope", message: "Codes inconnus : \(unknown.joined(separator: ", ")).")]
        let role = Role(rawValue: v["role"] ?? "")
        if role == .instructeur && scope.isEmpty && scopeProblems.isEmpty {
            scopeProblems.append(
                .init(field: "scope", message: "Un instructeur a un périmètre : au moins un département ou une région.")
            )
        }
        let service = StaffService(app: req.application, db: req.db)
        switch try await service.createStaff(
            email: v["email"] ?? "", name: v["name"] ?? "", roles: role.map { [$0] } ?? [], scope: scope,
            scopeProblems: scopeProblems, actor: .of(req))
        {
        case .created(let c):
            return Flash.redirect(req, to: "/admin/comptes", .staffAccountCreated(email: c.user.email))
        case .refused(let errors):
            return try await accountsPage(
                req, state: req.formState(v, errors: errors), status: .unprocessableEntity)
        }
    }
}
