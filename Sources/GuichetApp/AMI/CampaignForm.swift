import Foundation
import GuichetDomain

/// The administrator's campaign form (`AMI-K`, `AMI-L`, `AMI-R`): French values in, a campaign
/// (or every problem at once) out; and back to the form's values.
enum CampaignForm {
    static func parse(_ v: [String: String], zone: TimeZone) -> (Campaign?, [FieldProblem]) {
        func t(_ k: String) -> String { (v[k] ?? "").trimmingCharacters(in: .whitespaces) }
        var errors: [FieldProblem] = []
        let year = Int(t("year")).flatMap { (2000...2100).contains($0) ? $0 : nil }
        if year == nil { errors.append(.init(field: "year", message: "Année invalide (par exemple 2024).")) }
        let departments = Campaign.overseasDepartments.filter { t("dep_\($0)") == "oui" }
        if departments.isEmpty { errors.append(.init(field: "dep_971", message: "Cochez au moins un département.")) }
        func time(_ prefix: String, _ label: String) -> CivilTime? {
            guard let day = Day(french: t("\(prefix)_day")) else {
                errors.append(.init(field: "\(prefix)_day", message: "\(label) : date au format JJ/MM/AAAA."))
                return nil
            }
            guard let time = CivilTime(day: day, hhmm: t("\(prefix)_time")) else {
                errors.append(
                    .init(field: "\(prefix)_time", message: "\(label) : heure au format HH:MM (heure de Paris)."))
                return nil
            }
            return time
        }
        let opens = time("opens", "Ouverture")
        let closes = time("closes", "Clôture")
        var window: CampaignWindow?
        if let opens, let closes {
            window = CampaignWindow(opens: opens, closes: closes, zone: zone)
            if window == nil {
                errors.append(.init(field: "closes_day", message: "La clôture doit suivre l'ouverture."))
            }
        }
        var envelopes: [String: Money] = [:]
        for d in departments {
            if let m = Money(french: t("env_\(d)")) {
                envelopes[d] = m
            } else {
                errors.append(
                    .init(field: "env_\(d)", message: "Enveloppe du \(d) : montant en euros, par exemple 12 000 000."))
            }
        }
        let (quotites, bareme) = productParameters(t, errors: &errors)
        guard errors.isEmpty, let year, let window else { return (nil, errors) }
        return (
            Campaign(
                year: year, departments: departments, window: window, envelopes: envelopes,
                parameters: CampaignParameters(quotites: quotites, bareme: bareme, examples: t("examples") == "oui")),
            []
        )
    }

    /// `AMI-L` quotités and `AMI-R` barème per product, each optional.
    static func productParameters(
        _ t: (String) -> String, errors: inout [FieldProblem]
    ) -> ([HousingProduct: Rate], [HousingProduct: Money]) {
        var quotites: [HousingProduct: Rate] = [:]
        var bareme: [HousingProduct: Money] = [:]
        for p in HousingProduct.allCases {
            let q = t("q_\(p.rawValue)")
            if let r = Rate(frenchPercent: q), r <= .percent(100) {
                quotites[p] = r
            } else if !q.isEmpty {
                errors.append(
                    .init(
                        field: "q_\(p.rawValue)",
                        message: "Quotité \(p.rawValue) : pourcentage entre 0 et 100, par exemple 30 ou 27,5."))
            }
            let b = t("b_\(p.rawValue)")
            if let m = Money(french: b), m.cents > 0 {
                bareme[p] = m
            } else if !b.isEmpty {
                errors.append(
                    .init(
                        field: "b_\(p.rawValue)",
                        message: "Barème \(p.rawValue) : montant en euros par logement réservé."))
            }
        }
        return (quotites, bareme)
    }

    static func values(_ c: Campaign) -> [String: String] {
        var v: [String: String] = [
            "year": String(c.year), "opens_day": c.window.opens.day.french, "opens_time": c.window.opens.hhmm,
            "closes_day": c.window.closes.day.french, "closes_time": c.window.closes.hhmm,
            "examples": c.parameters.examples ? "oui" : "",
        ]
        for d in c.departments {
            v["dep_\(d)"] = "oui"
            v["env_\(d)"] = c.envelopes[d].map(FrenchFormat.amountInput)
        }
        for p in HousingProduct.allCases {
            if let q = c.parameters.quotites[p] { v["q_\(p.rawValue)"] = FrenchFormat.percentInput(q) }
            if let b = c.parameters.bareme[p] { v["b_\(p.rawValue)"] = FrenchFormat.amountInput(b) }
        }
        return v
    }
}
