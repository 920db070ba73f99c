import GuichetDomain

/// The beneficiary's signature journey (`RENO-C`, issue #13): the agreement read page by page,
/// the conditions of the online signature service, the code asked by SMS or e-mail and typed,
/// the recapitulation, then « Je signe ».
public enum SignaturePages {
    public static let conditions = [
        "Le service de signature en ligne du Guichet vous identifie par votre compte et par un code à usage unique "
            + "envoyé à votre téléphone mobile ou à votre adresse e-mail. Ce code vaut signature : ne le communiquez à "
            + "personne, pas même à votre AMO, qui n'a pas de délégation de signature.",
        "Le code est valable 10 minutes ; après 5 codes inexacts, il ne signe plus rien et vous en demandez un autre. "
            + "Un nouveau code peut être demandé une fois par minute, cinq fois par heure.",
        "La convention signée porte une signature numérique (PAdES) au nom d'Action Logement Services et une page de "
            + "signature à votre nom ; chaque étape (consultation, conditions acceptées, code envoyé, code vérifié, "
            + "signature) est conservée avec sa date, son heure, votre adresse IP et votre navigateur dans un fichier "
            + "de preuve.",
    ]

    /// Page `number` of `count`: its text, the way to the others, and on the last the next step.
    public static func reading(
        context: DossierContext, path: String, number: Int, count: Int, lines: [PageLine], allRead: Bool,
        notices: [(PageModel.FlashKind, String)]
    ) -> DossierPageModel {
        var links: [(String, String)] = []
        if number > 1 { links.append(("Page précédente", "\(path)/signature?page=\(number - 1)")) }
        if number < count { links.append(("Page suivante", "\(path)/signature?page=\(number + 1)")) }
        links.append(("Télécharger la convention (PDF)", "\(path)/convention.pdf"))
        var blocks: [InfoPageModel.Block] = [
            .paragraph("Lisez chaque page de la convention ; vous la signerez ensuite par un code à usage unique."),
            .page(label: "Page \(number) sur \(count)", lines: lines), .links(links),
        ]
        if allRead {
            blocks.append(
                .links([("J'ai lu la convention : continuer vers la signature", "\(path)/signature/conditions")]))
        }
        return DossierPageModel(
            title: "Lire la convention (page \(number) sur \(count))", context: context, notices: notices,
            before: blocks)
    }

    public static func conditionsPage(context: DossierContext, path: String, state: FormState) -> DossierPageModel {
        DossierPageModel(
            title: "Conditions de la signature en ligne", context: context,
            before: conditions.map { .paragraph($0) },
            form: FormPageModel(
                heading: "Conditions de la signature en ligne", action: "\(path)/signature/conditions",
                fields: [
                    .checkbox(name: "accepte", label: "J'accepte les conditions du service de signature en ligne")
                ],
                submit: "Continuer", state: state))
    }

    /// The code: asked (SMS or e-mail), then typed.
    public static func codePage(
        context: DossierContext, path: String, state: FormState, sms: String?, email: String, sent: String?
    ) -> DossierPageModel {
        var choices: [Choice] = []
        if let sms { choices.append(Choice("sms", "Par SMS au \(sms)")) }
        choices.append(Choice("email", "Par e-mail à \(email)"))
        // With both forms, each lists its own problems; alone, the asking form says them all (an
        // expired code's included).
        func only(_ field: String) -> FormState {
            var own = state
            own.errors = state.errors.filter { $0.field == field }
            return own
        }
        let ask = InfoPageModel.Block.form(
            FormPageModel(
                heading: sent == nil ? "Recevoir un code" : "Recevoir un autre code",
                action: "\(path)/signature/envoi",
                fields: [.radios(name: "canal", legend: "Comment recevoir le code ?", choices: choices)],
                submit: "Envoyer le code", state: sent == nil ? state : only("canal")))
        guard let sent else { return DossierPageModel(title: "Code de signature", context: context, before: [ask]) }
        // A code is on its way: typing it comes first, asking another one after.
        return DossierPageModel(
            title: "Code de signature", context: context,
            before: [.notice(.info, "Un code vous a été envoyé par \(sent). Il est valable 10 minutes.")],
            form: FormPageModel(
                heading: "Saisir le code", action: "\(path)/signature/recapitulatif",
                fields: [
                    .input(
                        name: "code", label: "Code reçu (6 chiffres)", hint: "Exemple : 123456",
                        autocomplete: "one-time-code")
                ], submit: "Continuer", state: only("code")),
            after: [ask])
    }

    /// What is about to be signed, and « Je signe » carrying the code typed.
    public static func recap(
        context: DossierContext, path: String, state: FormState, rows: [(String, String)], code: String, version: Int
    ) -> DossierPageModel {
        DossierPageModel(
            title: "Récapitulatif avant signature", context: context,
            before: [
                .paragraph("Vérifiez ce que vous signez. En cliquant sur « Je signe la convention », vous la signez."),
                .definitions(rows),
            ],
            form: FormPageModel(
                heading: "Récapitulatif avant signature", action: "\(path)/signature/signer", fields: [],
                submit: "Je signe la convention", state: state,
                links: [("Revenir à la lecture de la convention", "\(path)/signature")],
                carried: [("code", code), ("version", String(version))]))
    }
}
