import GuichetDomain

extension DossierSteps {
    /// « Saisie du plan de financement » (`RENO-F`): the loan question first, the works companies,
    /// the fees and external aid; then the aid computed by the same engine as the simulation.
    public static func plan(
        _ b: Base, companies: [DossierCompany], registry: [Siret: WorksCompanyRegistration] = [:], plan: FinancingPlan?,
        warnings: [String], anah: Bool
    ) -> DossierPageModel {
        // The loan question first (the guide), then the companies, then the calculation; its
        // outcome is also said at the top, where the page opens after « Enregistrer et calculer ».
        let before: [InfoPageModel.Block] = [.live(summary(plan))]
        var companiesBlocks: [InfoPageModel.Block] = [.heading("Entreprises réalisant les travaux")]
        companiesBlocks.append(
            .paragraph(
                "Le montant à saisir est celui des postes de travaux finançables par Action Logement ; les travaux "
                    + "principaux doivent être réalisés par une entreprise RGE (RENO-E11), les "
                    + "travaux induits n'exigent pas le label."
            ))
        for c in companies {
            companiesBlocks.append(
                .definitions([
                    ("Entreprise", "\(c.name) (SIRET \(c.siret.value))"),
                    ("Représentant légal", c.representative ?? "—"),
                    (
                        "Compte (tiers-paiement)",
                        registry[c.siret].map { "\($0.accountHolder) – \($0.iban.masked) – \($0.bic.value)" } ?? "—"
                    ),
                    ("RGE", c.rge ? "oui" : "non"),
                    ("Travaux principaux", "\(c.mainWorkType.french) : \(c.mainWorks.formatted())"),
                    ("Travaux induits", c.inducedWorks.formatted()),
                ]))
            if b.editable {
                companiesBlocks.append(
                    .button(
                        action: "\(b.path)/plan-de-financement/entreprises/\(c.siret.value)/retrait",
                        label: "Retirer \(c.name)", hidden: [("version", String(b.version))], csrf: b.state.csrfToken))
            }
        }
        if b.editable { companiesBlocks.append(.form(companyForm(b))) }
        var after = companiesBlocks + result(plan, warnings: warnings)
        if anah { after += anahExplanations }
        var model = DossierPageModel(
            title: DossierStep.plan.french, context: b.context, notices: notices(b), before: before,
            form: form(b, .plan, fields: planFields, submit: "Enregistrer et calculer"), after: after)
        if b.editable { model.scripts = [.planLive] }
        return model
    }

    /// The plan in one sentence (the live region at the top of the page).
    public static func summary(_ plan: FinancingPlan?) -> String {
        guard let p = plan else {
            return "Le plan sera calculé dès que les entreprises et les frais d'AMO seront saisis."
        }
        return
            "Aide calculée : subvention de \(p.subsidy.formatted()), reste à charge de \(p.remainingCost.formatted())"
            + (p.loanOffered ? " ; un prêt peut le financer." : ".") + " Le détail est en bas de page."
    }

    static func companyForm(_ b: Base) -> FormPageModel {
        FormPageModel(
            heading: "Ajouter une entreprise", action: "\(b.path)/plan-de-financement/entreprises",
            fields: [
                .input(name: "siret", label: "Numéro de SIRET", hint: "14 chiffres"),
                .paragraph(
                    "Une entreprise déjà connue de la plateforme garde sa raison sociale, son "
                        + "représentant et ses coordonnées "
                        + "bancaires : laissez ces champs vides."),
                .input(name: "name", label: "Raison sociale"),
                .input(name: "representative", label: "Nom et prénom du représentant légal"),
                .input(name: "account_holder", label: "Titulaire du compte"),
                .input(
                    name: "iban", label: "IBAN",
                    hint: "Les paiements sont faits directement sur ce compte (tiers-paiement)"),
                .input(name: "bic", label: "BIC", hint: "8 ou 11 caractères, par exemple BNPAFRPPXXX"),
                .radios(
                    name: "rge", legend: "L'entreprise est-elle qualifiée RGE pour ces travaux ?",
                    choices: DossierFields.yesNo),
                .select(
                    name: "work_type", label: "Type de travaux principaux",
                    choices: MainWorkType.choosable.map { Choice($0.rawValue, $0.french) },
                    hint: "Fenêtres, portes, volets et vitrages ne sont pas financés"),
                .input(name: "main_works", label: "Montant TTC des travaux principaux (€)"),
                .input(name: "induced_works", label: "Montant TTC des travaux induits (€, facultatif)"),
            ],
            submit: "Ajouter l'entreprise", state: b.state, carried: [("version", String(b.version))])
    }

