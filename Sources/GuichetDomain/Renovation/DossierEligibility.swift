/// `RENO-E9`…`RENO-E11`: the criteria that need stored dossiers, the AMO's contract and the
/// works companies. Pure functions of what they need; the dossier use case calls them.
public enum DossierEligibility {
    /// A live dossier already recorded for some dwelling.
    public struct LiveDossier: Sendable, Hashable {
        public let reference: String
        public let address: String
        public let insee: String
        public init(reference: String, address: String, insee: String) {
            self.reference = reference
            self.address = address
            self.insee = insee
        }
    }

    /// Normalised address for comparisons: upper case, no accents or punctuation, single spaces,
    /// common abbreviations expanded (`bd` → `BOULEVARD`, `av` → `AVENUE`, `st` → `SAINT`…).
    public static func normalisedAddress(_ raw: String) -> String {
        let folded = raw.uppercased().unicodeScalars.map { s -> String in
            switch s {
            case "À", "Â", "Ä": return "A"
            case "É", "È", "Ê", "Ë": return "E"
            case "Î", "Ï": return "I"
            case "Ô", "Ö": return "O"
            case "Ù", "Û", "Ü": return "U"
            case "Ç": return "C"
            case "Œ": return "OE"
            default: return CharacterSetLite.isAlphanumeric(s) ? String(s) : " "
            }
        }.joined()
        let expansions = [
            "BD": "BOULEVARD", "AV": "AVENUE", "AVE": "AVENUE", "ST": "SAINT", "STE": "SAINTE", "CH": "CHEMIN",
            "IMP": "IMPASSE", "PL": "PLACE", "RTE": "ROUTE", "ALL": "ALLEE", "FG": "FAUBOURG", "BIS": "B", "TER": "T",
        ]
        return folded.split(separator: " ").map { expansions[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// `RENO-E9`: one live dossier per dwelling (normalised address and commune); a household
    /// may file for several dwellings.
    public static func oneAidPerDwelling(address: String, insee: String, live: [LiveDossier]) -> Criterion {
        let key = normalisedAddress(address)
        guard !key.isEmpty else { return Criterion(.e9, .missing, "Indiquez l'adresse du logement.") }
        if let other = live.first(where: { $0.insee == insee && normalisedAddress($0.address) == key }) {
            return Criterion(
                .e9, .fail,
                "Ce logement fait déjà l'objet du dossier \(other.reference) en cours : une seule aide par logement.")
        }
        return Criterion(.e9, .pass, "Aucun autre dossier en cours pour ce logement.")
    }

    /// The AMO missions the directive requires (`RENO-E10`).
    public enum AMOMission: String, Sendable, CaseIterable, Hashable {
        case technicalDiagnosis = "technical_diagnosis"
        case administrativeAssistance = "administrative_assistance"
        case worksComplianceCheck = "works_compliance_check"
        public var french: String {
            switch self {
            case .technicalDiagnosis: "diagnostic technique"
            case .administrativeAssistance: "assistance administrative et au montage du financement"
            case .worksComplianceCheck: "contrôle de la conformité des travaux"
            }
        }
    }

    public struct AMOContract: Sendable, Hashable {
        public var siret: String
        public var signedByAllParties: Bool
        public var fee: Money?
        public var missions: Set<AMOMission>
        public init(siret: String, signedByAllParties: Bool, fee: Money?, missions: Set<AMOMission>) {
            self.siret = siret
            self.signedByAllParties = signedByAllParties
            self.fee = fee
            self.missions = missions
        }
    }

    /// `RENO-E10`: an AMO is mandatory, with a contract signed by all parties stating its fee and
    /// its three missions.
    public static func amo(_ contract: AMOContract?) -> Criterion {
        guard let c = contract else {
            return Criterion(.e10, .missing, "Choisissez un AMO : son accompagnement est obligatoire.")
        }
        var problems: [String] = []
        if !c.signedByAllParties { problems.append("le contrat d'AMO doit être signé par toutes les parties") }
        if c.fee == nil { problems.append("le contrat doit indiquer le montant des honoraires") }
        let missing = AMOMission.allCases.filter { !c.missions.contains($0) }
        if !missing.isEmpty {
            problems.append("missions absentes du contrat : " + missing.map(\.french).joined(separator: ", "))
        }
        if problems.isEmpty, let fee = c.fee {
            return Criterion(
                .e10, .pass,
                "AMO \(c.siret) : contrat signé, honoraires \(fee.formatted()), missions de diagnostic, d'assistance "
                    + "et de contrôle."
            )
        }
        return Criterion(.e10, .fail, "AMO \(c.siret) : " + problems.joined(separator: " ; ") + ".")
    }

    /// `RENO-E11`: main works by a French company holding an RGE qualification; induced works
    /// need none.
    public static func rge(_ companies: [WorksCompany]) -> Criterion {
        if companies.isEmpty { return Criterion(.e11, .missing, "Indiquez les entreprises qui réalisent les travaux.") }
        let offending = companies.filter { !$0.rge && $0.mainWorks.cents > 0 }
        if offending.isEmpty {
            return Criterion(
                .e11, .pass,
                "Travaux principaux réalisés par des entreprises RGE (\(companies.filter(\.rge).count) sur "
                    + "\(companies.count) ; les travaux induits n'exigent pas le label)."
            )
        }
        return Criterion(
            .e11, .fail,
            "Travaux principaux confiés à une entreprise sans qualification RGE : "
                + offending.map { "\($0.name) (\($0.siret))" }.joined(separator: ", ") + ".")
    }
}

/// ASCII letters and digits, without Foundation's character sets.
enum CharacterSetLite {
    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A)
            || (s.value >= 0x61 && s.value <= 0x7A)
    }
}
