import GuichetDomain

/// The questions of the AMO guide's "Test d'éligibilité", asked in its order (dwelling, work,
/// income, works), and only while a criterion is `missing`: the rules drive the questionnaire.
public struct EligibilityQuestionnaire: Sendable {
    public typealias Question = EligibilityTestPages.Question

    /// Answers as typed, by field name (query string of the GET form).
    public let answers: [String: String]

    public init(answers: [String: String]) { self.answers = answers }

    public static let fieldOrder = [
        "kind", "ownership", "joint_owners", "partnered", "consent", "sci_natural", "residence",
        "postal_code", "insee", "employment", "size", "income", "tenant_in_place",
        "tenant_employment", "tenant_size", "tenant_income", "insulation", "not_needed",
        "heating", "renewable",
    ]

    /// Reads the answers into a case; an answer that cannot be read is an error for its field
    /// (and the case lacks it, so its question comes back with the error and the typed value).
    /// A typing mistake (a postal code La Poste does not know, an indivision of one owner) is an
    /// error on its step, never an « inéligible » verdict (issue #11).
    public func parse(reference: ReferenceData) -> (RenovationCase, [FormState.FieldError]) {
        var c = RenovationCase()
        var errors: [FormState.FieldError] = []
        func text(_ k: String) -> String? {
            guard let v = answers[k]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        func yesNo(_ k: String) -> Bool? { text(k).flatMap { $0 == "oui" ? true : $0 == "non" ? false : nil } }
        func count(_ k: String, label: String, from low: Int = 1) -> Int? {
            guard let t = text(k) else { return nil }
            guard let n = Int(t), (low...20).contains(n) else {
                errors.append(.init(field: k, message: "\(label) : indiquez un nombre entier de \(low) à 20."))
                return nil
            }
            return n
        }
        func euros(_ k: String, label: String) -> Money? {
            guard let t = text(k) else { return nil }
            guard let m = FrenchInput.euros(t) else {
                errors.append(.init(field: k, message: "\(label) : indiquez un montant en euros, par exemple 25 000."))
                return nil
            }
            return m
        }
        c.applicant.kind = text("kind").flatMap(ApplicantKind.init(rawValue:))
        c.applicant.ownership = text("ownership").flatMap(Ownership.init(rawValue:))
        // RENO-E2: an indivision has at least two owners; « 1 » is a typing mistake.
        c.applicant.jointOwners = count("joint_owners", label: "Nombre de propriétaires de l'indivision", from: 2)
        c.applicant.jointOwnersPartnered = yesNo("partnered")
        c.applicant.bareOwnerConsent = yesNo("consent")
        let household = Household(
            employment: text("employment").flatMap(Employment.init(rawValue:)),
            householdSize: count("size", label: "Nombre de personnes du foyer"),
            referenceTaxIncome: euros("income", label: "Revenu fiscal de référence"))
        if c.applicant.kind == .sci {
            c.sci = SCI(partnersAllNaturalPersons: yesNo("sci_natural"), majorityPartner: household)
        } else {
            c.applicant.household = household
        }
        if c.applicant.kind?.isLandlord == true, let inPlace = yesNo("tenant_in_place") {
            c.tenant = Tenant(
                inPlace: inPlace,
                household: Household(
                    employment: text("tenant_employment").flatMap(Employment.init(rawValue:)),
                    householdSize: count("tenant_size", label: "Nombre de personnes du foyer du locataire"),
                    referenceTaxIncome: euros("tenant_income", label: "Revenu fiscal de référence du locataire")))
        }
        c.dwelling.principalResidence = yesNo("residence")
        if let p = text("postal_code") {
            let (postal, problem) = Self.postalCode(p, reference: reference)
            c.dwelling.postalCode = postal
            if let problem { errors.append(problem) }
        }
        c.dwelling.insee = text("insee").flatMap(InseeCode.init)
        c.works = Works(
            insulation: yesNo("insulation"), insulationNotNeededPerDiagnosis: yesNo("not_needed"),
            heatingReplacement: yesNo("heating"), renewableHeatingOrHotWater: yesNo("renewable"))
        return (c, errors)
    }

    /// A postal code typed: five digits that La Poste knows, or the problem to show on its step.
    static func postalCode(_ typed: String, reference: ReferenceData) -> (PostalCode?, FormState.FieldError?) {
        guard let pc = PostalCode(typed.replacingOccurrences(of: " ", with: "")) else {
            return (nil, .init(field: "postal_code", message: "Code postal : 5 chiffres, par exemple 01000."))
        }
        guard !reference.communes(postalCode: pc).isEmpty else {
            return (
                nil,
                .init(
                    field: "postal_code",
                    message: "Code postal : \(pc) est inconnu de la base officielle de La Poste ; vérifiez-le.")
            )
        }
        return (pc, nil)
    }

    /// The next questions, or `nil` when the test can conclude (every criterion decided, or one failed).
    public func next(
        for c: RenovationCase, eligibility e: EligibilityResult, reference: ReferenceData
    ) -> (step: String, number: Int, questions: [Question])? {
        if e.criteria.contains(where: { $0.status == .fail }) { return nil }
        let order: [(RuleID, String, Int)] = [
            (.e1, "votre logement", 1), (.e2, "votre logement", 1), (.e3, "votre logement", 1),
            (.e7, "votre logement", 1), (.e6, "l'adresse du logement", 2),
            (.e4, "la situation professionnelle", 3), (.e5, "les ressources du foyer", 4),
            (.e8, "les travaux", 5),
        ]
        for (rule, step, number) in order where e.criteria.first(where: { $0.rule == rule })?.status == .missing {
            let qs = questions(for: rule, c, reference: reference)
            if !qs.isEmpty { return (step, number, qs) }
        }
        return nil
    }

    private func questions(for rule: RuleID, _ c: RenovationCase, reference: ReferenceData) -> [Question] {
        let a = c.applicant
        let primary = a.kind == .sci ? (c.sci?.majorityPartner ?? Household()) : a.household
        let whoseIncome = a.kind == .sci ? "de l'associé majoritaire" : "du demandeur"
        switch rule {
        case .e1:
            if a.kind == nil { return [Q.kind] }
            if a.ownership == nil { return [Q.ownership] }
            if a.ownership == .usufruct && a.bareOwnerConsent == nil {
                return [Q.yesNo("consent", "Le nu-propriétaire donne-t-il son accord pour les travaux ?")]
            }
        case .e2:
            if a.ownership == .joint && a.jointOwners == nil {
                return [Q.number("joint_owners", "Combien de propriétaires compte l'indivision, vous compris ?")]
                    + (a.kind == .ownerOccupier
                        ? [Q.yesNo("partnered", "Les indivisaires sont-ils mariés ou pacsés ?")] : [])
            }
            if a.ownership == .joint && a.kind == .ownerOccupier && a.jointOwnersPartnered == nil {
                return [Q.yesNo("partnered", "Les indivisaires sont-ils mariés ou pacsés ?")]
            }
        case .e3:
            if a.kind == .sci && c.sci?.partnersAllNaturalPersons == nil {
                return [Q.yesNo("sci_natural", "Tous les associés de la SCI sont-ils des personnes physiques ?")]
            }
        case .e7:
            return [
                Q.yesNo(
                    "residence",
                    a.kind == .ownerOccupier
                        ? "Le logement est-il votre résidence principale ?"
                        : "Le logement est-il loué, ou sera-t-il loué, comme résidence principale du locataire ?")
            ]
        case .e6:
            return placeQuestions(c, reference: reference)
        case .e4:
            if primary.employment == nil {
                return [Q.employment("employment", "Situation professionnelle \(whoseIncome)")]
            }
            return tenantQuestions(c)
        case .e5:
            if primary.householdSize == nil || primary.referenceTaxIncome == nil {
                return [
                    Q.number("size", "Nombre de personnes composant le foyer fiscal \(whoseIncome)"),
                    Q.euros("income", "Revenu fiscal de référence \(whoseIncome)"),
                ]
            }
            return tenantQuestions(c)
        case .e8:
            return worksQuestions(c.works)
        default: break
        }
        return []
    }

    /// `RENO-E6`: the postal code, then the commune when the code covers several.
    private func placeQuestions(_ c: RenovationCase, reference: ReferenceData) -> [Question] {
        if let pc = c.dwelling.postalCode, c.dwelling.insee == nil {
            let communes = reference.communes(postalCode: pc)
            if communes.count > 1 {
                return [
                    .select(
                        name: "insee", label: "Commune du logement",
                        choices: communes.map { Choice($0.insee, $0.name) },
                        hint: "Le code postal \(pc) couvre plusieurs communes.")
                ]
            }
        }
        return [
            .input(
                name: "postal_code", label: "Code postal du logement", hint: "5 chiffres, par exemple 01000",
                suffix: nil, inputmode: "numeric")
        ]
    }

    /// `RENO-E8`: insulation first, then what replaces it when a diagnosis says it is not needed.
    private func worksQuestions(_ works: Works) -> [Question] {
        if works.insulation == nil {
            return [
                Q.yesNo(
                    "insulation",
                    "Le projet comprend-il des travaux d'isolation thermique (murs, combles ou planchers) ?")
            ]
        }
        if works.insulationNotNeededPerDiagnosis == nil {
            return [
                Q.yesNo("not_needed", "Un diagnostic technique établit-il que l'isolation n'est pas nécessaire ?")
            ]
        }
        return [
            Q.yesNo("heating", "Le projet comprend-il le remplacement du système de chauffage ?"),
            Q.yesNo(
                "renewable",
                "Le projet comprend-il un chauffage ou une eau chaude sanitaire utilisant une énergie "
                    + "renouvelable ?"
            ),
        ]
    }

    /// A landlord's right may be opened by the tenant.
    private func tenantQuestions(_ c: RenovationCase) -> [Question] {
        guard c.applicant.kind?.isLandlord == true else { return [] }
        guard let t = c.tenant else {
            return [
                Q.yesNo(
                    "tenant_in_place",
                    "Le demandeur ne remplit pas les conditions : le locataire est-il déjà en place ?")
            ]
        }
        guard t.inPlace == true else { return [] }
        var qs: [Question] = []
        if t.household.employment == nil {
            qs.append(Q.employment("tenant_employment", "Situation professionnelle du locataire"))
        }
        if t.household.householdSize == nil {
            qs.append(Q.number("tenant_size", "Nombre de personnes du foyer fiscal du locataire"))
        }
        if t.household.referenceTaxIncome == nil {
            qs.append(Q.euros("tenant_income", "Revenu fiscal de référence du locataire"))
        }
        return qs
    }

    private enum Q {
        static let kind = Question.radios(
            name: "kind", legend: "Quel est le statut d'occupation du logement ?",
            choices: [
                Choice("owner_occupier", "Je suis propriétaire et j'y habite (propriétaire occupant)"),
                Choice("landlord", "Je suis propriétaire et je le loue (propriétaire bailleur)"),
                Choice("sci", "Le logement appartient à une SCI qui le loue"),
            ], hint: nil)
        static let ownership = Question.radios(
            name: "ownership", legend: "Quelle est la situation de propriété ?",
            choices: [
                Choice("full", "Pleine propriété, seul ou en couple"),
                Choice("joint", "Indivision"),
                Choice("usufruct", "Usufruit"),
                Choice("future_owner", "Achat en cours (futur propriétaire)"),
                Choice("free_lodging", "Logé à titre gratuit, sans bail"),
            ], hint: nil)
        static func yesNo(_ name: String, _ legend: String) -> Question {
            .radios(name: name, legend: legend, choices: [Choice("oui", "Oui"), Choice("non", "Non")], hint: nil)
        }
        static func number(_ name: String, _ label: String) -> Question {
            .input(name: name, label: label, hint: nil, suffix: nil, inputmode: "numeric")
        }
        static func euros(_ name: String, _ label: String) -> Question {
            .input(
                name: name, label: label, hint: "Il figure sur l'avis d'imposition, par exemple 25 000", suffix: "€",
                inputmode: "decimal")
        }
        static func employment(_ name: String, _ legend: String) -> Question {
            .radios(
                name: name, legend: legend,
                choices: Employment.allCases.map {
                    Choice($0.rawValue, $0.french.prefix(1).uppercased() + $0.french.dropFirst())
                }, hint: nil)
        }
    }
}
