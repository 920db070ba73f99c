import Foundation

/// The one place the domain touches files: the reference CSVs shipped as this target's
/// resources, read once at start-up. Everything else takes `ReferenceData` as an argument.
extension ReferenceData {
    public enum BundleError: Error, CustomStringConvertible {
        case missing(String)
        public var description: String { "Données de référence introuvables : \(self)" }
    }

    /// Folder of the shipped files (with their `SOURCES.md`).
    public static var bundledDirectory: URL? {
        Bundle.module.url(forResource: "reference", withExtension: nil)
    }

    public static func loadBundled() throws -> ReferenceData {
        guard let dir = bundledDirectory else { throw BundleError.missing("reference/") }
        func read(_ name: String) throws -> [UInt8] {
            let url = dir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw BundleError.missing(name) }
            return [UInt8](data)
        }
        return try ReferenceData(
            files: Files(
                zonage2022: read("zonage_abc_communes_2022_tiers.csv"),
                zonage2024: read("zonage_abc_communes_2024-07-05.csv"),
                zonage2025: read("zonage_abc_communes_2025-09-05.csv"),
                actionCoeurDeVille: read("action_coeur_de_ville_communes.csv"),
                postalCodes: read("laposte_codes_postaux.csv"),
                departments: read("departements_regions.csv"),
                anahCeilings: read("anah_plafonds_ressources.csv"),
                livretA: read("livret_a_taux.csv")))
    }
}
