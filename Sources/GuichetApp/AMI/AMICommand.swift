import Foundation
import GuichetDomain
import GuichetFormats

/// `guichet ami check FILE.xlsx [--year 2024] [--department 974]`: reads a programming table
/// exactly as an upload would (`ProgrammingTableCheck`) and prints the contract's JSON; exit 0
/// without error, 1 with errors, 2 when the file cannot be read (French message on standard
/// error). It needs neither the database nor the web application: it starts without them.
enum AMICheckCommand {
    struct Outcome: Equatable {
        var code: Int32
        var output: String
        var error: String
    }

    static let usage = "Usage : guichet ami check FICHIER.xlsx [--year 2024] [--department 974]"

    /// `arguments` are those after `ami`.
    static func run(_ arguments: [String], maxFileBytes: Int, reference: () throws -> some CommuneLookup) -> Outcome {
        var args = arguments
        var year = 2024
        var department: String?
        func option(_ name: String) -> String?? {
            guard let i = args.firstIndex(of: name) else { return .none }
            guard i + 1 < args.count else { return .some(nil) }
            let v = args[i + 1]
            args.removeSubrange(i...(i + 1))
            return .some(v)
        }
        switch option("--year") {
        case .none: break
        case .some(let v?) where Int(v).map({ (2000...2100).contains($0) }) == true: year = Int(v)!
        case .some: return Outcome(code: 2, output: "", error: "Année invalide (--year 2024).\n" + usage)
        }
        switch option("--department") {
        case .none: break
        case .some(let v?) where Campaign.overseasDepartments.contains(v): department = v
        case .some:
            return Outcome(code: 2, output: "", error: "Département invalide : 971, 972, 973, 974 ou 976.\n" + usage)
        }
        guard args.count == 2, args[0] == "check" else { return Outcome(code: 2, output: "", error: usage) }
        guard let data = FileManager.default.contents(atPath: args[1]) else {
            return Outcome(code: 2, output: "", error: "Fichier illisible : \(args[1])")
        }
        let table: any CommuneLookup
        do { table = try reference() } catch { return Outcome(code: 2, output: "", error: "\(error)") }
        var limits = XLSXReader.Limits()
        limits.maxFileBytes = maxFileBytes
        do {
            let result = try ProgrammingTableCheck.run(
                data, limits: limits, year: year, department: department, reference: table)
            return Outcome(
                code: result.errors.isEmpty ? 0 : 1, output: result.json.serialized(pretty: true) + "\n", error: "")
        } catch {
            return Outcome(code: 2, output: "", error: error.message)
        }
    }
}
