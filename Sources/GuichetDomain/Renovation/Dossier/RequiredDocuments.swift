/// `RENO-D`: the supporting documents a dossier needs, computed from its answers. Each has a kind,
/// a holder (for whom), a stable key (how the dossier stores it) and, for dated documents, the
/// validity rule checked against the filing date.
public enum DocumentKind: String, Sendable, CaseIterable, Codable {
    case identity = "identite"
    case taxNotice = "avis_imposition"
    case payslip = "bulletin_salaire"
    case familyBook = "livret_famille"
    case rib
    case ownershipProof = "justificatif_propriete"
    case bareOwnerConsent = "accord_nu_proprietaire"
    case lease = "bail"
    case proofOfAddress = "justificatif_domicile"
    case sciKbis = "kbis_sci"
    case sciStatutes = "statuts_sci"
    case amoContract = "contrat_amo"
    case technicalDiagnosis = "diagnostic_technique"
    case dpe
    case companyKbis = "kbis_entreprise"
    case companyRib = "rib_entreprise"
    case quote = "devis"
    case rgeCertificate = "certificat_rge"
    case representativeIdentity = "identite_representant"

    public var french: String {
        switch self {
        case .identity: "Justificatif d'identité"
        case .taxNotice: "Avis d'imposition"
        case .payslip: "Dernier bulletin de salaire"
        case .familyBook: "Livret de famille"
        case .rib: "RIB"
        case .ownershipProof: "Justificatif de propriété"
        case .bareOwnerConsent: "Accord du nu-propriétaire"
        case .lease: "Bail de location"
        case .proofOfAddress: "Justificatif de domicile"
        case .sciKbis: "Kbis complet de la SCI"
        case .sciStatutes: "Statuts de la SCI"
        case .amoContract: "Contrat d'assistance à maîtrise d'ouvrage"
        case .technicalDiagnosis: "Diagnostic technique ou audit énergétique"
        case .dpe: "Diagnostic de performance énergétique (DPE)"
        case .companyKbis: "Kbis de l'entreprise"
        case .companyRib: "RIB de l'entreprise"
        case .quote: "Devis des travaux"
        case .rgeCertificate: "Certificat RGE"
        case .representativeIdentity: "Pièce d'identité du représentant légal"
        }
    }

    /// What the document is for, as the checklist says it.
    public var purpose: String {
        switch self {
        case .identity:
            "Passeport, carte nationale d'identité ou titre de séjour (ni permis de conduire, ni carte vitale)."
        case .taxNotice: "Le revenu fiscal de référence et le nombre de personnes du foyer (RENO-E5)."
        case .payslip: "L'emploi salarié qui ouvre le droit (RENO-E4)."
        case .familyBook: "La composition de la famille."
        case .rib: "Le compte du bénéficiaire."
        case .ownershipProof: "Taxe foncière ou attestation notariée de propriété (RENO-E1)."
        case .bareOwnerConsent: "L'usufruitier agit avec l'accord du nu-propriétaire (RENO-E1)."
        case .lease: "Le logement est loué comme résidence principale du locataire (RENO-E7)."
        case .proofOfAddress: "Le domicile de l'associé majoritaire."
        case .sciKbis: "L'existence de la SCI : moins de 3 mois au dépôt."
        case .sciStatutes: "Les associés et leurs parts (RENO-E3)."
        case .amoContract: "Signé par toutes les parties, avec les honoraires et les missions (RENO-E10)."
        case .technicalDiagnosis: "Établit que l'isolation n'est pas nécessaire : moins de 3 mois au dépôt (RENO-E8)."
        case .dpe: "Moins de 5 ans ; financé seulement s'il a moins de 3 mois au dépôt (RENO-F4)."
        case .companyKbis: "L'existence de l'entreprise : moins de 3 mois au dépôt."
        case .companyRib: "Le compte où l'entreprise est payée (tiers-paiement)."
        case .quote: "Les travaux et leurs montants : moins de 6 mois au dépôt."
        case .rgeCertificate: "La qualification RGE des travaux principaux (RENO-E11)."
        case .representativeIdentity: "Le représentant légal de l'entreprise."
        }
    }

