import Foundation

/// Each step's form: read into the dossier's answers (every problem at once; on any problem the
/// answers are left as they were), and the answers written back as the form's values.
public enum StepForms {
    /// « Informations du demandeur »: contact, occupation, tax situation (the civil status is the
    /// account's, read-only).
    public static func applyApplicant(_ values: [String: String], to a: inout DossierAnswers) -> [FieldProblem] {
        var r = FormReader(values)
        let email = r.text("email", "Adresse e-mail", max: TextLimits.email)
        if let email, let problem = EmailAddress.problem(email) { r.problem("email", problem) }
        let mobile = r.text("mobile", "Téléphone portable", max: 20)
        let landline = r.text("landline", "Autre numéro de téléphone", max: 20, optional: true)
        let job = OccupationForm.read(&r)
        guard r.problems.isEmpty, let email, let mobile, let landline, let job else { return r.problems }
        a.applicant.contact = ContactDetails(email: email, mobile: mobile, landline: landline)
        a.applicant.occupation = job.0
        a.applicant.tax = job.1
        return []
    }

    public static func applicantValues(_ a: DossierAnswers) -> [String: String] {
        var v = OccupationForm.values(a.applicant.occupation, a.applicant.tax)
        if let c = a.applicant.contact {
            v["email"] = c.email
            v["mobile"] = c.mobile
            v["landline"] = c.landline
        }
        return v
    }

    /// One more owner (« Ajouter un codemandeur »), beside those already declared: an SCI
    /// partner's shares leave the applicant the majority (`RENO-E3`); a landlord's co-owner may
    /// give the situation that opens the right (`RENO-E2`).
    public static func readCoApplicant(
        _ values: [String: String], kind: ApplicantKind?, declared: [CoApplicant] = []
    ) -> Result<CoApplicant, FormProblems> {
        var r = FormReader(values)
        let relation = r.choice("relation", "Lien avec le demandeur", CoApplicant.Relation.self)
        let civil = CivilStatusForm.read(&r)
        var share: Int?
        if relation == .sciPartner {
            share = r.integer("share_percent", "Part des parts sociales (%)", in: 26...100)
            if let share, let problem = sharesProblem(adding: share, to: declared) {
                r.problem("share_percent", problem)
            }
        }
        if relation == .sciPartner, kind != .sci {
            r.problem(
                "relation", "Lien avec le demandeur : un associé de SCI seulement quand le demandeur est une SCI.")
        }
        var job: (Occupation, TaxHousehold)?
        if kind == .landlord, relation != .sciPartner,
            r.yesNo("opens_right", "Ce propriétaire ouvre-t-il le droit ?") == true
        {
            job = OccupationForm.read(&r)
        }
        guard r.problems.isEmpty, let relation, let civil else { return .failure(FormProblems(r.problems)) }
        return .success(
            CoApplicant(relation: relation, civilStatus: civil, sharePercent: share, occupation: job?.0, tax: job?.1))
    }

    /// `RENO-E3`: the account is the majority partner's, so the shares of the partners declared
    /// must leave them more than any other partner holds.
    static func sharesProblem(adding share: Int, to declared: [CoApplicant]) -> String? {
        let shares = declared.compactMap(\.sharePercent) + [share]
        let total = shares.reduce(0, +)
        let left = 100 - total
        guard left > (shares.max() ?? 0) else {
            return "Part des parts sociales : avec les associés déjà déclarés (\(total) % en tout), le demandeur ne "
                + "serait plus l'associé majoritaire ; le compte doit être ouvert au nom de l'associé majoritaire "
                + "(RENO-E3)."
        }
        return nil
    }

    /// « Informations du locataire »: in place (identity, employment, income) or not yet (income 0
    /// and the landlord's commitment, `RENO-E5`).
    public static func applyTenant(_ values: [String: String], to a: inout DossierAnswers) -> [FieldProblem] {
        var r = FormReader(values)
        guard let inPlace = r.yesNo("in_place", "Le locataire est-il déjà en place ?") else { return r.problems }
        if !inPlace {
            guard r.checked("landlord_commitment") else {
                r.problem(
                    "landlord_commitment",
                    "Engagement : cochez la case pour vous engager à louer à un locataire éligible (RENO-E5).")
                return r.problems
            }
            a.tenant = TenantSection(
                inPlace: false, tax: TaxHousehold(referenceTaxIncome: .zero, size: 1), landlordCommitment: true)
            return []
        }
        let civil = CivilStatusForm.read(&r, familySituation: false)
        let job = OccupationForm.read(&r)
        guard r.problems.isEmpty, let civil, let job else { return r.problems }
        a.tenant = TenantSection(inPlace: true, civilStatus: civil, occupation: job.0, tax: job.1)
        return []
    }

