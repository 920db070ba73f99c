import GuichetDomain

/// The contact an organisation gives (AMO request, landlord registration): an e-mail address
/// and a telephone number, read the same way everywhere.
enum ContactFields {
    /// The normalised e-mail address of `contact_email` and the problems of both fields.
    static func read(_ t: (String) -> String) -> (email: String, problems: [FieldProblem]) {
        var problems: [FieldProblem] = []
        let email = AccountService.normalise(t("contact_email"))
        if let p = AccountService.emailProblem(email) { problems.append(.init(field: "contact_email", message: p)) }
        if !(10...15).contains(t("contact_phone").filter(\.isNumber).count) {
            problems.append(.init(field: "contact_phone", message: "Numéro de téléphone invalide (10 chiffres)."))
        }
        return (email, problems)
    }
}
