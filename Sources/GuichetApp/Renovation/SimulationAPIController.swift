import GuichetFormats
import Vapor

/// `POST /api/v1/renovation/simulations` (`contracts/renovation-simulation.md`): public, JSON
/// in and out; 422 lists every problem, 413 above 1 MiB, never a 500 for any input.
struct SimulationAPIController: RouteCollection {
    static let maxBody: ByteCount = "1mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(
            .POST, "api", "v1", "renovation", "simulations", access: .everyone, body: .collect(maxSize: Self.maxBody),
            use: simulate)
    }

    func simulate(req: Request) async throws -> Response {
        if let type = req.headers.contentType,
            !(type.type == "application" && (type.subType == "json" || type.subType.hasSuffix("+json")))
        {
            return .json(
                SimulationRequestErrors([
                    FieldError(field: "", message: "le corps doit être du JSON (Content-Type: application/json)")
                ]).json.serialized(),
                status: .unsupportedMediaType)
        }
        let body = req.body.data.map { Array($0.readableBytesView) } ?? []
        // The route's collect limit answers 413 while streaming; this covers bodies already buffered.
        if body.count > Self.maxBody.value {
            throw Abort(.payloadTooLarge, reason: "Corps de la demande trop volumineux : 1 Mio au plus")
        }
        switch try await req.simulationService().simulate(body) {
        case .success(let json):
            return Response(
                status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"],
                body: .init(buffer: ByteBuffer(bytes: json)))
        case .failure(let errors): return .json(errors.json.serialized(), status: .unprocessableEntity)
        }
    }
}
