import GuichetDomain
import Vapor

extension ParametersNotInitialised: AbortError {
    public var status: HTTPResponseStatus { .serviceUnavailable }
    public var reason: String { "Paramètres non initialisés" }
}

struct ParametersServiceKey: StorageKey { typealias Value = ParametersService }
extension Application {
    public var parameters: ParametersService {
        if let s = storage[ParametersServiceKey.self] { return s }
        let s = ParametersService()
        storage[ParametersServiceKey.self] = s
        return s
    }
}

extension Request {
    func simulationService() async throws -> SimulationService {
        SimulationService(
            reference: application.referenceData,
            parameters: try await application.parameters.current(on: db),
            today: application.clock.today)
    }
}
