/// The changes the pages and the API make to a dossier's answers, written once for both: each
/// reads its values into the answers read under the row lock, or gives every problem and
/// changes nothing.
public enum DossierEdits {
    public typealias Change = @Sendable (inout DossierAnswers) -> [FieldProblem]

    /// The steps saved by a form of their own (the others by their buttons and lists).
    public static let savedSteps: Set<DossierStep> = [.applicant, .coApplicants, .tenant, .dwelling, .works, .plan]

    /// « Enregistrer » on a step; nil for a step without a form of its own.
    public static func save(_ step: DossierStep, _ values: [String: String], reference: ReferenceData) -> Change? {
        switch step {
        case .applicant: return { StepForms.applyApplicant(values, to: &$0) }
        case .coApplicants:
            return { a in
                a.coApplicantsDeclared = FormReader(values).checked("declared")
                return []
            }
        case .tenant: return { StepForms.applyTenant(values, to: &$0) }
        case .dwelling: return { StepForms.applyDwelling(values, to: &$0, reference: reference) }
        case .works: return { StepForms.applyWorks(values, to: &$0) }
        case .plan: return { PlanForm.apply(values, to: &$0) }
        case .amo, .documents, .review: return nil
        }
    }

    /// « Ajouter un codemandeur ».
    public static func addCoApplicant(_ values: [String: String]) -> Change {
        { a in
            switch StepForms.readCoApplicant(values, kind: a.applicant.kind, declared: a.coApplicants) {
            case .success(let co):
                a.coApplicants.append(co)
                return []
            case .failure(let p): return p.fields
            }
        }
    }

    /// « Retirer » the co-applicant numbered `index` from 1; the declaration is asked again.
    public static func removeCoApplicant(_ index: Int) -> Change {
        { a in
            guard index >= 1, index <= a.coApplicants.count else { return [] }
            a.coApplicants.remove(at: index - 1)
            a.coApplicantsDeclared = false
            return []
        }
    }

    /// « Retirer » a works company from the plan.
    public static func removeCompany(_ siret: String) -> Change {
        { a in
            a.plan.companies.removeAll { $0.siret.value == siret }
            return []
        }
    }
}
