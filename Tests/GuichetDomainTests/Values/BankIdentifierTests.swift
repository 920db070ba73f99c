import GuichetDomain
import Testing

/// IBAN and BIC of works companies (issue #12): the key, the country's length, the BIC's shape.
@Suite struct BankIdentifierTests {
    @Test func ibansAreCheckedByTheirKeyAndLength() throws {
        let iban = try Iban.check("fr76 3000 6000 0112 3456 7890 189").get()
        #expect(iban.value == "FR7630006000011234567890189")
        #expect(iban.masked == "FR76 •••• •••• •••• •••• •••• 189")
        #expect(try Iban.check("DE89370400440532013000").get().value.count == 22)
        #expect(Iban.check("FR7630006000011234567890188") == .failure(.key))
        #expect(Iban.check("FR763000600001123456789018") == .failure(.length(expected: 27)))
        #expect(Iban.check("ZZ7630006000011234567890189") == .failure(.country))
        #expect(Iban.check("FR76 3000 6000 0112 3456 7890 18é") == .failure(.characters))
    }

    @Test func bicsHaveEightOrElevenCharacters() {
        #expect(Bic("AGRIFRPP")?.country == "FR")
        #expect(Bic("bnpa fr pp xxx")?.value == "BNPAFRPPXXX")
        #expect(Bic("AGRIFRP") == nil)
        #expect(Bic("12RIFRPP") == nil)
    }

    @Test func aKnownCompanyKeepsItsBankDetails() throws {
        let values = ["siret": "73282932000074", "rge": "oui", "work_type": "isolation_murs", "main_works": "9 000"]
        guard case .failure(let missing) = PlanForm.readCompany(values, existing: []) else {
            Issue.record("a new company needs its bank details")
            return
        }
        #expect(Set(missing.fields.map(\.field)) == ["name", "representative", "account_holder", "iban", "bic"])
        let known = WorksCompanyRegistration(
            siret: try #require(Siret("73282932000074")), name: "Isol'Est", representative: "Jean Isol",
            accountHolder: "Isol'Est", iban: try Iban.check("FR7630006000011234567890189").get(),
            bic: try #require(Bic("AGRIFRPP")))
        let (company, registration) = try PlanForm.readCompany(values, existing: [], known: known).get()
        #expect(company.name == "Isol'Est" && company.representative == "Jean Isol")
        #expect(registration == nil, "the registry keeps the first dossier's details")
        var mismatched = values
        mismatched.merge([
            "name": "X", "representative": "Y", "account_holder": "Z", "iban": "DE89370400440532013000",
            "bic": "AGRIFRPP",
        ]) { _, b in b }
        guard case .failure(let p) = PlanForm.readCompany(mismatched, existing: []) else {
            Issue.record("a BIC of another country than the IBAN's is refused")
            return
        }
        #expect(p.fields.map(\.message) == ["BIC : sa banque est en FR, le compte (IBAN) en DE."])
    }
}
