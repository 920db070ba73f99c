/// Dated lookups in the reference tables; each may add a warning when the tables are not known
/// to cover the date (`RULES.md`, Parameters: "paramètre non mis à jour depuis <date>").
extension ReferenceData {
    /// Livret A rate in force on `day` (last change on or before it).
    public func livretARate(on day: Day, warnings: inout [Warning]) -> LivretARate? {
        guard let hit = livretA.last(where: { $0.effective <= day }) else {
            warnings.append(Warning(nil, "Taux du Livret A inconnu au \(day.french) : taux plancher appliqué"))
            return nil
        }
        if day > livretACheckedOn {
            warnings.append(
                Warning(nil, "Taux du Livret A : paramètre non mis à jour depuis le \(livretACheckedOn.french)"))
        }
        return hit
    }

    static let october2023Warning =
        "Zonage A/B/C : la révision d'octobre 2023 n'est pas chargée ; \(zonage2022Label) appliqué"

    /// The zonage version in force on `day`.
    public func zonage(on day: Day, warnings: inout [Warning]) -> ZonageVersion {
        let version = zonageVersions.last(where: { $0.validFrom <= day }) ?? zonageVersions[0]
        if day >= Self.zonageOctober2023 && day < Self.zonage2024From {
            warnings.append(Warning(nil, Self.october2023Warning))
        }
        return version
    }

    /// Anah ceiling for the year of `day`; a missing year uses the closest earlier one (or the
    /// first known) with a warning.
    public func anahCeiling(
        on day: Day, region: AnahCeiling.Region, category: AnahCeiling.Category,
        warnings: inout [Warning]
    ) -> AnahCeiling? {
        var exact: AnahCeiling?
        var earlier: AnahCeiling?
        var first: AnahCeiling?
        var last = Int.min
        for row in anahCeilings where row.region == region && row.category == category {
            if row.year == day.year { exact = row }
            if row.year < day.year && (earlier.map { $0.year < row.year } ?? true) { earlier = row }
            if row.year < (first?.year ?? Int.max) { first = row }
            last = max(last, row.year)
        }
        if let exact { return exact }
        guard let used = earlier ?? first else { return nil }
        if day.year > last {
            warnings.append(
                Warning(
                    nil,
                    "Plafonds de ressources Anah : paramètre non mis à jour depuis le 01/01/\(last) (plafonds "
                        + "\(used.year) appliqués)"
                )
            )
        } else {
            warnings.append(
                Warning(
                    nil, "Plafonds de ressources Anah \(day.year) non disponibles : plafonds \(used.year) appliqués"))
        }
        return used
    }
}