    /// How old the document may be on the filing date, for dated documents.
    public var maxAgeMonths: Int? {
        switch self {
        case .sciKbis, .companyKbis, .technicalDiagnosis: 3
        case .quote: 6
        case .dpe: 60
        default: nil
        }
    }
}

/// For whom a document is given.
public enum DocumentHolder: Sendable, Hashable {
    case applicant
    case coApplicant(Int)
    case tenant
    case sci
    case amo
    case dossier
    case company(Siret)

    public var key: String {
        switch self {
        case .applicant: "demandeur"
        case .coApplicant(let i): "codemandeur-\(i + 1)"
        case .tenant: "locataire"
        case .sci: "sci"
        case .amo: "amo"
        case .dossier: "dossier"
        case .company(let siret): "entreprise-\(siret.value)"
        }
    }
}

public struct RequiredDocument: Sendable, Hashable {
    public let kind: DocumentKind
    public let holder: DocumentHolder
    /// « Demandeur », « Codemandeur 1 (Paul Martin) », « Entreprise Isol'Est ».
    public let holderLabel: String
    public var key: String { "\(holder.key).\(kind.rawValue)" }
    /// A company's documents are given once and reused by every dossier naming it (the guide).
    public var isShared: Bool {
        if case .company = holder { return true }
        return false
    }
}

public enum RequiredDocuments {
    public static func list(_ a: DossierAnswers) -> [RequiredDocument] {
        var out: [RequiredDocument] = []
        func need(_ kinds: [DocumentKind], _ holder: DocumentHolder, _ label: String) {
            out += kinds.map { RequiredDocument(kind: $0, holder: holder, holderLabel: label) }
        }
        if a.applicant.kind == .sci {
            need([.sciKbis, .sciStatutes, .ownershipProof, .rib], .sci, "SCI")
            need([.identity, .taxNotice, .payslip, .familyBook, .proofOfAddress], .applicant, "Associé majoritaire")
        } else {
            need([.identity, .taxNotice, .payslip, .familyBook, .rib, .ownershipProof], .applicant, "Demandeur")
            if a.applicant.ownership == .usufruct { need([.bareOwnerConsent], .applicant, "Demandeur") }
        }
        for (i, co) in a.coApplicants.enumerated() {
            let label = "Codemandeur \(i + 1) (\(co.civilStatus.displayName))"
            need(
                co.relation == .sciPartner ? [.identity, .taxNotice] : [.identity, .taxNotice, .familyBook],
                .coApplicant(i), label)
        }
        if a.applicant.kind?.isLandlord == true, let t = a.tenant, t.inPlace {
            need([.identity, .taxNotice, .lease, .payslip, .familyBook], .tenant, "Locataire")
        }
        need([.amoContract], .amo, "AMO")
        if a.works.insulation == false { need([.technicalDiagnosis], .dossier, "Travaux") }
        if a.plan.dpeAuditFee > .zero { need([.dpe], .dossier, "Travaux") }
        for c in a.plan.companies {
            var kinds: [DocumentKind] = [.representativeIdentity, .companyKbis, .companyRib, .quote]
            if c.rge { kinds.append(.rgeCertificate) }
            need(kinds, .company(c.siret), "Entreprise \(c.name)")
        }
        return out
    }

    /// The last day a dated document is valid for a filing (its date plus the kind's age).
    public static func expiry(of kind: DocumentKind, dated date: Day) -> Day? {
        kind.maxAgeMonths.map { date.adding(months: $0) }
    }

    /// The validity of a dated document on the filing date (`RENO-D`): its date is not after the
    /// filing date and not older than the kind allows.
    public static func validity(of kind: DocumentKind, dated date: Day?, filingOn day: Day) -> String? {
        guard let months = kind.maxAgeMonths else { return nil }
        guard let date else { return "\(kind.french) : indiquez la date du document." }
        if date > day { return "\(kind.french) : la date du document (\(date.french)) est postérieure au dépôt." }
        if date < day.adding(months: -months) {
            let limit = months % 12 == 0 ? "\(months / 12) ans" : "\(months) mois"
            return
                "\(kind.french) du \(date.french) : plus de \(limit) au dépôt du \(day.french), il n'est plus valable."
        }
        return nil
    }
}
