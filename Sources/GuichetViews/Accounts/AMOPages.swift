import GuichetDomain

/// The AMO account request of the AMO guide and the public directory of AMOs (RENO-E10).
public enum AMOPages {
    /// `departments`: (code, name) in code order.
    public static func request(
        _ page: PageModel, departments: [(code: String, name: String)], _ state: FormState
    )
        -> String
    {
        FormPage.render(
            page,
            FormPageModel(
                heading: "Demande de création de compte AMO",
                intro: [
                    "Réservée aux assistants à maîtrise d'ouvrage. Les entreprises de travaux ne doivent pas créer de "
                        + "compte AMO : elles ne pourraient plus être retenues pour réaliser les travaux.",
                    "Action Logement examine la demande et vous contacte par e-mail avec la liste des pièces "
                        + "justificatives à fournir.",
                ],
                action: "/amo/demande",
                fields: [
                    .heading("Entreprise AMO"),
                    .input(name: "siret", label: "Numéro SIRET", hint: "14 chiffres", autocomplete: "off"),
                    .input(name: "company_name", label: "Raison sociale", autocomplete: "organization"),
                    .select(
                        name: "department", label: "Département d'intervention principal",
                        choices: departments.map { Choice($0.code, "\($0.code) – \($0.name)") }),
                    .heading("Représentant légal"),
                    .radios(
                        name: "legal_civility", legend: "Civilité",
                        choices: [Choice("Madame", "Madame"), Choice("Monsieur", "Monsieur")]),
                    .input(name: "legal_usage_name", label: "Nom d'usage et prénom"),
                    .input(name: "legal_birth_name", label: "Nom de naissance"),
                    .input(name: "legal_birth_date", label: "Date de naissance", hint: "JJ/MM/AAAA"),
                    .input(name: "legal_birth_city", label: "Ville de naissance"),
                    .heading("Contact commercial"),
                    .input(name: "contact_name", label: "Nom et prénom", autocomplete: "name"),
                    .input(name: "contact_email", label: "Adresse e-mail", type: "email", autocomplete: "email"),
                    .input(
                        name: "contact_phone", label: "Téléphone portable ou fixe", type: "tel", autocomplete: "tel"),
                    .checkbox(
                        name: "not_works_company",
                        label: "Je certifie que l'entreprise n'est pas une entreprise de travaux."),
                ],
                submit: "Envoyer la demande", state: state))
    }

    public static func requestSent(_ page: PageModel, company: String, email: String) -> String {
        InfoPage.render(
            page,
            InfoPageModel(
                heading: "Demande envoyée",
                blocks: [
                    .paragraph(
                        "Votre demande de compte AMO pour \(company) est enregistrée. Un e-mail de confirmation a été "
                            + "envoyé à \(email).")
                ]))
    }

    public struct Entry: Sendable, Equatable {
        public let name: String
        public let siret: String
        public let department: String
        public let departmentName: String
        /// The contact the AMO gave in its request.
        public let contactName: String
        public let contactEmail: String
        public let contactPhone: String

        public init(
            name: String, siret: String, department: String, departmentName: String, contactName: String = "",
            contactEmail: String = "", contactPhone: String = ""
        ) {
            self.name = name
            self.siret = siret
            self.department = department
            self.departmentName = departmentName
            self.contactName = contactName
            self.contactEmail = contactEmail
            self.contactPhone = contactPhone
        }
    }

    public static func directory(_ page: PageModel, query: String, department: String, entries: [Entry]) -> String {
        let search = FormPageModel(
            heading: "Rechercher", action: "/amo/annuaire", method: "get",
            fields: [
                .input(
                    name: "q", label: "Nom, SIRET ou SIREN",
                    hint: "Le début d'un mot du nom, ou les premiers chiffres"),
                .input(name: "departement", label: "Département", hint: "Code, par exemple 01 ou 974"),
            ],
            submit: "Rechercher", state: FormState(values: ["q": query, "departement": department]))
        return InfoPage.render(
            page,
            InfoPageModel(
                heading: "Annuaire des AMO partenaires",
                blocks: [
                    .paragraph(
                        "Les assistants à maîtrise d'ouvrage dont le compte est ouvert sur Guichet. L'accompagnement "
                            + "d'un AMO est obligatoire (RENO-E10)."),
                    .form(search),
                    .table(
                        caption: "\(FrenchFormat.integer(entries.count)) AMO",
                        headers: ["Raison sociale", "SIRET", "Département", "Contact", "E-mail", "Téléphone"],
                        rows: entries.map {
                            [
                                $0.name, $0.siret, "\($0.department) – \($0.departmentName)", $0.contactName,
                                $0.contactEmail, $0.contactPhone,
                            ]
                        }),
                ]))
    }
}
