import Foundation
import GuichetAppTestSupport
import GuichetFormats
import Testing
import VaporTesting

@testable import GuichetApp

@Suite struct SimulationAPITests {
    static let example = """
        {
          "reference_date": "2020-06-15",
          "applicant": { "kind": "owner_occupier", "ownership": "full", "joint_owners": 1, "joint_owners_partnered": false,
            "bare_owner_consent": false, "employment": "private_sector", "household_size": 3, "reference_tax_income": 2500000 },
          "sci": null, "tenant": null,
          "dwelling": { "insee_code": "01053", "postal_code": "01000", "principal_residence": true },
          "works": { "insulation": true, "insulation_not_needed_per_diagnosis": false, "heating_replacement": false, "renewable_heating_or_hot_water": false },
          "plan": { "amo_fee": 120000, "amo_external_funding": 0,
            "companies": [ { "siret": "73282932000074", "name": "Isol'Est", "rge": true, "main_works": 1500000, "induced_works": 100000 } ],
            "moe_fee": 0, "moe_by_works_company": false, "do_insurance": 0, "dpe_audit_fee": 0, "dpe_audit_date": null,
            "external_aid": [ { "funder": "anah", "amount": 0 } ], "loan_only_works": 1000000,
            "monthly_income": 250000, "monthly_charges": 50000,
            "loan": { "amount": 1000000, "months": 120, "deferral_months": 12 } }
        }
        """

    static func post(
        _ app: Application, _ body: String, headers: HTTPHeaders = .json
    ) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "api/v1/renovation/simulations", headers: headers, body: .json(body))
    }

    @Test func contractExampleAnswersTheContractShape() async throws {
        try await TestApp.run { app in
            let res = try await Self.post(app, Self.example)
            #expect(res.status == .ok)
            let json = try JSONParser.parse(res.text)
            let keys: [String]? = {
                if case .object(let p) = json { return p.map(\.0) }
                return nil
            }()
            #expect(keys == ["reference_date", "parameters_version", "eligibility", "financing", "warnings"])
            #expect(json["parameters_version"] == .string("v1"))
            #expect(json["eligibility"]?["eligible"] == .bool(true))
            #expect(json["eligibility"]?["zone"] == .string("B2"))
            #expect(json["eligibility"]?["income_ceiling"] == .int(3_354_700))
            let f = json["financing"]
            #expect(f?["amo_granted"] == .int(100_000))
            #expect(f?["works_granted"] == .int(1_600_000))
            #expect(
                f?["companies"]
                    == .array([
                        .object([
                            ("siret", .string("73282932000074")), ("granted", .int(1_600_000)),
                            ("deposit_cap", .int(480_000)),
                        ])
                    ]))
            #expect(f?["remaining_cost"] == .int(1_020_000))
            #expect(f?["loan_offered"] == .bool(true))
            #expect(f?["loan"]?["annual_rate"] == .string("0.0100"))
            #expect(f?["loan"]?["monthly_instalment"] == .int(9_686))
            if case .array(let lines)? = f?["loan"]?["schedule"] {
                #expect(lines.count == 120)
            } else {
                Issue.record("no schedule")
            }
            #expect(f?["debt_ratio"] == .string("0.2387"))
        }
    }

    @Test func absentFieldsAreMissingCriteriaNotErrors() async throws {
        try await TestApp.run { app in
            let res = try await Self.post(app, #"{"reference_date":"2024-01-10","applicant":{"kind":"landlord"}}"#)
            #expect(res.status == .ok)
            let json = try JSONParser.parse(res.text)
            #expect(json["eligibility"]?["eligible"] == .bool(false))
            #expect(json["financing"] == .null)
            guard case .array(let criteria)? = json["eligibility"]?["criteria"] else {
                Issue.record("criteria")
                return
            }
            #expect(criteria.count == 8)
            #expect(criteria.allSatisfy { $0["status"] != .string("fail") })
        }
    }

    @Test func everyProblemIsListedWith422() async throws {
        try await TestApp.run { app in
            let res = try await Self.post(
                app,
                """
                {"reference_date":"2020-13-01","colour":"blue",
                 "applicant":{"kind":"tenant","household_size":0,"reference_tax_income":-5,"employment":3},
                 "dwelling":{"insee_code":"1053"},
                 "plan":{"amo_fee":12.5,"companies":[{"siret":"123","rge":true}],"loan":{"amount":100,"months":12,"deferral_months":-1}}}
                """)
            #expect(res.status == .unprocessableEntity)
            let json = try JSONParser.parse(res.text)
            guard case .array(let errors)? = json["errors"] else {
                Issue.record("errors")
                return
            }
            let fields = Set(
                errors.compactMap { e -> String? in
                    if case .string(let s)? = e["field"] { return s }
                    return nil
                })
            #expect(
                fields.isSuperset(of: [
                    "reference_date", "colour", "applicant.kind", "applicant.household_size",
                    "applicant.reference_tax_income", "applicant.employment", "dwelling.insee_code",
                    "plan.amo_fee", "plan.companies[0].siret", "plan.companies[0].main_works",
                    "plan.loan.deferral_months",
                ]))
        }
    }

    @Test func bodiesOverOneMebibyteAre413() async throws {
        try await TestApp.run { app in
            let big =
                #"{"applicant":{"kind":"owner_occupier"},"pad":""# + String(repeating: "x", count: 1_100_000) + "\"}"
            let res = try await Self.post(app, big)
            #expect(res.status == .payloadTooLarge)
            #expect(res.text.contains("errors"))
            #expect(res.text.contains("1 Mio au plus"), "the API keeps its own refusal, not a page's wording")
        }
    }

    @Test func nonJSONIsRefusedClearly() async throws {
        try await TestApp.run { app in
            let res = try await Self.post(
                app, "kind=owner", headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(res.status == .unsupportedMediaType)
            let bad = try await Self.post(app, "{\"applicant\": ")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("JSON invalide"))
        }
    }

    /// "Never a 500 for any input": random and mutated bodies.
    @Test func noInputGivesA500() async throws {
        try await TestApp.run { app in
            var rng = SystemRandomNumberGenerator()
            let seed = Array(Self.example.utf8)
            for n in 0..<150 {
                var body = seed
                for _ in 0..<(1 + n % 8) {
                    let i = Int.random(in: 0..<body.count, using: &rng)
                    switch n % 3 {
                    case 0: body[i] = UInt8.random(in: 0...255, using: &rng)
                    case 1: body.remove(at: i)
                    default: body.insert(UInt8.random(in: 32...126, using: &rng), at: i)
                    }
                }
                let res = try await app.testing().sendRequest(
                    .POST, "api/v1/renovation/simulations", headers: .json, body: ByteBuffer(bytes: body))
                #expect(res.status.code < 500, "status \(res.status.code) for mutation \(n)")
            }
            let deep = String(repeating: "[", count: 100_000)
            #expect(try await Self.post(app, deep).status == .unprocessableEntity)
            let huge = #"{"plan":{"amo_fee":99999999999999999999999}}"#
            #expect(try await Self.post(app, huge).status == .unprocessableEntity)
        }
    }

    @Test func openAPIDocumentDescribesTheSimulation() async throws {
        try await TestApp.run { app in
            try await app.testing().test(.GET, "api/v1/openapi.json") { res in
                #expect(res.status == .ok)
                let doc = try JSONParser.parse(res.text)
                #expect(doc["openapi"] != nil)
                #expect(doc["paths"]?["/api/v1/renovation/simulations"]?["post"] != nil)
            }
        }
    }
}
