import GuichetDomain

/// The fields of the dossier's forms, worded once (the guide's words).
enum DossierFields {
    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    static let yesNo = [Choice("oui", "Oui"), Choice("non", "Non")]

    static func civilStatus(familySituation: Bool = true) -> [FormField] {
        var f: [FormField] = [
            .input(name: "usage_name", label: "Nom d'usage ou d'époux(se)", autocomplete: "family-name"),
            .input(name: "first_name", label: "Prénom", autocomplete: "given-name"),
            .input(name: "birth_name", label: "Nom de naissance"),
        ]
        if familySituation {
            f.append(
                .select(
                    name: "family_situation", label: "Situation familiale",
                    choices: FamilySituation.allCases.map { Choice($0.rawValue, $0.french) }))
        }
        f += [
            .input(
                name: "birth_date", label: "Date de naissance", hint: "JJ/MM/AAAA, par exemple 12/03/1980",
                autocomplete: "bday"),
            .input(name: "birth_country", label: "Pays de naissance"),
            .input(name: "birth_town", label: "Ville de naissance"),
            .input(
                name: "birth_postal_code", label: "Code postal de naissance",
                hint: "Laissez vide pour une naissance à l'étranger"),
        ]
        return f
    }

    static let contact: [FormField] = [
        .input(name: "email", label: "Adresse e-mail personnelle", type: "email", autocomplete: "email"),
        .input(name: "mobile", label: "Téléphone portable", type: "tel", autocomplete: "tel"),
        .input(name: "landline", label: "Autre numéro de téléphone (facultatif)", type: "tel"),
    ]

    static let occupation: [FormField] = [
        .heading("Situation professionnelle"),
        .radios(
            name: "employment", legend: "Situation professionnelle",
            choices: Employment.allCases.map { Choice($0.rawValue, capitalised($0.french)) },
            hint:
                "RENO-E4 : le droit est ouvert aux salariés du secteur privé ou agricole et des "
                + "entreprises publiques assimilées."
        ),
        .input(
            name: "company_name", label: "Nom de l'entreprise employeur",
            hint: "Entreprise sur le "
                + "territoire français"),
        .input(name: "sector", label: "Secteur d'activité (facultatif)"),
        .input(name: "company_siret", label: "SIRET de l'entreprise", hint: "14 chiffres, sur le bulletin de salaire"),
        .heading("Informations financières"),
        .input(
            name: "tax_income", label: "Revenu fiscal de référence (€)",
            hint: "Sur l'avis d'imposition, par exemple 25 000"),
        .input(name: "household_size", label: "Nombre de personnes du foyer fiscal"),
    ]
}
