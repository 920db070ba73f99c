import Fluent
import Foundation
import GuichetDomain
import GuichetFormats

/// The simulation use case shared by the API and `guichet simulate`
/// (`contracts/renovation-simulation.md`): JSON in, JSON out, same rules.
struct SimulationService {
    let reference: ReferenceData
    let parameters: RenovationParameters
    let today: Day

    /// The contract's JSON answer, as bytes.
    func simulate(_ body: [UInt8]) -> Result<[UInt8], SimulationRequestErrors> {
        SimulationRequestDecoder.decode(body, today: today).map { decoded in
            let result = RenovationSimulation.run(
                decoded.renovationCase, on: decoded.referenceDate,
                parameters: parameters, reference: reference)
            return SimulationResponseEncoder.encodeBytes(result)
        }
    }
}
