import Foundation
import GuichetDomain
import Testing
import ZIPFoundation

@testable import GuichetFormats

/// Mutated parts of a real workbook (the template with rows): whatever the XML becomes, reading
/// and checking end with a workbook or a French refusal, never a crash.
@Suite struct XLSXMutationTests {
    /// A small deterministic generator (SplitMix64): the same mutations on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func parts() throws -> [(String, Data)] {
        var sheets = ProgrammingTemplate.workbook(
            year: 2024, department: "974", departmentName: "La Réunion", communes: [("97411", "Saint-Denis")])
        for n in 1...20 {
            sheets[0].rows.append(
                ProgrammingTable.Column.allCases.map { c -> XLSXWriter.Cell? in
                    switch c {
                    case .reference: .init(.text("OP-\(n)"))
                    case .name: .init(.text("Opération « \(n) » & co"))
                    case .insee: .init(.text("97411"))
                    case .kind: .init(.text("Construction neuve"))
                    case .product: .init(.text("LLS"))
                    case .dwellings: .init(.number(Double(n)))
                    case .cost: .init(.number(1_000_000.5))
                    case .loan: .init(.number(200_000))
                    case .approval: .init(.date(Day(year: 2024, month: 2, day: n)!), style: .date)
                    case .acv: .init(.bool(false))
                    default: nil
                    }
                })
        }
        let archive = try Archive(data: try XLSXWriter().write(sheets), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, data)
        }
    }

    @Test func mutatedPartsNeverCrash() throws {
        let original = try Self.parts()
        // GUICHET_FUZZ_ITERATIONS and GUICHET_FUZZ_SEED run a longer campaign by hand;
        // GUICHET_FUZZ_DUMP=1 keeps the file being read in /tmp/fuzz-current.xlsx (to replay a hang).
        let env = ProcessInfo.processInfo.environment
        let iterations = env["GUICHET_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
        var rng = Generator(state: env["GUICHET_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_240_930)
        let tokens: [[UInt8]] = [
            Array("<".utf8), Array(">".utf8), Array("\"".utf8), Array("&".utf8), Array("&amp".utf8), Array("</c>".utf8),
            Array("<c r=\"ZZZZ99999999\" t=\"s\"><v>99999</v></c>".utf8), Array("<row r=\"-1\">".utf8),
            Array("s=\"999\"".utf8),
            Array("<v>1e308</v>".utf8), Array("<v>NaN</v>".utf8), Array("\u{0}".utf8),
            Array("é".utf8).prefix(1).map { $0 },
        ]
        var refused = 0
        var read = 0
        for _ in 0..<iterations {
            var parts = original
            let target = Int.random(in: 0..<parts.count, using: &rng)
            var bytes = [UInt8](parts[target].1)
            for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.insert(contentsOf: tokens.randomElement(using: &rng)!, at: at)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
                default:
                    let end = min(bytes.count, at + Int.random(in: 1...200, using: &rng))
                    bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0..<bytes.count, using: &rng))
                }
            }
            parts[target].1 = Data(bytes)
            let file = try XLSXReaderTests.zip(parts)
            if env["GUICHET_FUZZ_DUMP"] != nil { try file.write(to: URL(fileURLWithPath: "/tmp/fuzz-current.xlsx")) }
            do {
                let wb = try XLSXReader().read(file)
                _ = ProgrammingTable.read(wb, year: 2024, department: "974", reference: Fixtures.reference)
                read += 1
            } catch {
                #expect(!error.message.isEmpty)
                refused += 1
            }
        }
        #expect(read + refused == iterations)
        #expect(
            read > 0 && refused > 0, "some mutations still read, others are refused (\(read) read, \(refused) refused)")
    }
}

extension XLSXMutationTests {
    /// Mutated bytes of the archive itself (local headers, central directory, compressed data):
    /// refused with a French message or read, never a crash.
    @Test func mutatedArchiveNeverCrashes() throws {
        let original = [UInt8](try XLSXReaderTests.zip(try Self.parts()))
        let env = ProcessInfo.processInfo.environment
        let iterations = env["GUICHET_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 300
        var rng = Generator(state: env["GUICHET_FUZZ_SEED"].flatMap(UInt64.init) ?? 1_000_001)
        // The end of central directory and the central directory are at the end of the file.
        let tail = max(0, original.count - 2_000)
        for _ in 0..<iterations {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let at =
                    Bool.random(using: &rng)
                    ? Int.random(in: tail..<bytes.count, using: &rng) : Int.random(in: 0..<bytes.count, using: &rng)
                bytes[at] =
                    Bool.random(using: &rng)
                    ? UInt8.random(in: 0...255, using: &rng)
                    : [0x00, 0xFF, 0x7F, 0x80][Int.random(in: 0..<4, using: &rng)]
            }
            if env["GUICHET_FUZZ_DUMP"] != nil {
                try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/fuzz-current.xlsx"))
            }
            do { _ = try XLSXReader().read(Data(bytes)) } catch { #expect(!error.message.isEmpty) }
        }
    }
}
