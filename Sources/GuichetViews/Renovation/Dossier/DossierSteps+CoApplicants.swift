import GuichetDomain

extension DossierSteps {
    /// « Codemandeurs »: every owner is declared (the spouse or partner, indivision partners, SCI
    /// partners above 25 %), one at a time; then the declaration that they all are.
    public static func coApplicants(
        _ b: Base, _ list: [CoApplicant], declared: Bool, expected: Int, kind: ApplicantKind? = nil
    ) -> DossierPageModel {
        var before: [InfoPageModel.Block] = [
            .paragraph(
                "Tous les propriétaires du bien doivent être déclarés (dans le cas d'un couple : le conjoint du "
                    + "demandeur ; pour une SCI : les associés détenant plus de 25 % des parts, RENO-E3)."),
            .paragraph(
                expected > 0
                    ? "Le test d'éligibilité indique "
                        + "\(FrenchFormat.count(expected, "autre propriétaire", "autres propriétaires"))."
                    : kind == .sci
                        ? "Déclarez les associés de la SCI qui détiennent plus de 25 % des parts."
                        : "Le test d'éligibilité n'indique pas d'autre propriétaire : confirmez-le ci-dessous."),
        ]
        for (i, co) in list.enumerated() {
            let c = co.civilStatus
            before.append(.heading("Codemandeur \(i + 1) : \(c.displayName)"))
            before.append(.definitions(coApplicantRows(co)))
            if b.editable {
                before.append(
                    .button(
                        action: "\(b.path)/codemandeurs/\(i + 1)/retrait", label: "Retirer \(c.displayName)",
                        hidden: [("version", String(b.version))], csrf: b.state.csrfToken))
            }
        }
        var after: [InfoPageModel.Block] = []
        if b.editable {
            after.append(
                .form(
                    FormPageModel(
                        heading: "Ajouter un codemandeur", action: "\(b.path)/codemandeurs/ajout",
                        fields: [
                            .radios(
                                name: "relation", legend: "Lien avec le demandeur",
                                choices: CoApplicant.Relation.allCases.filter { kind == .sci || $0 != .sciPartner }
                                    .map { Choice($0.rawValue, $0.french) })
                        ]
                            + (kind == .sci
                                ? [
                                    .input(
                                        name: "share_percent", label: "Part des parts sociales (%) — associés de SCI")
                                ]
                                : [])
                            + DossierFields.civilStatus() + (kind == .landlord ? openingFields : []),
                        submit: "Ajouter", state: b.state, carried: [("version", String(b.version))])))
        }
        let confirm = FormPageModel(
            heading: "Déclaration", action: "\(b.path)/codemandeurs",
            fields: [.checkbox(name: "declared", label: "Tous les propriétaires du bien sont déclarés")],
            submit: "Enregistrer",
            state: FormState(values: declared ? ["declared": "oui"] : [:], csrfToken: b.state.csrfToken),
            carried: [("version", String(b.version))])
        if b.editable { after.append(.form(confirm)) }
        return DossierPageModel(
            title: DossierStep.coApplicants.french, context: b.context, notices: notices(b), before: before,
            after: after)
    }

    /// `RENO-E2`: a landlord's co-owner in indivision may be the one who opens the right.
    static var openingFields: [FormField] {
        [
            .heading("Ouverture du droit (bailleur en indivision)"),
            .radios(
                name: "opens_right", legend: "Ce propriétaire ouvre-t-il le droit ?",
                choices: [
                    Choice("oui", "Oui : il est salarié et sous les plafonds de ressources"), Choice("non", "Non"),
                ],
                hint:
                    "RENO-E2 : pour des bailleurs en indivision, il suffit qu'un indivisaire ou le locataire remplisse "
                    + "les conditions d'emploi (RENO-E4) et de ressources (RENO-E5). Si c'est le cas de ce "
                    + "propriétaire, renseignez sa situation ci-dessous."),
        ] + DossierFields.occupation
    }

    /// What is known of a co-applicant: identity, shares, and the situation that may open the right.
    static func coApplicantRows(_ co: CoApplicant) -> [(String, String)] {
        let c = co.civilStatus
        var rows: [(String, String)] = [
            ("Lien", co.relation.french), ("Nom de naissance", c.birthName), ("Date de naissance", c.birthDate.french),
            ("Lieu de naissance", "\(c.birthTown) (\(c.birthCountry))"),
        ]
        if let share = co.sharePercent { rows.append(("Parts sociales", "\(share) %")) }
        if let o = co.occupation {
            rows.append(("Situation professionnelle", DossierFields.capitalised(o.employment.french)))
        }
        if let t = co.tax {
            rows.append(("Revenu fiscal de référence", FrenchFormat.money(t.referenceTaxIncome, dropZeroCents: true)))
            rows.append(("Foyer fiscal", FrenchFormat.count(t.size, "personne", "personnes")))
        }
        return rows
    }
}
