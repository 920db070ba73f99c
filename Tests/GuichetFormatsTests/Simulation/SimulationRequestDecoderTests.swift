import GuichetDomain
import Testing

@testable import GuichetFormats

@Suite struct SimulationRequestDecoderTests {
    let today = Day(iso: "2026-11-26")!

    func decode(_ s: String) -> Result<SimulationRequestDecoder.Decoded, SimulationRequestErrors> {
        SimulationRequestDecoder.decode(Array(s.utf8), today: today)
    }

    @Test func emptyObjectIsAValidRequestForToday() throws {
        let d = try decode("{}").get()
        #expect(d.referenceDate == today)
        #expect(d.renovationCase == RenovationCase())
    }

    @Test func nullsAreAbsences() throws {
        let d = try decode(#"{"applicant":{"kind":null,"household_size":null},"sci":null,"plan":null}"#).get()
        #expect(d.renovationCase.applicant.kind == nil)
        #expect(d.renovationCase.plan == nil)
    }

    @Test func readsEveryField() throws {
        let d = try decode(
            """
            {"reference_date":"2024-05-02","applicant":{"kind":"sci","ownership":"joint","joint_owners":2,"joint_owners_partnered":true,
             "bare_owner_consent":true,"employment":"retired","household_size":2,"reference_tax_income":100},
             "sci":{"partners_all_natural_persons":true,"majority_partner":{"employment":"private_sector","household_size":4,"reference_tax_income":3000000}},
             "tenant":{"in_place":false},"dwelling":{"insee_code":"2A004","postal_code":"20000","principal_residence":true},
             "works":{"insulation":false,"insulation_not_needed_per_diagnosis":true,"heating_replacement":true,"renewable_heating_or_hot_water":false},
             "plan":{"amo_fee":1,"amo_external_funding":2,"companies":[{"siret":"732 829 320 00074","name":"A","rge":false,"main_works":3,"induced_works":4}],
             "moe_fee":5,"moe_by_works_company":true,"do_insurance":6,"dpe_audit_fee":7,"dpe_audit_date":"2024-04-01",
             "external_aid":[{"funder":"collectivity","amount":8}],"loan_only_works":9,"monthly_income":10,"monthly_charges":11,
             "loan":{"amount":12,"months":13}}}
            """
        ).get()
        let c = d.renovationCase
        #expect(d.referenceDate == Day(iso: "2024-05-02"))
        #expect(c.applicant.kind == .sci)
        #expect(c.sci?.majorityPartner.referenceTaxIncome == Money(cents: 3_000_000))
        #expect(c.tenant?.inPlace == false)
        #expect(c.dwelling.insee?.value == "2A004")
        #expect(c.plan?.companies.first?.siret == "73282932000074")
        #expect(c.plan?.loan == LoanRequest(amount: Money(cents: 12), months: 13, deferralMonths: 0))
        #expect(c.plan?.externalAid == [ExternalAid(funder: .collectivity, amount: Money(cents: 8))])
    }

    @Test func listsEveryProblemWithItsPath() {
        guard
            case .failure(let e) = decode(
                #"{"x":1,"applicant":{"kind":"robot","household_size":"3"},"plan":{"companies":[{"siret":"00000000000001"}],"external_aid":[{}]}}"#
            )
        else {
            Issue.record("expected errors")
            return
        }
        let fields = e.errors.map(\.field)
        #expect(fields.contains("x"))
        #expect(fields.contains("applicant.kind"))
        #expect(fields.contains("applicant.household_size"))
        #expect(fields.contains("plan.companies[0].siret"))
        #expect(fields.contains("plan.companies[0].rge"))
        #expect(fields.contains("plan.external_aid[0].funder"))
        #expect(fields.contains("plan.external_aid[0].amount"))
        #expect(e.errors.allSatisfy { !$0.message.isEmpty })
    }

    @Test func negativeAmountsAndBadSizesAreErrors() {
        guard case .failure(let e) = decode(#"{"applicant":{"household_size":0,"reference_tax_income":-1}}"#) else {
            Issue.record("errors")
            return
        }
        #expect(e.errors.map(\.field) == ["applicant.household_size", "applicant.reference_tax_income"])
    }
}
