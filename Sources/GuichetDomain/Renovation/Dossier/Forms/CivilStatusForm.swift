/// The civil-status fields (account creation, co-applicants, tenant): the guide's list.
public enum CivilStatusForm {
    public static let fields = [
        "usage_name", "first_name", "birth_name", "family_situation", "birth_date", "birth_country", "birth_town",
        "birth_postal_code",
    ]

    /// - Parameter familySituation: asked of the applicant and co-applicants, not of a tenant.
    public static func read(_ r: inout FormReader, familySituation: Bool = true) -> CivilStatus? {
        let usage = r.text("usage_name", "Nom d'usage")
        let first = r.text("first_name", "Prénom")
        let birthName = r.text("birth_name", "Nom de naissance")
        let situation =
            familySituation ? r.choice("family_situation", "Situation familiale", FamilySituation.self) : nil
        let birthDate = r.day("birth_date", "Date de naissance")
        let country = r.text("birth_country", "Pays de naissance")
        let town = r.text("birth_town", "Ville de naissance")
        let postal = r.text("birth_postal_code", "Code postal de naissance", max: 10, optional: true)
        if let country, country.lowercased() == "france", let postal, PostalCode(postal) == nil {
            r.problem("birth_postal_code", "Code postal de naissance : 5 chiffres pour une naissance en France.")
        }
        guard let usage, let first, let birthName, let birthDate, let country, let town, let postal,
            situation != nil || !familySituation
        else { return nil }
        return CivilStatus(
            usageName: usage, firstName: first, birthName: birthName, familySituation: situation, birthDate: birthDate,
            birthCountry: country, birthTown: town, birthPostalCode: postal)
    }

    public static func values(_ c: CivilStatus?) -> [String: String] {
        guard let c else { return [:] }
        return [
            "usage_name": c.usageName, "first_name": c.firstName, "birth_name": c.birthName,
            "family_situation": c.familySituation?.rawValue ?? "", "birth_date": c.birthDate.french,
            "birth_country": c.birthCountry, "birth_town": c.birthTown, "birth_postal_code": c.birthPostalCode,
        ]
    }
}

/// Employment and tax fields, shared by the applicant, co-applicants and the tenant (`RENO-E4`,
/// `RENO-E5`).
public enum OccupationForm {
    public static let fields = [
        "employment", "company_name", "sector", "company_siret", "tax_income", "household_size",
    ]

    public static func read(_ r: inout FormReader) -> (Occupation, TaxHousehold)? {
        let employment = r.choice("employment", "Situation professionnelle", Employment.self)
        let salaried = employment?.opensRight ?? false
        let company = r.text("company_name", "Nom de l'entreprise", max: TextLimits.organisation, optional: !salaried)
        let sector = r.text("sector", "Secteur d'activité", max: TextLimits.line, optional: true)
        let siret = r.siret("company_siret", "SIRET de l'entreprise", optional: !salaried)
        let income = r.euros("tax_income", "Revenu fiscal de référence")
        let size = r.integer("household_size", "Nombre de personnes du foyer fiscal", in: 1...20)
        guard let employment, let company, let sector, let siret, let income, let size else { return nil }
        return (
            Occupation(employment: employment, companyName: company, sector: sector, companySiret: siret),
            TaxHousehold(referenceTaxIncome: income, size: size)
        )
    }

    public static func values(_ o: Occupation?, _ t: TaxHousehold?) -> [String: String] {
        var v: [String: String] = [:]
        if let o {
            v["employment"] = o.employment.rawValue
            v["company_name"] = o.companyName
            v["sector"] = o.sector
            v["company_siret"] = o.companySiret?.value ?? ""
        }
        if let t {
            v["tax_income"] = FrenchFormat.amountInput(t.referenceTaxIncome)
            v["household_size"] = String(t.size)
        }
        return v
    }
}
