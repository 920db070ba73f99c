/// « Saisie du plan de financement » (`RENO-F`): the loan question first, then fees, external
/// aid and the household's monthly budget; the works companies are added one by one.
public enum PlanForm {
    public static func apply(_ values: [String: String], to a: inout DossierAnswers) -> [FieldProblem] {
        var r = FormReader(values)
        var p = a.plan
        p.loanWanted = r.yesNo("loan_wanted", "Souhaitez-vous un prêt complémentaire ?")
        if p.loanWanted == true {
            let amount = r.euros("loan_amount", "Montant du prêt souhaité")
            let months = r.integer("loan_months", "Durée du prêt (mois)", in: 1...240)
            let deferral = r.raw("loan_deferral").isEmpty ? 0 : r.integer("loan_deferral", "Différé (mois)", in: 0...36)
            if let amount, let months, let deferral {
                p.loan = LoanWish(amount: amount, months: months, deferralMonths: deferral)
            }
        } else {
            p.loan = nil
        }
        p.amoFee = r.euros("amo_fee", "Frais d'AMO TTC")
        p.amoExternalFunding = r.euros("amo_external", "Financement externe des frais d'AMO", optional: true) ?? .zero
        p.moeFee = r.euros("moe_fee", "Frais de maître d'œuvre", optional: true) ?? .zero
        p.moeByWorksCompany = r.checked("moe_by_company")
        p.doInsurance = r.euros("do_insurance", "Assurance dommage-ouvrage", optional: true) ?? .zero
        p.dpeAuditFee = r.euros("dpe_fee", "Montant du DPE ou de l'audit énergétique", optional: true) ?? .zero
        p.dpeAuditDate = r.day("dpe_date", "Date du DPE ou de l'audit", optional: true)
        if p.dpeAuditFee > .zero, p.dpeAuditDate == nil, r.raw("dpe_date").isEmpty {
            r.problem("dpe_date", "Date du DPE ou de l'audit : à renseigner quand son montant est indiqué (RENO-F4).")
        }
        p.externalAid = Funder.allCases.compactMap { funder in
            let amount = r.euros("aid_\(funder.rawValue)", "Aide \(funder.french)", optional: true) ?? .zero
            return amount > .zero ? ExternalAid(funder: funder, amount: amount) : nil
        }
        p.loanOnlyWorks = r.euros("loan_only_works", "Autres travaux financés par le prêt", optional: true) ?? .zero
        let income = r.euros("monthly_income", "Revenus mensuels du foyer", optional: true) ?? .zero
        let charges = r.euros("monthly_charges", "Charges mensuelles (crédits en cours)", optional: true) ?? .zero
        p.monthlyIncome = income > .zero ? income : nil
        p.monthlyCharges = income > .zero ? charges : nil
        if p.loanWanted == true, income == .zero {
            r.problem(
                "monthly_income", "Revenus mensuels du foyer : à renseigner pour un prêt (taux d'endettement, RENO-F9)."
            )
        }
        guard r.problems.isEmpty else { return r.problems }
        a.plan = p
        return []
    }

    public static func values(_ a: DossierAnswers) -> [String: String] {
        let p = a.plan
        func money(_ m: Money?) -> String? { m.flatMap { $0 > .zero ? FrenchFormat.amountInput($0) : nil } }
        var v: [String: String] = [:]
        v["loan_wanted"] = p.loanWanted.map { $0 ? "oui" : "non" }
        v["loan_amount"] = money(p.loan?.amount)
        v["loan_months"] = p.loan.map { String($0.months) }
        v["loan_deferral"] = p.loan.map { String($0.deferralMonths) }
        v["amo_fee"] = p.amoFee.map(FrenchFormat.amountInput)
        v["amo_external"] = money(p.amoExternalFunding)
        v["moe_fee"] = money(p.moeFee)
        v["moe_by_company"] = p.moeByWorksCompany ? "oui" : nil
        v["do_insurance"] = money(p.doInsurance)
        v["dpe_fee"] = money(p.dpeAuditFee)
        v["dpe_date"] = p.dpeAuditDate?.french
        for aid in p.externalAid { v["aid_\(aid.funder.rawValue)"] = money(aid.amount) }
        v["loan_only_works"] = money(p.loanOnlyWorks)
        v["monthly_income"] = money(p.monthlyIncome)
        v["monthly_charges"] = money(p.monthlyCharges)
        return v
    }

