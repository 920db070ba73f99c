import GuichetFormats
import GuichetPersistence
import Vapor

/// `/healthz`: 200 when the database answers, 503 otherwise. `/livez`: the process answers
/// (no database), the trivial route the load benchmark compares against.
struct HealthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "healthz", access: .everyone, use: health)
        routes.on(.GET, "livez", access: .everyone, use: live)
    }

    func health(req: Request) async throws -> Response {
        let database: String
        do {
            try await DatabaseSetup.ping(req.db)
            database = "ok"
        } catch {
            req.logger.warning("healthz: database unreachable: \(error)")
            database = "unreachable"
        }
        let ok = database == "ok"
        let body = JSONValue.object([
            ("status", .string(ok ? "ok" : "degraded")), ("database", .string(database)),
            ("version", .string(GuichetVersion.current)),
        ])
        return .json(body.serialized(), status: ok ? .ok : .serviceUnavailable)
    }

    func live(req: Request) async throws -> Response {
        .json(#"{"status":"ok"}"#)
    }
}
