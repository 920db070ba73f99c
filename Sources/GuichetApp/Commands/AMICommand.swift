import Vapor
import Foundation
import GuichetFormats

/// `guichet ami check FILE.xlsx [--year 2024] [--department 974]`: reads a programming table
/// exactly as an upload would and prints the contract's JSON; exit 0 without error, 1 with
/// errors, 2 when the file cannot be read (French message on standard error).
struct AMICommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "check") var action: String
        @Argument(name: "file", help: "Tableau de programmation .xlsx") var file: String
        @Option(name: "year", help: "Année de la campagne (2024 par défaut)") var year: Int?
        @Option(name: "department", help: "Département du dépôt (971, 972, 973, 974, 976)") var department: String?
        init() {}
    }
    var help: String { "Contrôle un tableau de programmation AMI DROM (ami check FICHIER.xlsx)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "check" else {
            throw CommandExit.failing("Usage : guichet ami check FICHIER.xlsx [--year 2024] [--department 974]", code: 2)
        }
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandExit.failing("Fichier illisible : \(signature.file)", code: 2)
        }
        let result: ProgrammingTable.Result
        do {
            var limits = XLSXReader.Limits()
            limits.maxFileBytes = context.application.guichetConfig.maxUploadBytes
            result = try ProgrammingTableCheck.run(data, limits: limits, year: signature.year ?? 2024, department: signature.department,
                                                   reference: context.application.referenceData)
        } catch {
            throw CommandExit.failing("\(error.message)", code: 2)
        }
        print(result.json.serialized(pretty: true))
        if !result.errors.isEmpty { throw CommandExit(code: 1) }
    }
}
