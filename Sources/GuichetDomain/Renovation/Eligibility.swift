/// `RENO-E1`…`RENO-E8`: the eligibility of a renovation project, one explained criterion per
/// rule, in rule order. Pure: the reference date, parameters and tables are arguments.
public struct EligibilityResult: Sendable, Hashable {
    public let criteria: [Criterion]
    public let zone: Zone?
    public let actionCoeurDeVille: Bool?
    public let incomeCategory: AnahCeiling.Category?
    /// The "modeste" ceiling applied (`RENO-E5`), when the household size and region are known.
    public let incomeCeiling: Money?
    /// Which household opens the right (`RENO-E4`/`E5`), when one does.
    public let rightOpener: RightOpener?
    /// True only when no criterion is `fail` or `missing`.
    public var eligible: Bool { criteria.allSatisfy { $0.status == .pass } }
    /// The criteria still waiting for an answer.
    public var missing: [RuleID] { criteria.filter { $0.status == .missing }.map(\.rule) }
}

public enum RightOpener: String, Sendable, Hashable {
    case applicant
    case majorityPartner = "majority_partner"
    case coOwner = "co_owner"
    case tenant
    var french: String {
        switch self {
        case .applicant: "le demandeur"
        case .majorityPartner: "l'associé majoritaire"
        case .coOwner: "un propriétaire en indivision"
        case .tenant: "le locataire"
        }
    }
}

public enum Eligibility {
    public static func evaluate(
        _ c: RenovationCase, on day: Day, reference: ReferenceData,
        warnings: inout [Warning]
    ) -> EligibilityResult {
        let place = PlaceCheck.evaluate(c.dwelling, on: day, reference: reference, warnings: &warnings)
        let right = RightCheck.evaluate(c, on: day, region: place.region, reference: reference, warnings: &warnings)
        let criteria = [
            applicantKind(c.applicant),  // E1
            jointOwnership(c.applicant, right: right),  // E2
            sci(c, right: right),  // E3
            right.employment,  // E4
            right.income,  // E5
            place.criterion,  // E6
            principalResidence(c),  // E7
            works(c.works),  // E8
        ]
        return EligibilityResult(
            criteria: criteria, zone: place.zone, actionCoeurDeVille: place.acv,
            incomeCategory: right.category, incomeCeiling: right.ceiling, rightOpener: right.opener)
    }

    /// `RENO-E1` Applicant kind and ownership.
    static func applicantKind(_ a: Applicant) -> Criterion {
        guard let kind = a.kind else {
            return Criterion(
                .e1, .missing, "Précisez si vous êtes propriétaire occupant, propriétaire bailleur ou SCI.")
        }
        guard let ownership = a.ownership else {
            return Criterion(
                .e1, .missing, "Précisez votre situation de propriété (pleine propriété, indivision, usufruit…).")
        }
        let who =
            kind == .ownerOccupier
            ? "Propriétaire occupant" : kind == .landlord ? "Propriétaire bailleur" : "SCI propriétaire bailleur"
        switch ownership {
        case .futureOwner:
            return Criterion(
                .e1, .fail,
                "Les futurs propriétaires ne sont pas éligibles : l'aide est réservée aux propriétaires du logement.")
        case .freeLodging:
            return Criterion(
                .e1, .fail, "Une personne logée à titre gratuit sans contrat de location n'est pas éligible.")
        case .usufruct:
            switch a.bareOwnerConsent {
            case nil:
                return Criterion(
                    .e1, .missing, "Usufruitier : précisez si le nu-propriétaire donne son accord aux travaux.")
            case false?:
                return Criterion(
                    .e1, .fail, "Usufruitier : l'accord du nu-propriétaire est nécessaire pour réaliser les travaux.")
            case true?:
                return Criterion(
                    .e1, .pass, "\(who) usufruitier, avec l'accord du nu-propriétaire (pièce justificative requise).")
            }
        case .full, .joint:
            return Criterion(.e1, .pass, .applicant(who: who, joint: ownership == .joint))
        }
    }

    /// `RENO-E2` Joint ownership (indivision).
    static func jointOwnership(_ a: Applicant, right: RightCheck) -> Criterion {
        guard a.ownership == .joint else {
            return Criterion(
                .e2, a.ownership == nil ? .missing : .pass,
                a.ownership == nil
                    ? "Précisez si le logement est détenu en indivision." : "Sans objet : pas d'indivision.")
        }
        guard let kind = a.kind else {
            return Criterion(.e2, .missing, "Précisez le type de demandeur pour juger l'indivision.")
        }
        guard let owners = a.jointOwners else {
            return Criterion(.e2, .missing, "Indiquez le nombre de propriétaires indivis.")
        }
        if owners < 2 {
            return Criterion(.e2, .fail, "Une indivision compte au moins deux propriétaires (\(owners) indiqué).")
        }
        if kind == .ownerOccupier {
            guard owners == 2 else {
                return Criterion(
                    .e2, .fail,
                    "Propriétaire occupant : seule une indivision de deux personnes est éligible (\(owners) "
                        + "propriétaires indiqués)."
                )
            }
            switch a.jointOwnersPartnered {
            case nil: return Criterion(.e2, .missing, "Indiquez si les deux indivisaires sont mariés ou pacsés.")
            case false?:
                return Criterion(
                    .e2, .fail, "Propriétaire occupant : l'indivision doit unir deux personnes mariées ou pacsées.")
            case true?: return Criterion(.e2, .pass, "Indivision de deux personnes mariées ou pacsées.")
            }
        }
        switch right.overall {
        case .pass:
            return Criterion(
                .e2, .pass,
                "Indivision de \(owners) propriétaires bailleurs : le droit est ouvert par "
                    + "\(right.opener?.french ?? "un indivisaire") (RENO-E4, RENO-E5)."
            )
        case .missing:
            return Criterion(
                .e2, .missing,
                "Indivision de \(owners) propriétaires bailleurs : un indivisaire ou le locataire doit remplir les "
                    + "conditions d'emploi et de ressources."
            )
        case .fail:
            return Criterion(
                .e2, .fail,
                "Indivision de \(owners) propriétaires bailleurs : ni le demandeur, ni un indivisaire déclaré, ni le "
                    + "locataire ne remplit les conditions d'emploi et de ressources."
            )
        }
    }

