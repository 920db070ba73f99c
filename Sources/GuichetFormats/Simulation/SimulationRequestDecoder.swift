import GuichetDomain

/// Decodes the JSON request of `contracts/renovation-simulation.md` into a `RenovationCase`,
/// listing every shape problem (422). Absent or null fields are not errors: the rules report
/// their criteria as `missing`.
public enum SimulationRequestDecoder {
    public struct Decoded: Sendable {
        public let referenceDate: Day
        public let renovationCase: RenovationCase
    }

    /// - Parameter today: the reference date when the request gives none (the simulation date).
    public static func decode(_ bytes: [UInt8], today: Day) -> Result<Decoded, SimulationRequestErrors> {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes, names: fieldNames) } catch {
            return .failure(SimulationRequestErrors([FieldError(field: "", message: error.description)]))
        }
        guard var r = ObjectReader(json, path: "") else {
            return .failure(
                SimulationRequestErrors([FieldError(field: "", message: "le corps doit être un objet JSON")]))
        }
        let date = r.day("reference_date") ?? today
        var c = RenovationCase()
        if let a = r.object("applicant", applicant) { c.applicant = a }
        c.sci = r.object("sci") { s in
            SCI(
                partnersAllNaturalPersons: s.bool("partners_all_natural_persons"),
                majorityPartner: s.object("majority_partner") { household(&$0) } ?? Household())
        }
        c.tenant = r.object("tenant") { t in Tenant(inPlace: t.bool("in_place"), household: household(&t)) }
        if let d = r.object("dwelling", dwelling) { c.dwelling = d }
        if let w = r.object("works", works) { c.works = w }
        c.plan = r.object("plan", plan)
        r.finish()
        if !r.errors.isEmpty { return .failure(SimulationRequestErrors(r.errors)) }
        return .success(Decoded(referenceDate: date, renovationCase: c))
    }

    /// Every field name of the contract's request, so that parsing reuses these strings.
    static let fieldNames = KnownNames([
        "reference_date", "applicant", "sci", "tenant", "dwelling", "works", "plan", "kind", "ownership",
        "joint_owners",
        "joint_owners_partnered", "bare_owner_consent", "employment", "household_size", "reference_tax_income",
        "partners_all_natural_persons", "majority_partner", "in_place", "insee_code", "postal_code",
        "principal_residence",
        "insulation", "insulation_not_needed_per_diagnosis", "heating_replacement", "renewable_heating_or_hot_water",
        "amo_fee", "amo_external_funding", "companies", "siret", "name", "rge", "main_works", "induced_works",
        "moe_fee",
        "moe_by_works_company", "do_insurance", "dpe_audit_fee", "dpe_audit_date", "external_aid", "funder", "amount",
        "loan_only_works", "monthly_income", "monthly_charges", "loan", "months", "deferral_months",
    ])

    static func household(_ r: inout ObjectReader) -> Household {
        Household(
            employment: r.enumeration("employment", Employment.self),
            householdSize: r.int("household_size", min: 1, max: 99, rule: "le foyer compte de 1 à 99 personnes").map(
                Int.init),
            referenceTaxIncome: r.money("reference_tax_income"))
    }

    static func applicant(_ r: inout ObjectReader) -> Applicant {
        var a = Applicant()
        a.kind = r.enumeration("kind", ApplicantKind.self)
        a.ownership = r.enumeration("ownership", Ownership.self)
        a.jointOwners = r.int("joint_owners", min: 1, max: 99, rule: "de 1 à 99 propriétaires").map(Int.init)
        a.jointOwnersPartnered = r.bool("joint_owners_partnered")
        a.bareOwnerConsent = r.bool("bare_owner_consent")
        a.household = household(&r)
        return a
    }

    static func dwelling(_ r: inout ObjectReader) -> Dwelling {
        var d = Dwelling()
        if let s = r.string("insee_code") {
            d.insee = InseeCode(s)
            if d.insee == nil {
                r.error("insee_code", "code INSEE « \(s) » invalide : 5 caractères (chiffres, ou 2A/2B en Corse)")
            }
        }
        if let s = r.string("postal_code") {
            d.postalCode = PostalCode(s)
            if d.postalCode == nil { r.error("postal_code", "code postal « \(s) » invalide : 5 chiffres") }
        }
        d.principalResidence = r.bool("principal_residence")
        return d
    }

    static func works(_ r: inout ObjectReader) -> Works {
        Works(
            insulation: r.bool("insulation"),
            insulationNotNeededPerDiagnosis: r.bool("insulation_not_needed_per_diagnosis"),
            heatingReplacement: r.bool("heating_replacement"),
            renewableHeatingOrHotWater: r.bool("renewable_heating_or_hot_water"))
    }

    static func plan(_ r: inout ObjectReader) -> FinancingPlanInput {
        var p = FinancingPlanInput()
        p.amoFee = r.money("amo_fee") ?? .zero
        p.amoExternalFunding = r.money("amo_external_funding") ?? .zero
        p.companies = r.objects("companies", limit: 50) { company(&$0) } ?? []
        p.moeFee = r.money("moe_fee") ?? .zero
        p.moeByWorksCompany = r.bool("moe_by_works_company") ?? false
        p.doInsurance = r.money("do_insurance") ?? .zero
        p.dpeAuditFee = r.money("dpe_audit_fee") ?? .zero
        p.dpeAuditDate = r.day("dpe_audit_date")
        p.externalAid =
            (r.objects("external_aid", limit: 20) { a -> ExternalAid? in
                let funder = a.enumeration("funder", Funder.self)
                let amount = a.money("amount")
                if funder == nil, a.raw("funder") == nil { a.error("funder", "financeur requis") }
                if amount == nil, a.raw("amount") == nil { a.error("amount", "montant requis") }
                guard let funder, let amount else { return nil }
                return ExternalAid(funder: funder, amount: amount)
            } ?? []).compactMap { $0 }
        p.loanOnlyWorks = r.money("loan_only_works") ?? .zero
        p.monthlyIncome = r.money("monthly_income")
        p.monthlyCharges = r.money("monthly_charges")
        p.loan =
            r.object("loan") { l -> LoanRequest? in
                let amount = l.money("amount")
                let months = l.int("months", min: 0, max: 10_000, rule: "durée en mois, de 0 à 10 000")
                let deferral =
                    l.int("deferral_months", min: 0, max: 10_000, rule: "différé en mois, de 0 à 10 000") ?? 0
                if amount == nil, l.raw("amount") == nil { l.error("amount", "montant du prêt requis") }
                if months == nil, l.raw("months") == nil { l.error("months", "durée du prêt requise") }
                guard let amount, let months else { return nil }
                return LoanRequest(amount: amount, months: Int(months), deferralMonths: Int(deferral))
            } ?? nil
        return p
    }

    static func company(_ r: inout ObjectReader) -> WorksCompany {
        let siretText = r.string("siret")
        let siret = siretText.flatMap(Siret.init)
        if siretText == nil, r.raw("siret") == nil { r.error("siret", "SIRET requis") }
        if let s = siretText, siret == nil {
            r.error("siret", "SIRET « \(s) » invalide : 14 chiffres avec clé de contrôle")
        }
        let rge = r.bool("rge")
        if rge == nil, r.raw("rge") == nil { r.error("rge", "indiquez si l'entreprise est RGE") }
        let main = r.money("main_works")
        if main == nil, r.raw("main_works") == nil { r.error("main_works", "montant des travaux principaux requis") }
        return WorksCompany(
            siret: siret?.value ?? siretText ?? "",
            name: r.string("name") ?? "", rge: rge ?? false,
            mainWorks: main ?? .zero, inducedWorks: r.money("induced_works") ?? .zero)
    }
}

/// The 422 answer: every problem of the request.
public struct SimulationRequestErrors: Error, Sendable {
    public let errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
    public var json: JSONValue {
        .object([
            (
                "errors",
                .array(errors.map { .object([("field", .string($0.field)), ("message", .string($0.message))]) })
            )
        ])
    }
}