    public static func tenantValues(_ a: DossierAnswers) -> [String: String] {
        guard let t = a.tenant else { return [:] }
        var v = CivilStatusForm.values(t.civilStatus).merging(OccupationForm.values(t.occupation, t.tax)) { a, _ in a }
        v["in_place"] = t.inPlace ? "oui" : "non"
        if t.landlordCommitment { v["landlord_commitment"] = "oui" }
        return v
    }

    /// « Informations du logement »: address, postal code and commune (`RENO-E6`), principal
    /// residence (`RENO-E7`).
    public static func applyDwelling(
        _ values: [String: String], to a: inout DossierAnswers, reference: ReferenceData
    ) -> [FieldProblem] {
        var r = FormReader(values)
        let address = r.text("address", "Adresse du logement", max: TextLimits.line)
        let typed = r.raw("postal_code").replacingOccurrences(of: " ", with: "")
        var insee: String?
        if let pc = PostalCode(typed) {
            let communes = reference.communes(postalCode: pc)
            if communes.isEmpty {
                r.problem(
                    "postal_code", "Code postal : \(pc) est inconnu de la base officielle de La Poste ; vérifiez-le.")
            } else if communes.count == 1 {
                insee = communes[0].insee
            } else if let chosen = communes.first(where: { $0.insee == r.raw("insee") }) {
                insee = chosen.insee
            } else {
                r.problem("insee", "Commune : le code postal \(pc) couvre plusieurs communes, choisissez la vôtre.")
            }
        } else {
            r.problem("postal_code", "Code postal : 5 chiffres, par exemple 01000.")
        }
        let question =
            a.applicant.kind?.isLandlord == true
            ? "Le logement est-il loué (ou à louer) comme résidence principale du locataire ?"
            : "Le logement est-il votre résidence principale ?"
        let principal = r.yesNo("principal_residence", question)
        guard r.problems.isEmpty, let address, let insee, let principal else { return r.problems }
        a.dwelling.address = address
        a.dwelling.postalCode = typed
        a.dwelling.insee = insee
        a.dwelling.principalResidence = principal
        return []
    }

    public static func dwellingValues(_ a: DossierAnswers) -> [String: String] {
        var v: [String: String] = [:]
        v["address"] = a.dwelling.address
        v["postal_code"] = a.dwelling.postalCode
        v["insee"] = a.dwelling.insee
        v["principal_residence"] = a.dwelling.principalResidence.map { $0 ? "oui" : "non" }
        return v
    }

    /// « Informations relatives aux travaux » (`RENO-E8`).
    public static func applyWorks(_ values: [String: String], to a: inout DossierAnswers) -> [FieldProblem] {
        var r = FormReader(values)
        guard let insulation = r.yesNo("insulation", "Souhaitez-vous réaliser des travaux d'isolation thermique ?")
        else { return r.problems }
        var w = WorksSection()
        w.insulation = insulation
        if !insulation {
            w.insulationNotNeededPerDiagnosis = r.yesNo(
                "insulation_not_needed", "Un diagnostic technique établit-il que l'isolation n'est pas nécessaire ?")
            w.heatingReplacement = r.yesNo("heating", "Le système de chauffage est-il remplacé ?")
            w.renewableHeatingOrHotWater = r.yesNo(
                "renewable", "Un chauffage ou une eau chaude sanitaire à énergie renouvelable est-il installé ?")
        }
        guard r.problems.isEmpty else { return r.problems }
        a.works = w
        return []
    }

    public static func worksValues(_ a: DossierAnswers) -> [String: String] {
        func yn(_ b: Bool?) -> String? { b.map { $0 ? "oui" : "non" } }
        var v: [String: String] = [:]
        v["insulation"] = yn(a.works.insulation)
        v["insulation_not_needed"] = yn(a.works.insulationNotNeededPerDiagnosis)
        v["heating"] = yn(a.works.heatingReplacement)
        v["renewable"] = yn(a.works.renewableHeatingOrHotWater)
        return v
    }
}
