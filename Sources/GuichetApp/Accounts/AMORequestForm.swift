import Foundation
import GuichetDomain

/// The AMO account request form read: every problem at once, in the order of the form, and the
/// request when there is none (issue #11).
struct AMORequestForm {
    let siret: Siret?
    let request: AMORequest?
    let problems: [FieldProblem]

    static func read(_ v: [String: String], today: Day, departments: [String: Department]) -> AMORequestForm {
        func t(_ k: String) -> String { (v[k] ?? "").trimmingCharacters(in: .whitespaces) }
        var errors: [FieldProblem] = []
        let siret = Siret(t("siret"))
        if siret == nil {
            errors.append(
                .init(field: "siret", message: "SIRET invalide : 14 chiffres avec une clé de contrôle valide."))
        }
        if t("company_name").isEmpty {
            errors.append(.init(field: "company_name", message: "Indiquez la raison sociale."))
        }
        if departments[t("department")] == nil {
            errors.append(.init(field: "department", message: "Choisissez un département."))
        }
        if !["Madame", "Monsieur"].contains(t("legal_civility")) {
            errors.append(.init(field: "legal_civility", message: "Indiquez la civilité du représentant légal."))
        }
        for (k, label) in [
            ("legal_usage_name", "le nom d'usage"), ("legal_birth_name", "le nom de naissance"),
            ("legal_birth_city", "la ville de naissance"), ("contact_name", "le nom du contact"),
        ] where t(k).isEmpty {
            errors.append(.init(field: k, message: "Indiquez \(label)."))
        }
        errors += birthDateProblems(t("legal_birth_date"), today: today)
        let (email, contactProblems) = ContactFields.read(t)
        errors += contactProblems
        errors += TextLimits.problems(
            v.mapValues { $0.trimmingCharacters(in: .whitespaces) },
            [
                ("company_name", "Raison sociale", TextLimits.organisation),
                ("legal_usage_name", "Nom d'usage", TextLimits.name),
                ("legal_birth_name", "Nom de naissance", TextLimits.name),
                ("legal_birth_city", "Ville de naissance", TextLimits.name),
                ("contact_name", "Nom du contact", TextLimits.name),
            ])
        if t("not_works_company") != "oui" {
            errors.append(
                .init(
                    field: "not_works_company",
                    message: "Les entreprises de travaux ne peuvent pas avoir de compte AMO : cochez la case pour "
                        + "certifier que ce n'est pas le cas."))
        }
        guard errors.isEmpty, let siret else { return AMORequestForm(siret: siret, request: nil, problems: errors) }
        let request = AMORequest(
            siret: siret.value, companyName: t("company_name"), department: t("department"),
            legalCivility: t("legal_civility"), legalUsageName: t("legal_usage_name"),
            legalBirthName: t("legal_birth_name"), legalBirthDate: t("legal_birth_date"),
            legalBirthCity: t("legal_birth_city"), contactName: t("contact_name"), contactEmail: email,
            contactPhone: t("contact_phone"))
        return AMORequestForm(siret: siret, request: request, problems: [])
    }

    /// The legal representative is of age (18) on `today`.
    static func birthDateProblems(_ text: String, today: Day) -> [FieldProblem] {
        guard let birth = Day(french: text) else {
            return [.init(field: "legal_birth_date", message: "Date de naissance invalide : format JJ/MM/AAAA.")]
        }
        if birth > today.adding(months: -12 * 18) {
            return [.init(field: "legal_birth_date", message: "Le représentant légal doit être majeur.")]
        }
        return []
    }
}