    /// `RENO-E3` SCI.
    static func sci(_ c: RenovationCase, right: RightCheck) -> Criterion {
        guard c.applicant.kind == .sci else {
            return Criterion(
                .e3, c.applicant.kind == nil ? .missing : .pass,
                c.applicant.kind == nil
                    ? "Précisez si le logement appartient à une SCI." : "Sans objet : le demandeur n'est pas une SCI.")
        }
        guard let sci = c.sci, let natural = sci.partnersAllNaturalPersons else {
            return Criterion(.e3, .missing, "SCI : indiquez si tous les associés sont des personnes physiques.")
        }
        guard natural else {
            return Criterion(.e3, .fail, "SCI : tous les associés doivent être des personnes physiques.")
        }
        switch right.overall {
        case .pass:
            return Criterion(
                .e3, .pass,
                "SCI de personnes physiques : le droit est ouvert par "
                    + "\(right.opener?.french ?? "l'associé majoritaire") ; le compte est ouvert au nom de l'associé "
                    + "majoritaire, les associés de plus de 25 % fournissent identité et avis d'imposition."
            )
        case .missing:
            return Criterion(
                .e3, .missing,
                "SCI : l'associé majoritaire ou le locataire doit remplir les conditions d'emploi et de ressources.")
        case .fail:
            return Criterion(
                .e3, .fail,
                "SCI : ni l'associé majoritaire ni le locataire ne remplit les conditions d'emploi et de ressources.")
        }
    }

    /// `RENO-E7` Principal residence.
    static func principalResidence(_ c: RenovationCase) -> Criterion {
        let landlord = c.applicant.kind?.isLandlord ?? false
        switch c.dwelling.principalResidence {
        case nil:
            return Criterion(
                .e7, .missing,
                landlord
                    ? "Indiquez si le logement est loué (ou sera loué) comme résidence principale du locataire."
                    : "Indiquez si le logement est votre résidence principale.")
        case true?:
            return Criterion(
                .e7, .pass,
                landlord
                    ? "Logement loué, ou à louer, comme résidence principale du locataire."
                    : "Le logement est la résidence principale du demandeur.")
        case false?:
            return Criterion(
                .e7, .fail,
                landlord
                    ? "Le logement doit être loué comme résidence principale du locataire."
                    : "Le logement doit être la résidence principale du demandeur.")
        }
    }

    /// `RENO-E8` Works.
    static func works(_ w: Works) -> Criterion {
        switch w.insulation {
        case nil:
            return Criterion(
                .e8, .missing,
                "Indiquez si le projet comprend des travaux d'isolation thermique (murs, combles ou planchers).")
        case true?: return Criterion(.e8, .pass, "Le projet comprend des travaux d'isolation thermique.")
        case false?: break
        }
        switch w.insulationNotNeededPerDiagnosis {
        case nil:
            return Criterion(
                .e8, .missing,
                "Sans isolation : indiquez si un diagnostic technique établit que l'isolation n'est pas nécessaire.")
        case false?:
            return Criterion(
                .e8, .fail,
                "Le projet doit comprendre des travaux d'isolation thermique, sauf si un diagnostic technique établit "
                    + "qu'ils ne sont pas nécessaires."
            )
        case true?: break
        }
        if w.heatingReplacement == true || w.renewableHeatingOrHotWater == true {
            let what =
                w.heatingReplacement == true
                ? "le remplacement du système de chauffage"
                : "un chauffage ou une eau chaude sanitaire d'origine renouvelable"
            return Criterion(
                .e8, .pass,
                "Isolation non nécessaire selon le diagnostic technique (pièce requise) ; le projet comprend \(what).")
        }
        if w.heatingReplacement == nil || w.renewableHeatingOrHotWater == nil {
            return Criterion(
                .e8, .missing,
                "Indiquez si le projet comprend le remplacement du chauffage ou un équipement de chauffage ou d'eau "
                    + "chaude renouvelable."
            )
        }
        return Criterion(
            .e8, .fail,
            "Sans isolation, le projet doit comprendre le remplacement du système de chauffage ou un équipement de "
                + "chauffage ou d'eau chaude sanitaire renouvelable."
        )
    }
}
