import Foundation
import GuichetDomain

/// A landlord organisation's pages (`AMI-B`): its registration form and its page, with members,
/// pending invitations and the invitation form.
public enum LandlordPages {
    public static func registration(_ page: PageModel, _ state: FormState) -> String {
        FormPage.render(page, registrationForm(state))
    }

    static func registrationForm(_ state: FormState) -> FormPageModel {
        FormPageModel(
            heading: "Inscription d'un bailleur social",
            intro: [
                "Identifiez votre organisme pour déposer ses tableaux de programmation à l'AMI DROM (AMI-B). Action "
                    + "Logement vérifie chaque inscription avant le premier dépôt ; vous en deviendrez le premier "
                    + "membre et pourrez inviter vos collègues."
            ],
            action: "/ami/bailleur/inscription",
            fields: [
                .heading("Organisme"),
                .input(name: "name", label: "Raison sociale", autocomplete: "organization"),
                .input(name: "siren", label: "Numéro SIREN", hint: "9 chiffres", autocomplete: "off"),
                .radios(
                    name: "kind", legend: "Statut",
                    choices: LandlordKind.allCases.map { Choice($0.rawValue, $0.french) }),
                .input(name: "address", label: "Adresse du siège", autocomplete: "street-address"),
                .input(name: "postal_code", label: "Code postal", autocomplete: "postal-code"),
                .input(name: "city", label: "Commune", autocomplete: "address-level2"),
                .heading("Contact"),
                .input(name: "contact_name", label: "Nom et prénom", autocomplete: "name"),
                .input(name: "contact_email", label: "Adresse e-mail", type: "email", autocomplete: "email"),
                .input(name: "contact_phone", label: "Téléphone", type: "tel", autocomplete: "tel"),
            ],
            submit: "Inscrire l'organisme", state: state)
    }

    public struct Member: Sendable, Equatable {
        public let id: UserID
        public let name: String
        public let email: String
        public let activated: Bool
        public let isViewer: Bool

        public init(id: UserID, name: String, email: String, activated: Bool, isViewer: Bool) {
            self.id = id
            self.name = name
            self.email = email
            self.activated = activated
            self.isViewer = isViewer
        }
    }

    public struct Invitation: Sendable, Equatable {
        public let email: String
        public let expiresAt: Date

        public init(email: String, expiresAt: Date) {
            self.email = email
            self.expiresAt = expiresAt
        }
    }

    public struct OrganisationModel: Sendable {
        public let name: String
        public let siren: String
        public let status: OrganisationStatus
        public let decisionReason: String?
        public let identification: LandlordIdentification?
        public let members: [Member]
        public let invitations: [Invitation]
        public let inviteForm: FormState
        public let csrfToken: String

        public init(
            name: String, siren: String, status: OrganisationStatus, decisionReason: String?,
            identification: LandlordIdentification?, members: [Member], invitations: [Invitation],
            inviteForm: FormState,
            csrfToken: String
        ) {
            self.name = name
            self.siren = siren
            self.status = status
            self.decisionReason = decisionReason
            self.identification = identification
            self.members = members
            self.invitations = invitations
            self.inviteForm = inviteForm
            self.csrfToken = csrfToken
        }
    }

    public static func statusText(_ status: OrganisationStatus, reason: String?) -> String {
        switch status {
        case .accepted: "inscription acceptée"
        case .refused: "inscription refusée\(reason.map { " : \($0)" } ?? "")"
        case .pending: "inscription en attente d'examen par Action Logement"
        }
    }

    public static func organisation(_ page: PageModel, _ m: OrganisationModel) -> String {
        var facts: [(String, String)] = [
            ("Raison sociale", m.name), ("SIREN", m.siren), ("État", statusText(m.status, reason: m.decisionReason)),
        ]
        if let d = m.identification {
            facts += [
                ("Statut", d.kind.french), ("Adresse", "\(d.address), \(d.postalCode) \(d.city)"),
                ("Contact", "\(d.contactName) – \(d.contactEmail) – \(d.contactPhone)"),
            ]
        }
        var blocks: [InfoPageModel.Block] = [
            .definitions(facts),
            .table(
                caption: "Membres (\(m.members.count))", headers: ["Nom", "E-mail", "Compte"],
                rows: m.members.map { [$0.name, $0.email, $0.activated ? "actif" : "en attente d'activation"] }),
        ]
        if m.members.count > 1 {
            for member in m.members {
                blocks.append(
                    .button(
                        action: "/ami/organisation/membres/\(member.id.uuidString)/retrait",
                        label: member.isViewer ? "Quitter l'organisme" : "Retirer \(member.name)", hidden: [],
                        csrf: m.csrfToken))
            }
        }
        if !m.invitations.isEmpty {
            let day = ParisTime.formatter("dd/MM/yyyy HH:mm")
            blocks.append(
                .table(
                    caption: "Invitations en attente", headers: ["E-mail", "Valable jusqu'au"],
                    rows: m.invitations.map { [$0.email, day.string(from: $0.expiresAt)] }))
        }
        blocks.append(
            .form(
                FormPageModel(
                    heading: "Inviter un membre",
                    intro: [
                        "La personne reçoit un lien valable 7 jours ; elle devient membre quand elle l'accepte "
                            + "(avec son compte Guichet, ou en créant un compte)."
                    ],
                    action: "/ami/organisation/membres",
                    fields: [
                        .input(
                            name: "email", label: "Adresse e-mail de la personne à inviter", type: "email",
                            autocomplete: "off")
                    ],
                    submit: "Envoyer l'invitation", state: m.inviteForm)))
        blocks.append(.links([("Dépôts AMI DROM", "/ami")]))
        return InfoPage.render(page, InfoPageModel(heading: m.name, blocks: blocks))
    }
}
