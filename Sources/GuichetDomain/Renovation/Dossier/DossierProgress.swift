/// The task list of a dossier: for each step, whether it applies, whether it is complete and
/// what it still lacks (named as its form names it). Pure: the same answers give the same list.
public struct DossierProgress: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case complete, toDo, notApplicable
        public var french: String {
            switch self {
            case .complete: "Terminé"
            case .toDo: "À compléter"
            case .notApplicable: "Sans objet"
            }
        }
    }

    public struct Item: Sendable, Hashable {
        public let step: DossierStep
        public let status: Status
        public let missing: [String]
    }

    public let items: [Item]

    public subscript(step: DossierStep) -> Item? { items.first { $0.step == step } }

    /// Every step but the review is complete or does not apply.
    public var readyToFile: Bool {
        items.allSatisfy { $0.step == .review || $0.status != .toDo }
    }

    /// - Parameter missingDocuments: the titles of required documents not given yet (`RENO-D`).
    public static func evaluate(
        _ a: DossierAnswers, mandate: MandateStatus, missingDocuments: [String]
    ) -> DossierProgress {
        var items: [Item] = []
        func add(_ step: DossierStep, _ missing: [String], applies: Bool = true) {
            items.append(
                Item(
                    step: step, status: !applies ? .notApplicable : missing.isEmpty ? .complete : .toDo,
                    missing: applies ? missing : []))
        }
        add(
            .amo,
            mandate == .accepted ? [] : [mandate == .requested ? "Acceptation du mandat par l'AMO" : "Choix de l'AMO"])
        add(.applicant, applicantMissing(a.applicant))
        add(.coApplicants, coApplicantsMissing(a), applies: needsCoApplicants(a))
        add(.tenant, tenantMissing(a.tenant), applies: a.applicant.kind?.isLandlord == true)
        add(.dwelling, dwellingMissing(a.dwelling))
        add(.works, worksMissing(a.works))
        add(.plan, planMissing(a.plan))
        add(.documents, missingDocuments)
        items.append(Item(step: .review, status: .toDo, missing: []))
        return DossierProgress(items: items)
    }

    /// The first step of the answers still to do (the AMO and the documents aside): what a
    /// dashboard says next, kept with each save.
    public static func firstStepToDo(_ a: DossierAnswers) -> DossierStep? {
        evaluate(a, mandate: .accepted, missingDocuments: []).items.first { $0.status == .toDo && $0.step != .review }?
            .step
    }

    static func needsCoApplicants(_ a: DossierAnswers) -> Bool {
        a.applicant.kind == .sci || (a.applicant.jointOwners ?? 1) > 1
    }

    static func applicantMissing(_ s: ApplicantSection) -> [String] {
        var m: [String] = []
        if s.kind == nil { m.append("Statut du demandeur") }
        if s.contact == nil { m.append("Coordonnées") }
        if let o = s.occupation {
            if o.employment.opensRight, o.companyName.isEmpty || o.companySiret == nil {
                m.append("Entreprise employeur (nom et SIRET)")
            }
        } else {
            m.append("Situation professionnelle")
        }
        if s.tax == nil { m.append("Revenu fiscal de référence et foyer fiscal") }
        return m
    }

    static func coApplicantsMissing(_ a: DossierAnswers) -> [String] {
        let expected = max(0, (a.applicant.jointOwners ?? 1) - 1)
        var m: [String] = []
        if a.coApplicants.count < expected {
            m.append("\(expected - a.coApplicants.count) propriétaire(s) à déclarer")
        }
        if !a.coApplicantsDeclared { m.append("Confirmation que tous les propriétaires sont déclarés") }
        return m
    }

    static func tenantMissing(_ t: TenantSection?) -> [String] {
        guard let t else { return ["Locataire en place ou non"] }
        if !t.inPlace { return t.landlordCommitment ? [] : ["Engagement à louer à un locataire éligible"] }
        var m: [String] = []
        if t.civilStatus == nil { m.append("Identité du locataire") }
        if t.occupation == nil { m.append("Situation professionnelle du locataire") }
        if t.tax == nil { m.append("Revenu fiscal de référence du locataire") }
        return m
    }

    static func dwellingMissing(_ d: DwellingSection) -> [String] {
        var m: [String] = []
        if (d.address ?? "").isEmpty { m.append("Adresse du logement") }
        if d.insee == nil { m.append("Code postal et commune") }
        if d.principalResidence == nil { m.append("Résidence principale") }
        return m
    }

    static func worksMissing(_ w: WorksSection) -> [String] {
        guard let insulation = w.insulation else { return ["Travaux d'isolation thermique"] }
        if insulation { return [] }
        var m: [String] = []
        if w.insulationNotNeededPerDiagnosis != true {
            m.append("Diagnostic établissant que l'isolation n'est pas nécessaire")
        }
        if w.heatingReplacement != true, w.renewableHeatingOrHotWater != true {
            m.append("Remplacement du chauffage ou énergie renouvelable")
        }
        return m
    }

    static func planMissing(_ p: PlanSection) -> [String] {
        var m: [String] = []
        if p.loanWanted == nil { m.append("Souhait d'un prêt complémentaire") }
        if p.loanWanted == true, p.loan == nil { m.append("Montant, durée et différé du prêt") }
        if p.companies.isEmpty { m.append("Entreprises réalisant les travaux") }
        if p.amoFee == nil { m.append("Frais d'AMO") }
        return m
    }
}
