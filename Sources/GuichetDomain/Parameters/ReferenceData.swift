/// The reference tables, loaded once and shared read-only: zonage versions, Action Cœur de
/// Ville communes, postal codes, departments and regions, Anah ceilings, Livret A rates.
/// Every lookup is a dictionary access (O(1)) by INSEE code or postal code. A class: the
/// tables are immutable and shared, and passing them costs one reference, not a copy of each table.
public final class ReferenceData: Sendable {
    /// Oldest first.
    public let zonageVersions: [ZonageVersion]
    public let actionCoeurDeVille: [String: String]  // INSEE → commune name
    public let communesByPostalCode: [String: [Commune]]  // postal code → communes, by name
    public let communesByInsee: [String: Commune]  // INSEE → first postal code row
    public let departments: [String: Department]  // department code → department
    public let anahCeilings: [AnahCeiling]
    /// Oldest first.
    public let livretA: [LivretARate]
    /// Date on which the Livret A series was last checked against its source.
    public let livretACheckedOn: Day
    /// INSEE → accented commune name (from the zonage files).
    public let communeNames: [String: String]

    public init(
        zonageVersions: [ZonageVersion], actionCoeurDeVille: [String: String],
        communesByPostalCode: [String: [Commune]], communesByInsee: [String: Commune],
        departments: [String: Department], anahCeilings: [AnahCeiling],
        livretA: [LivretARate], livretACheckedOn: Day, communeNames: [String: String]
    ) {
        self.zonageVersions = zonageVersions.sorted { $0.validFrom < $1.validFrom }
        self.actionCoeurDeVille = actionCoeurDeVille
        self.communesByPostalCode = communesByPostalCode
        self.communesByInsee = communesByInsee
        self.departments = departments
        self.anahCeilings = anahCeilings
        self.livretA = livretA.sorted { $0.effective < $1.effective }
        self.livretACheckedOn = livretACheckedOn
        self.communeNames = communeNames
    }

    /// A copy with more Livret A rates and Anah ceilings (an administrator's additions): a rate
    /// at an existing date and a ceiling of an existing year × region × category replace the
    /// shipped ones. The large tables are shared, not copied.
    public func adding(livretA extraRates: [LivretARate], anahCeilings extraCeilings: [AnahCeiling]) -> ReferenceData {
        let rates = livretA.filter { r in !extraRates.contains { $0.effective == r.effective } } + extraRates
        let ceilings =
            anahCeilings.filter { c in
                !extraCeilings.contains { $0.year == c.year && $0.region == c.region && $0.category == c.category }
            } + extraCeilings
        let checked = max(livretACheckedOn, extraRates.map(\.effective).max() ?? livretACheckedOn)
        return ReferenceData(
            zonageVersions: zonageVersions, actionCoeurDeVille: actionCoeurDeVille,
            communesByPostalCode: communesByPostalCode,
            communesByInsee: communesByInsee, departments: departments, anahCeilings: ceilings, livretA: rates,
            livretACheckedOn: checked, communeNames: communeNames)
    }

    public func isActionCoeurDeVille(_ insee: InseeCode) -> Bool { actionCoeurDeVille[insee.value] != nil }
    public func department(of insee: InseeCode) -> Department? { departments[insee.departmentCode] }
    public func communes(postalCode: PostalCode) -> [Commune] { communesByPostalCode[postalCode.value] ?? [] }
    /// A commune's name, accented (zonage files), else La Poste's upper-case name.
    public func communeName(_ insee: InseeCode) -> String? {
        communeNames[insee.value] ?? communesByInsee[insee.value]?.name
    }
}
