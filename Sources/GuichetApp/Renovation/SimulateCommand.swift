import Foundation
import GuichetFormats
import Vapor

/// `guichet simulate [FILE]`: reads the contract's request from FILE or standard input and
/// prints the response on standard output (exit 0), or the 422 errors (exit 1); an unreadable
/// file is exit 2 with a French message on standard error.
struct SimulateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Fichier JSON de la demande (« - » ou absent : entrée standard)")
        var file: String
        init() {}
    }
    var help: String { "Simule l'aide à la rénovation énergétique (contrat renovation-simulation)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let bytes: [UInt8]
        if signature.file == "-" || signature.file == "/dev/stdin" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            let path = signature.file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandExit.failing("Fichier illisible : \(path)", code: 2)
            }
            bytes = [UInt8](data)
        }
        if bytes.count > 1_048_576 {
            throw CommandExit.failing("Demande trop volumineuse (plus de 1 Mio)", code: 2)
        }
        let app = context.application
        let service = SimulationService(
            reference: app.referenceData,
            parameters: try await app.parameters.current(on: app.db),
            today: app.clock.today)
        switch service.simulate(bytes) {
        case .success(let bytes):
            print(
                ((try? JSONParser.parse(bytes, limits: .platformData))?.serialized(pretty: true))
                    ?? String(decoding: bytes, as: UTF8.self))
        case .failure(let errors):
            print(errors.json.serialized(pretty: true))
            throw CommandExit(code: 1)
        }
    }
}
