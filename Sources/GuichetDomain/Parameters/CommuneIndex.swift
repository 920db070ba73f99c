import Foundation

/// Which INSEE codes name a commune: what the AMI programming table checks (`AMI-X`). The full
/// `ReferenceData` answers it; `CommuneIndex` answers it alone, loaded in a fraction of the
/// time, for `guichet ami check` which needs nothing else.
public protocol CommuneLookup: Sendable {
    func isKnownCommune(_ insee: String) -> Bool
}

extension ReferenceData: CommuneLookup {
    public func isKnownCommune(_ insee: String) -> Bool { communesByInsee[insee] != nil || communeNames[insee] != nil }
}

public struct CommuneIndex: CommuneLookup {
    let codes: Set<String>

    /// The INSEE codes of the shipped postal-code and 2025 zonage tables (the sources of
    /// `ReferenceData.communesByInsee` and `communeNames`).
    public static func loadBundled() throws -> CommuneIndex {
        guard let dir = ReferenceData.bundledDirectory else { throw ReferenceData.BundleError.missing("reference/") }
        var codes = Set<String>(minimumCapacity: 40_000)
        for (file, column) in [
            ("laposte_codes_postaux.csv", "code_commune_insee"), ("zonage_abc_communes_2025-09-05.csv", "code_insee"),
            ("zonage_abc_communes_2024-07-05.csv", "code_insee"), ("zonage_abc_communes_2022_tiers.csv", "code_insee"),
        ] {
            guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(file).path) else {
                throw ReferenceData.BundleError.missing(file)
            }
            var index = -1
            CSVScanner.scan([UInt8](data)) { row, fields, b in
                if row == 0 {
                    index = fields.firstIndex { CSVScanner.string($0, b) == column } ?? -1
                    return
                }
                if index >= 0, index < fields.count { codes.insert(CSVScanner.string(fields[index], b)) }
            }
        }
        return CommuneIndex(codes: codes)
    }

    public func isKnownCommune(_ insee: String) -> Bool { codes.contains(insee) }
}
