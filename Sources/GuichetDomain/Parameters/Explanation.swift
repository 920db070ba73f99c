/// The figures behind a criterion, turned into French only when shown (`Criterion.message`).
public enum Explanation: Sendable, Hashable {
    case text(String)
    /// `RENO-E1`: "Propriétaire occupant : demandeur éligible."
    case applicant(who: String, joint: Bool)
    /// `RENO-E4`: the employment of the household that opens (or not) the right.
    case employment(label: String, employment: Employment, opens: Bool, openedByTenant: Bool)
    /// `RENO-E5`: reference tax income against the "modeste" ceiling.
    case income(label: String, income: Money, pass: Bool, year: Int, ileDeFrance: Bool, persons: Int, ceiling: Money)
    /// `RENO-E5`: the income is still to be given.
    case incomeMissing(label: String, ceiling: Money)
    /// `RENO-E6`: the commune, its zone in the zonage version used, Action Cœur de Ville.
    case place(name: String, insee: String, zone: Zone, zonage: String, acv: Bool)

    public var french: String {
        switch self {
        case .text(let t):
            return t
        case .applicant(let who, let joint):
            return "\(who)\(joint ? " en indivision" : "") : demandeur éligible."
        case .employment(let label, let e, let opens, let tenant):
            let who = label.isEmpty ? e.french.prefix(1).uppercased() + e.french.dropFirst() : label + e.french
            let base =
                opens
                ? "\(who) : emploi ouvrant droit à l'aide."
                : "\(who) : l'aide est réservée aux salariés du secteur privé, agricole ou d'une entreprise publique "
                    + "assimilée."
            return tenant
                ? base + " Le demandeur ne remplit pas les conditions : le droit est ouvert par le locataire." : base
        case .income(let label, let income, let pass, let year, let idf, let persons, let ceiling):
            let zone = idf ? "en Île-de-France" : "hors Île-de-France"
            let who = persons == 1 ? "1 personne" : "\(persons) personnes"
            return
                "\(label)Revenu fiscal de référence \(income.formatted(dropZeroCents: true)) \(pass ? "≤" : ">") "
                + "plafond modeste \(year) \(zone) pour \(who) : \(ceiling.formatted(dropZeroCents: true))"
        case .incomeMissing(let label, let ceiling):
            return
                "\(label)indiquez le revenu fiscal de référence (plafond : \(ceiling.formatted(dropZeroCents: true)))."
        case .place(let name, let insee, let zone, let zonage, let acv):
            let whereText = "\(name) (\(insee)) : zone \(zone.rawValue) (\(zonage))"
            if zone.openForRenovationAid {
                return "\(whereText), zone éligible B2 ou C\(acv ? " ; commune Action Cœur de Ville" : "")."
            }
            if acv { return "\(whereText), commune du programme Action Cœur de Ville : éligible." }
            return "\(whereText) : le logement doit être en zone B2 ou C ou dans une commune Action Cœur de Ville."
        }
    }
}