    static let planFields: [FormField] = [
        .heading("Prêt complémentaire"),
        .radios(
            name: "loan_wanted", legend: "Souhaitez-vous un prêt complémentaire ?", choices: DossierFields.yesNo,
            hint: "Au-delà de 500 € de reste à charge, le prêt vous sera à nouveau proposé (RENO-F6)."),
        .input(name: "loan_amount", label: "Montant du prêt souhaité (€)", hint: "30 000 € au plus"),
        .input(name: "loan_months", label: "Durée du prêt (mois)", hint: "De 1 à 240 mois"),
        .input(name: "loan_deferral", label: "Différé d'amortissement (mois, facultatif)", hint: "De 0 à 36 mois"),
        .heading("Frais d'AMO et frais annexes"),
        .input(name: "amo_fee", label: "Frais d'AMO TTC (€)"),
        .input(name: "amo_external", label: "Part des frais d'AMO financée par ailleurs (€, facultatif)"),
        .input(name: "moe_fee", label: "Frais de maître d'œuvre (€, facultatif)"),
        .checkbox(name: "moe_by_company", label: "La maîtrise d'œuvre est assurée par l'entreprise de travaux"),
        .input(name: "do_insurance", label: "Assurance dommage-ouvrage (€, facultatif)"),
        .input(name: "dpe_fee", label: "DPE ou audit énergétique (€, facultatif)"),
        .input(
            name: "dpe_date", label: "Date du DPE ou de l'audit",
            hint: "JJ/MM/AAAA ; financé s'il a moins de 3 mois au dépôt (RENO-F4)"),
        .heading("Financements externes"),
        .input(name: "aid_anah", label: "Aide de l'Anah (€, facultatif)"),
        .input(name: "aid_collectivity", label: "Aide d'une collectivité (€, facultatif)"),
        .input(name: "aid_other", label: "Autre financeur (€, facultatif)"),
        .input(name: "loan_only_works", label: "Autres travaux financés par le seul prêt (€, facultatif)"),
        .heading("Budget du foyer (pour un prêt)"),
        .input(name: "monthly_income", label: "Revenus mensuels du foyer (€)"),
        .input(name: "monthly_charges", label: "Charges mensuelles de crédits en cours (€)"),
    ]

    /// « Calcul de l'aide Action Logement »: in the guide's order of priority, AMO, works, other fees.
    static func result(_ plan: FinancingPlan?, warnings: [String]) -> [InfoPageModel.Block] {
        guard let p = plan else {
            return [
                .heading("Calcul de l'aide"),
                .paragraph("Le plan sera calculé dès que les entreprises et les frais d'AMO seront saisis."),
            ]
        }
        var rows: [(String, String)] = [
            ("Plafond de l'aide (RENO-F1)", p.ceiling.formatted()),
            ("Frais d'AMO pris en charge (cas \(p.amoCase), RENO-F2)", p.amoGranted.formatted()),
        ]
        for c in p.companies {
            rows.append(
                (
                    "Travaux – \(c.name) (RENO-F3)",
                    "\(c.granted.formatted()), acompte au plus \(c.depositCap.formatted())"
                ))
        }
        rows += [
            ("Autres frais annexes pris en charge (RENO-F4)", p.otherFeesGranted.formatted()),
            ("Subvention Action Logement", p.subsidy.formatted()),
            ("Aides externes", p.externalAid.formatted()),
            ("Coût total du projet", p.totalCost.formatted()),
            ("Reste à charge (RENO-F6)", p.remainingCost.formatted()),
        ]
        if let loan = p.loan {
            rows += [
                (
                    "Prêt (RENO-F7)",
                    "\(loan.amount.formatted()) sur \(loan.months) mois dont \(loan.deferralMonths) de différé"
                ),
                ("Taux nominal annuel", loan.annualRate.frenchPercent),
                ("Mensualité (RENO-F8)", loan.monthlyInstalment.formatted()),
                ("Coût total du crédit", loan.totalInterest.formatted()),
            ]
        } else if p.loanOffered {
            rows.append(("Prêt", "Votre reste à charge dépasse 500 € : un prêt Action Logement peut le financer."))
        }
        if let ratio = p.debtRatio {
            rows.append(
                (
                    "Taux d'endettement (RENO-F9)",
                    FrenchFormat.percent(ratio: ratio) + (ratio > 0.35 ? " — au-delà de 35 %" : "")
                ))
        }
        var blocks: [InfoPageModel.Block] = [.heading("Calcul de l'aide Action Logement"), .definitions(rows)]
        blocks += p.trace.map { .paragraph("\($0.rule.rawValue) : \($0.message)") }
        blocks += warnings.map { .notice(.warning, $0) }
        return blocks
    }

    /// The guide's co-financing explanations (point 4 of « Saisie du plan de financement »).
    static let anahExplanations: [InfoPageModel.Block] = [
        .heading("Co-financement Anah ou MaPrimeRénov'"),
        .paragraph(
            "Habiter Mieux Sérénité : indiquez dans les montants de travaux l'assiette résiduelle à "
                + "financer par Action "
                + "Logement, indiquez l'aide de l'Anah, et comme financement externe de l'AMO les "
                + "seuls frais d'AMO financés par l'Anah."
        ),
        .paragraph(
            "MaPrimeRénov' : indiquez dans les montants de travaux l'assiette résiduelle à financer "
                + "par Action Logement, "
                + "sans déclarer d'aide de l'Anah."),
    ]
}
