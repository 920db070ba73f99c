import GuichetDomain
import Testing

/// One check of typed e-mail addresses for accounts and dossiers alike.
@Suite struct EmailAddressTests {
    @Test(arguments: ["claire@exemple.fr", "c.martin+guichet@sous.domaine.fr"])
    func accepted(_ email: String) { #expect(EmailAddress.problem(email) == nil) }

    @Test(arguments: [
        "pas-une-adresse", "a@b", "@exemple.fr", "a@@exemple.fr", "a@.fr", "a@exemple.", "a b@exemple.fr",
        "<a>@exemple.fr",
    ])
    func refused(_ email: String) {
        #expect(EmailAddress.problem(email) == "Adresse e-mail invalide : elle doit ressembler à nom@domaine.fr.")
        var a = DossierAnswers()
        let problems = StepForms.applyApplicant(["email": email], to: &a)
        #expect(problems.contains { $0.field == "email" }, "the dossier's applicant form refuses it too")
    }
}