    /// « Ajouter une entreprise »: SIRET (`RENO-E11`), name, legal representative, bank details
    /// (IBAN and BIC checked), RGE, the type of main works (items marked ✗ in the guide's table are
    /// refused) and the amounts of its quote. A company already in the registry (`known`) keeps its
    /// name, representative and bank details: they need not be typed again.
    public static func readCompany(
        _ values: [String: String], existing: [DossierCompany], known: WorksCompanyRegistration? = nil
    ) -> Result<(DossierCompany, WorksCompanyRegistration?), FormProblems> {
        var r = FormReader(values)
        let siret = r.siret("siret", "SIRET de l'entreprise")
        let typedName = r.text("name", "Raison sociale", max: TextLimits.organisation, optional: known != nil)
        let typedRepresentative = r.text("representative", "Représentant légal", optional: known != nil)
        let registration =
            known == nil ? bank(&r, siret: siret, name: typedName, representative: typedRepresentative) : nil
        let rge = r.yesNo("rge", "L'entreprise est-elle qualifiée RGE pour ces travaux ?")
        let type = r.choice("work_type", "Type de travaux principaux", MainWorkType.self)
        if let type, !type.isFinanceable {
            r.problem(
                "work_type", "Type de travaux principaux : « \(type.french) » n'est pas financé par l'aide (RENO-E8).")
        }
        let main = r.euros("main_works", "Montant TTC des travaux principaux")
        let induced = r.euros("induced_works", "Montant TTC des travaux induits", optional: true)
        if case .some(.some(let s)) = siret, existing.contains(where: { $0.siret == s }) {
            r.problem("siret", "SIRET de l'entreprise : cette entreprise figure déjà au plan.")
        }
        let name = known?.name ?? typedName
        let representative = known?.representative ?? typedRepresentative
        guard r.problems.isEmpty, case .some(.some(let s)) = siret, let name, let representative, let rge, let type,
            let main, let induced
        else { return .failure(FormProblems(r.problems)) }
        let company = DossierCompany(
            siret: s, name: name, rge: rge, mainWorkType: type, mainWorks: main, inducedWorks: induced,
            representative: representative)
        return .success((company, registration))
    }

    /// The bank details of a company new to the registry: every problem at once.
    static func bank(
        _ r: inout FormReader, siret: Siret??, name: String?, representative: String?
    )
        -> WorksCompanyRegistration?
    {
        let holder = r.text("account_holder", "Titulaire du compte", max: TextLimits.organisation)
        var iban: Iban?
        switch Iban.check(r.raw("iban")) {
        case .success(let i): iban = i
        case .failure(let p): r.problem("iban", r.raw("iban").isEmpty ? "IBAN : à renseigner." : "IBAN : \(p.french).")
        }
        let bic = Bic(r.raw("bic"))
        if bic == nil {
            r.problem(
                "bic",
                r.raw("bic").isEmpty ? "BIC : à renseigner." : "BIC : 8 ou 11 lettres et chiffres, comme BNPAFRPPXXX.")
        }
        if let iban, let bic, bic.country != String(iban.value.prefix(2)) {
            r.problem("bic", "BIC : sa banque est en \(bic.country), le compte (IBAN) en \(iban.value.prefix(2)).")
        }
        guard case .some(.some(let s)) = siret, let name, let representative, let holder, let iban, let bic else {
            return nil
        }
        return WorksCompanyRegistration(
            siret: s, name: name, representative: representative, accountHolder: holder, iban: iban, bic: bic)
    }
}
