/// The municipal arrondissements of Paris, Lyon and Marseille. La Poste's table gives each
/// arrondissement its own INSEE code (75101…75120, 69381…69389, 13201…13216), while the
/// zonage A/B/C and Action Cœur de Ville list the commune (75056, 69123, 13055). An
/// arrondissement therefore resolves to its commune for those rules and keeps its own name on
/// the page (issue #11: « Commune 75101 inconnue du zonage » was shown).
public struct Arrondissement: Hashable, Sendable {
    /// The commune the arrondissement belongs to.
    public let commune: InseeCode
    /// 1 for « 1er », 2 for « 2e »…
    public let number: Int
    /// « Paris », « Lyon » or « Marseille ».
    public let cityName: String

    private static let cities: [(prefix: String, first: Int, last: Int, commune: String, name: String)] = [
        ("751", 1, 20, "75056", "Paris"),
        ("6938", 1, 9, "69123", "Lyon"),
        ("132", 1, 16, "13055", "Marseille"),
    ]

    /// The arrondissement an INSEE code designates, or nil for any other commune.
    public init?(_ insee: InseeCode) {
        for city in Self.cities where insee.value.hasPrefix(city.prefix) {
            let rest = insee.value.dropFirst(city.prefix.count)
            guard let n = Int(rest), (city.first...city.last).contains(n), let commune = InseeCode(city.commune)
            else { return nil }
            self.commune = commune
            number = n
            cityName = city.name
            return
        }
        return nil
    }

    /// « Paris 1er arrondissement », « Lyon 9e arrondissement ».
    public var name: String { "\(cityName) \(number == 1 ? "1er" : "\(number)e") arrondissement" }
}
