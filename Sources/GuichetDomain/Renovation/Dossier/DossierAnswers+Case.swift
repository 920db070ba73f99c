/// The dossier's answers as the rules engine reads them: the same `RenovationSimulation` as the
/// public test and the simulation API decides on a dossier (`contracts/renovation-simulation.md`).
extension DossierAnswers {
    /// The first answers of a dossier: those of the eligibility test that led to it.
    public init(fromTest c: RenovationCase) {
        self.init()
        applicant.kind = c.applicant.kind
        applicant.ownership = c.applicant.ownership
        applicant.jointOwners = c.applicant.jointOwners
        applicant.jointOwnersPartnered = c.applicant.jointOwnersPartnered
        applicant.bareOwnerConsent = c.applicant.bareOwnerConsent
        let household =
            c.applicant.kind == .sci ? (c.sci?.majorityPartner ?? c.applicant.household) : c.applicant.household
        if let employment = household.employment {
            applicant.occupation = Occupation(employment: employment, companyName: "", sector: "", companySiret: nil)
        }
        if let income = household.referenceTaxIncome, let size = household.householdSize {
            applicant.tax = TaxHousehold(referenceTaxIncome: income, size: size)
        }
        sciAllPartnersNaturalPersons = c.sci?.partnersAllNaturalPersons
        if let t = c.tenant, let inPlace = t.inPlace {
            var tenant = TenantSection(inPlace: inPlace)
            if let employment = t.household.employment {
                tenant.occupation = Occupation(employment: employment, companyName: "", sector: "", companySiret: nil)
            }
            if let income = t.household.referenceTaxIncome, let size = t.household.householdSize {
                tenant.tax = TaxHousehold(referenceTaxIncome: income, size: size)
            }
            self.tenant = tenant
        }
        dwelling.postalCode = c.dwelling.postalCode?.value
        dwelling.insee = c.dwelling.insee?.value
        dwelling.principalResidence = c.dwelling.principalResidence
        works.insulation = c.works.insulation
        works.insulationNotNeededPerDiagnosis = c.works.insulationNotNeededPerDiagnosis
        works.heatingReplacement = c.works.heatingReplacement
        works.renewableHeatingOrHotWater = c.works.renewableHeatingOrHotWater
    }

    /// What the rules engine needs to know, from these answers.
    public var renovationCase: RenovationCase {
        var c = RenovationCase()
        c.applicant.kind = applicant.kind
        c.applicant.ownership = applicant.ownership
        c.applicant.jointOwners = applicant.jointOwners
        c.applicant.jointOwnersPartnered = applicant.jointOwnersPartnered
        c.applicant.bareOwnerConsent = applicant.bareOwnerConsent
        let household = Self.household(applicant.occupation, applicant.tax)
        if applicant.kind == .sci {
            c.sci = SCI(partnersAllNaturalPersons: sciAllPartnersNaturalPersons, majorityPartner: household)
        } else {
            c.applicant.household = household
        }
        if applicant.kind == .landlord {
            // `RENO-E2`: the co-owners whose situation was given may open the right.
            c.applicant.coOwners = coApplicants.filter { $0.occupation != nil || $0.tax != nil }.map {
                Self.household($0.occupation, $0.tax)
            }
        }
        if let t = tenant, applicant.kind?.isLandlord == true {
            c.tenant = Tenant(inPlace: t.inPlace, household: Self.household(t.occupation, t.tax))
        }
        c.dwelling = Dwelling(
            insee: dwelling.insee.flatMap(InseeCode.init), postalCode: dwelling.postalCode.flatMap(PostalCode.init),
            principalResidence: dwelling.principalResidence)
        c.works = Works(
            insulation: works.insulation, insulationNotNeededPerDiagnosis: works.insulationNotNeededPerDiagnosis,
            heatingReplacement: works.heatingReplacement, renewableHeatingOrHotWater: works.renewableHeatingOrHotWater)
        if !plan.companies.isEmpty || plan.amoFee != nil { c.plan = plan.financingInput }
        return c
    }

    static func household(_ occupation: Occupation?, _ tax: TaxHousehold?) -> Household {
        Household(
            employment: occupation?.employment, householdSize: tax?.size, referenceTaxIncome: tax?.referenceTaxIncome)
    }
}

extension PlanSection {
    /// The engine's input (`RENO-F`): the loan only when wished.
    public var financingInput: FinancingPlanInput {
        var p = FinancingPlanInput()
        p.amoFee = amoFee ?? .zero
        p.amoExternalFunding = amoExternalFunding
        p.companies = companies.map {
            WorksCompany(
                siret: $0.siret.value, name: $0.name, rge: $0.rge, mainWorks: $0.mainWorks,
                inducedWorks: $0.inducedWorks)
        }
        p.moeFee = moeFee
        p.moeByWorksCompany = moeByWorksCompany
        p.doInsurance = doInsurance
        p.dpeAuditFee = dpeAuditFee
        p.dpeAuditDate = dpeAuditDate
        p.externalAid = externalAid
        p.loanOnlyWorks = loanOnlyWorks
        p.monthlyIncome = monthlyIncome
        p.monthlyCharges = monthlyCharges
        if loanWanted == true, let loan {
            p.loan = LoanRequest(amount: loan.amount, months: loan.months, deferralMonths: loan.deferralMonths)
        }
        return p
    }
}
