import GuichetFormats
import Vapor

/// `GET /api/v1/moi`: who the bearer token belongs to (lets an AMO or a landlord check a token).
struct AccountAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "api", "v1", "moi", access: .signedIn, use: me)
    }

    func me(req: Request) async throws -> Response {
        let p = try req.signedIn()
        let json = JSONValue.object([
            ("email", .string(p.user.email)),
            ("name", .string(p.user.displayName)),
            ("roles", .array(p.roles.map(\.rawValue).sorted().map(JSONValue.string))),
        ])
        return .json(json.serialized())
    }
}
