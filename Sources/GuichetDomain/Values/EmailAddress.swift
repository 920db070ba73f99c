/// The one check of an e-mail address typed by a person (accounts, organisations' contacts, a
/// dossier's applicant): a name, one `@`, a domain with a dot, no spaces nor angle brackets, at
/// most 254 characters. Deliverability is proven by the activation link, not here.
public enum EmailAddress {
    public static func problem(_ email: String) -> String? {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."),
            email.count <= 254, !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else {
            return "Adresse e-mail invalide : elle doit ressembler à nom@domaine.fr."
        }
        return nil
    }
}
