import Foundation
import GuichetDomain
import Testing

/// Each step's form: every problem at once, nothing changed on a problem, and the answers written
/// back as the values that read them again.
@Suite struct StepFormsTests {
    @Test func theApplicantsFormListsEveryProblemAndChangesNothing() {
        var a = DossierAnswers()
        let problems = StepForms.applyApplicant(
            ["email": "pas-une-adresse", "employment": "private_sector", "company_siret": "123", "tax_income": "abc"],
            to: &a)
        #expect(
            Set(problems.map(\.field)) == [
                "email", "mobile", "company_name", "company_siret", "tax_income", "household_size",
            ])
        #expect(a == DossierAnswers(), "nothing written")
    }

    @Test func answersReadBackAsTheSameAnswers() throws {
        let full = DossierFixtures.ownerOccupier
        for (values, apply) in [
            (StepForms.applicantValues(full), StepForms.applyApplicant),
            (StepForms.worksValues(full), StepForms.applyWorks),
            (PlanForm.values(full), PlanForm.apply),
        ] as [([String: String], ([String: String], inout DossierAnswers) -> [FieldProblem])] {
            var copy = full
            #expect(apply(values, &copy) == [])
            #expect(copy == full)
        }
        var copy = full
        #expect(
            StepForms.applyDwelling(
                StepForms.dwellingValues(full).merging(["insee": "01053"]) { _, b in b }, to: &copy,
                reference: Fixtures.reference) == [])
        #expect(copy.dwelling.insee == "01053")
        let data = try JSONEncoder().encode(full)
        #expect(try JSONDecoder().decode(DossierAnswers.self, from: data) == full)
    }

    // RENO-E3: an SCI partner's shares must leave the applicant (the account holder) the majority.
    @Test func sciPartnersSharesLeaveTheApplicantTheMajority() {
        func add(_ share: Int, to declared: [CoApplicant]) -> Result<CoApplicant, FormProblems> {
            var v = CivilStatusForm.values(DossierFixtures.claire)
            v["relation"] = CoApplicant.Relation.sciPartner.rawValue
            v["share_percent"] = String(share)
            return StepForms.readCoApplicant(v, kind: .sci, declared: declared)
        }
        guard case .success(let first) = add(30, to: []), case .success(let second) = add(30, to: [first]) else {
            Issue.record("30 % then 30 % leave the applicant at least 40 %")
            return
        }
        // 30 + 30 + 26: at most 14 % left, less than a partner's 30 %.
        guard case .failure(let p) = add(26, to: [first, second]) else {
            Issue.record("the applicant would no longer be the majority partner")
            return
        }
        #expect(p.fields.map(\.field) == ["share_percent"])
        #expect(p.fields.first?.message.contains("RENO-E3") == true)
        guard case .failure = add(50, to: []) else {
            Issue.record("50 % leaves the applicant 50 % at most: not the majority")
            return
        }
    }

    // RENO-E2: a landlord's co-owner may give the situation that opens the right; it reaches the
    // rules engine's case.
    @Test func aLandlordsCoOwnerMayOpenTheRight() {
        var v = CivilStatusForm.values(DossierFixtures.claire)
        v["relation"] = CoApplicant.Relation.jointOwner.rawValue
        v["opens_right"] = "oui"
        guard case .failure(let p) = StepForms.readCoApplicant(v, kind: .landlord) else {
            Issue.record("the situation is required once « oui » is answered")
            return
        }
        #expect(Set(p.fields.map(\.field)) == ["employment", "tax_income", "household_size"])
        v.merge(["employment": "private_sector", "company_name": "Acme", "company_siret": "73282932000074"]) { _, b in b
        }
        v.merge(["tax_income": "20 000", "household_size": "2"]) { _, b in b }
        guard case .success(let co) = StepForms.readCoApplicant(v, kind: .landlord) else {
            Issue.record("a complete co-owner is read")
            return
        }
        var a = DossierFixtures.ownerOccupier
        a.applicant.kind = .landlord
        a.coApplicants = [co]
        #expect(a.renovationCase.applicant.coOwners.first?.referenceTaxIncome == .euros(20_000))
        // An owner-occupier's co-applicant is never asked.
        guard case .success(let plain) = StepForms.readCoApplicant(v, kind: .ownerOccupier) else {
            Issue.record("the same form for an owner-occupier")
            return
        }
        #expect(plain.occupation == nil)
    }

    @Test func aPostalCodeOfSeveralCommunesAsksForTheCommune() {
        var a = DossierAnswers()
        let problems = StepForms.applyDwelling(
            ["address": "1 place Neuve", "postal_code": "01000", "principal_residence": "oui"], to: &a,
            reference: Fixtures.reference)
        #expect(problems.map(\.field) == ["insee"])
        #expect(
            StepForms.applyDwelling(
                ["address": "1 place Neuve", "postal_code": "01000", "insee": "01344", "principal_residence": "oui"],
                to: &a,
                reference: Fixtures.reference) == [])
        #expect(a.dwelling.insee == "01344")
    }

    @Test func windowsCannotBeChosenAsMainWorks() {
        let values = [
            "siret": "732 829 320 00074", "name": "Vitres & Co", "rge": "oui", "work_type": "fenêtres",
            "main_works": "8 000", "representative": "Jean Vitre", "account_holder": "Vitres & Co",
            "iban": "FR7630006000011234567890189", "bic": "AGRIFRPP",
        ]
        guard case .failure(let p) = PlanForm.readCompany(values, existing: []) else {
            Issue.record("windows must be refused")
            return
        }
        #expect(
            p.fields.map(\.message) == [
                "Type de travaux principaux : « Fenêtres » n'est pas financé par l'aide (RENO-E8)."
            ])
        var ok = values
        ok["work_type"] = "isolation_murs"
        #expect((try? PlanForm.readCompany(ok, existing: []).get())?.0.mainWorks == .euros(8_000))
    }

    @Test func theDossierIsDecidedByTheSameEngineAsTheTest() {
        let a = DossierFixtures.ownerOccupier
        let c = a.renovationCase
        #expect(c.applicant.household.referenceTaxIncome == .euros(25_000))
        #expect(c.plan?.companies.first?.mainWorks == .euros(12_000))
        let result = RenovationSimulation.run(
            c, on: Fixtures.day("2020-06-15"), parameters: Fixtures.parameters, reference: Fixtures.reference)
        #expect(result.eligibility.eligible)
        #expect(result.financing?.subsidy == .euros(13_500))
    }
}
