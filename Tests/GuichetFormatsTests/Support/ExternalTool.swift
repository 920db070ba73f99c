import Foundation
import GuichetDomain

/// Programs the tests run to write or check files (python3 with openpyxl, LibreOffice).
enum ExternalTool {
    /// Runs `tool args…` through `/usr/bin/env`; returns the exit status and what it printed.
    static func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static func available(_ tool: String, _ arguments: String...) -> Bool {
        (try? run(tool, arguments))?.0 == 0
    }
}

enum Fixtures {
    static let reference: ReferenceData = {
        do { return try ReferenceData.loadBundled() } catch { fatalError("\(error)") }
    }()
}
