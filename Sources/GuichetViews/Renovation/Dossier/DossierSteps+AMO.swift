import GuichetDomain

extension DossierSteps {
    /// What the AMO page knows of the mandate and of who looks at it.
    public struct AMOView: Sendable {
        public var name: String?
        public var siret: String?
        public var department: String?
        public var mandate: MandateStatus
        /// The AMO made the dossier: it confirms itself (« Je choisis cet AMO »).
        /// What the viewer may do here (the dossier's state and the policy decided).
        public enum Action: Sendable, Hashable { case choose, confirm, accept, withdraw }
        public var actions: Set<Action>
        /// The directory of accepted AMOs (id, « Nom – département »).
        public var directory: [Choice]

        public init(
            name: String?, siret: String?, department: String?, mandate: MandateStatus, actions: Set<Action>,
            directory: [Choice]
        ) {
            self.name = name
            self.siret = siret
            self.department = department
            self.mandate = mandate
            self.actions = actions
            self.directory = directory
        }
    }

    /// « Informations assistant maîtrise d'ouvrage » (`RENO-E10`).
    public static func amo(_ b: Base, _ v: AMOView) -> DossierPageModel {
        var before: [InfoPageModel.Block] = [
            .paragraph(
                "L'accompagnement d'un AMO est obligatoire (RENO-E10) : il construit le dossier avec "
                    + "vous et agit pour votre compte."
            )
        ]
        if let name = v.name {
            before.append(
                .definitions([
                    ("AMO", name), ("SIRET", v.siret ?? "—"), ("Département", v.department ?? "—"),
                    ("Mandat", v.mandate.french),
                ]))
        }
        let hidden = [("version", String(b.version))]
        var after: [InfoPageModel.Block] = []
        if v.actions.contains(.confirm) {
            after.append(
                .button(
                    action: "\(b.path)/amo/choix", label: "Je choisis cet AMO", hidden: hidden, csrf: b.state.csrfToken)
            )
        }
        if v.actions.contains(.accept) {
            after.append(
                .button(
                    action: "\(b.path)/amo/acceptation", label: "Accepter le mandat", hidden: hidden,
                    csrf: b.state.csrfToken))
        }
        if v.actions.contains(.withdraw) {
            after.append(
                .button(
                    action: "\(b.path)/amo/retrait", label: "Retirer le mandat de cet AMO", hidden: hidden,
                    csrf: b.state.csrfToken))
        }
        if v.actions.contains(.choose) {
            after.append(
                .form(
                    FormPageModel(
                        heading: "Choisir un AMO",
                        intro: [
                            "Choisissez un AMO partenaire d'Action Logement, ou indiquez le SIRET de "
                                + "l'AMO avec qui vous avez déjà un contrat."
                        ],
                        action: "\(b.path)/amo/choix",
                        fields: [
                            .select(name: "amo", label: "AMO partenaire", choices: v.directory),
                            .input(name: "siret", label: "Ou SIRET de votre AMO", hint: "14 chiffres"),
                        ],
                        submit: "Choisir cet AMO", state: b.state, carried: hidden)))
        }
        return DossierPageModel(
            title: DossierStep.amo.french, context: b.context, notices: notices(b), before: before, after: after)
    }
}
