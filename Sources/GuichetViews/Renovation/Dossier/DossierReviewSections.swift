import GuichetDomain

extension DossierOverview {
    /// Every answer of the dossier, step by step, as the review page lists them.
    public static func sections(
        _ a: DossierAnswers, civilStatus: CivilStatus?, amo: String?, documents: (given: Int, required: Int),
        subsidy: Money?
    ) -> [Section] {
        var out: [Section] = [Section(step: .amo, rows: [("AMO", amo ?? "aucun")])]
        out.append(Section(step: .applicant, rows: applicantRows(a, civilStatus)))
        if !a.coApplicants.isEmpty {
            out.append(
                Section(
                    step: .coApplicants,
                    rows: a.coApplicants.map {
                        (
                            $0.relation.french,
                            "\($0.civilStatus.displayName), né(e) le \($0.civilStatus.birthDate.french)"
                                + ($0.sharePercent.map { ", \($0) % des parts" } ?? "")
                                + ($0.occupation.map { ", \($0.employment.french)" } ?? "")
                                + ($0.tax.map {
                                    ", revenu fiscal \(FrenchFormat.money($0.referenceTaxIncome, dropZeroCents: true))"
                                }
                                    ?? "")
                        )
                    }))
        }
        if let t = a.tenant {
            let who =
                t.civilStatus?.displayName
                ?? (t.landlordCommitment ? "Engagement à louer à un locataire éligible" : "—")
            out.append(Section(step: .tenant, rows: [("Locataire en place", yn(t.inPlace)), ("Locataire", who)]))
        }
        out.append(
            Section(
                step: .dwelling,
                rows: [
                    ("Adresse", a.dwelling.address ?? "—"), ("Code postal", a.dwelling.postalCode ?? "—"),
                    ("Code commune (INSEE)", a.dwelling.insee ?? "—"),
                    ("Résidence principale", yn(a.dwelling.principalResidence)),
                ]))
        out.append(Section(step: .works, rows: [("Isolation thermique", yn(a.works.insulation))]))
        out.append(Section(step: .plan, rows: planRows(a, subsidy: subsidy)))
        out.append(
            Section(step: .documents, rows: [("Pièces fournies", "\(documents.given) sur \(documents.required)")]))
        return out
    }

    static func yn(_ b: Bool?) -> String { b.map { $0 ? "Oui" : "Non" } ?? "—" }

    static func applicantRows(_ a: DossierAnswers, _ civilStatus: CivilStatus?) -> [(String, String)] {
        var applicant: [(String, String)] = []
        if let c = civilStatus {
            applicant += [("Nom et prénom", c.displayName), ("Date de naissance", c.birthDate.french)]
        }
        applicant += [
            ("Statut", a.applicant.kind.map(kind) ?? "—"),
            ("E-mail", a.applicant.contact?.email ?? "—"), ("Téléphone portable", a.applicant.contact?.mobile ?? "—"),
            (
                "Situation professionnelle",
                a.applicant.occupation.map { DossierFields.capitalised($0.employment.french) } ?? "—"
            ),
            (
                "Employeur",
                a.applicant.occupation.map {
                    "\($0.companyName) \($0.companySiret.map { "(SIRET \($0.value))" } ?? "")"
                } ?? "—"
            ),
            ("Revenu fiscal de référence", a.applicant.tax?.referenceTaxIncome.formatted() ?? "—"),
            ("Personnes du foyer fiscal", a.applicant.tax.map { String($0.size) } ?? "—"),
        ]
        return applicant
    }

    static func planRows(_ a: DossierAnswers, subsidy: Money?) -> [(String, String)] {
        var plan: [(String, String)] = [("Prêt complémentaire souhaité", yn(a.plan.loanWanted))]
        plan += a.plan.companies.map {
            ("Entreprise \($0.name)", "\($0.mainWorkType.french) : \(($0.mainWorks + $0.inducedWorks).formatted())")
        }
        plan.append(("Frais d'AMO", a.plan.amoFee?.formatted() ?? "—"))
        if let subsidy { plan.append(("Subvention calculée", subsidy.formatted())) }
        return plan
    }

    static func kind(_ k: ApplicantKind) -> String {
        switch k {
        case .ownerOccupier: "Propriétaire occupant"
        case .landlord: "Propriétaire bailleur"
        case .sci: "SCI (associé majoritaire)"
        }
    }
}
