/// `RENO-E6` Place: zone B2 or C of the zonage in force at the reference date, or an Action
/// Cœur de Ville commune. Also yields the Anah region used by `RENO-E5`.
struct PlaceCheck {
    let criterion: Criterion
    let zone: Zone?
    let acv: Bool?
    let region: AnahCeiling.Region?
    let insee: InseeCode?

    static func evaluate(_ d: Dwelling, on day: Day, reference: ReferenceData, warnings: inout [Warning]) -> PlaceCheck
    {
        func result(
            _ s: CriterionStatus, _ m: String, zone: Zone? = nil, acv: Bool? = nil,
            region: AnahCeiling.Region? = nil, insee: InseeCode? = nil
        ) -> PlaceCheck {
            PlaceCheck(criterion: Criterion(.e6, s, m), zone: zone, acv: acv, region: region, insee: insee)
        }
        var insee = d.insee
        if let postal = d.postalCode {
            let communes = reference.communes(postalCode: postal)
            if communes.isEmpty, insee == nil {
                return result(.fail, "Code postal \(postal) inconnu de la base officielle de La Poste.")
            }
            if let given = insee {
                if !communes.isEmpty, !communes.contains(where: { $0.insee == given.value }) {
                    warnings.append(
                        Warning(
                            .e6,
                            "la commune \(given) ne correspond pas au code postal \(postal) ; la commune est retenue.")
                    )
                }
            } else if communes.count == 1 {
                insee = InseeCode(communes[0].insee)
            } else {
                let names = communes.map { "\($0.name) (\($0.insee))" }.joined(separator: ", ")
                return result(
                    .missing, "Le code postal \(postal) couvre plusieurs communes : choisissez parmi \(names).")
            }
        }
        guard let insee else { return result(.missing, "Indiquez l'adresse du logement (code postal et commune).") }
        let department = reference.department(of: insee)
        let region: AnahCeiling.Region? = department.map { $0.isIleDeFrance ? .ileDeFrance : .other }
        if department?.isDROM == true {
            warnings.append(
                Warning(
                    nil,
                    "Logement en outre-mer : les DROM bénéficient du dispositif dans des conditions dédiées définies "
                        + "par une directive ultérieure."
                )
            )
        }
        let zonage = reference.zonage(on: day, warnings: &warnings)
        // An arrondissement of Paris, Lyon or Marseille is zoned as its commune (issue #11).
        let arrondissement = Arrondissement(insee)
        let commune = arrondissement?.commune ?? insee
        let name = arrondissement?.name ?? reference.communeName(insee) ?? insee.value
        guard let zone = zonage.zones[commune.value] else {
            return result(.fail, "Commune \(insee) inconnue du \(zonage.label).", region: region, insee: insee)
        }
        let acv = reference.isActionCoeurDeVille(commune)
        let status: CriterionStatus = zone.openForRenovationAid || acv ? .pass : .fail
        return PlaceCheck(
            criterion: Criterion(
                .e6, status, .place(name: name, insee: insee.value, zone: zone, zonage: zonage.label, acv: acv)),
            zone: zone, acv: acv, region: region, insee: insee)
    }
}
