/// `AMI-O`: kinds of operation and products of the AMI DROM programming table.
public enum OperationKind: String, Sendable, CaseIterable, Hashable {
    case newConstruction = "Construction neuve"
    case vefa = "VEFA"
    case acquisition = "Acquisition"
    case acquisitionImprovement = "Acquisition-amélioration"
    case rehabilitation = "Réhabilitation"
    case demolition = "Démolition"
    case demolitionReconstruction = "Démolition-reconstruction"

    /// Social rental production (new supply and acquisitions).
    public var isProduction: Bool {
        [.newConstruction, .vefa, .acquisition, .acquisitionImprovement, .demolitionReconstruction].contains(self)
    }
}

public enum HousingProduct: String, Sendable, CaseIterable, Hashable {
    case lls = "LLS"
    case llts = "LLTS"
    case pls = "PLS"
    case pli = "PLI"
    case li = "LI"
    /// Products that need a prefectoral approval (agrément).
    public var needsApproval: Bool { self == .lls || self == .llts || self == .pls }
}

/// One operation (one row) of a landlord's programming table.
public struct ProgrammedOperation: Sendable, Hashable {
    public var row: Int
    public var reference: String
    public var name: String
    public var insee: String
    public var kind: OperationKind
    public var product: HousingProduct?
    public var dwellings: Int
    public var costPrice: Money
    public var loanRequested: Money
    public var approvalDate: Day?
    public var informationDeclarationDate: Day?
    public var loanAgreementDate: Day?
    public var worksOrderDate: Day?
    public var demolitionAuthorisationDate: Day?
    public var actionCoeurDeVille: Bool

    public init(
        row: Int, reference: String, name: String, insee: String, kind: OperationKind, product: HousingProduct?,
        dwellings: Int, costPrice: Money, loanRequested: Money, approvalDate: Day? = nil,
        informationDeclarationDate: Day? = nil,
        loanAgreementDate: Day? = nil, worksOrderDate: Day? = nil, demolitionAuthorisationDate: Day? = nil,
        actionCoeurDeVille: Bool = false
    ) {
        self.row = row
        self.reference = reference
        self.name = name
        self.insee = insee
        self.kind = kind
        self.product = product
        self.dwellings = dwellings
        self.costPrice = costPrice
        self.loanRequested = loanRequested
        self.approvalDate = approvalDate
        self.informationDeclarationDate = informationDeclarationDate
        self.loanAgreementDate = loanAgreementDate
        self.worksOrderDate = worksOrderDate
        self.demolitionAuthorisationDate = demolitionAuthorisationDate
        self.actionCoeurDeVille = actionCoeurDeVille
    }
}

/// `AMI-E` and the `AMI-O` exclusion: the pre-checks of an operation for campaign year Y.
public enum AMIEligibility {
    public static func check(_ op: ProgrammedOperation, year y: Int, department: String) -> [Criterion] {
        var out: [Criterion] = []
        if op.actionCoeurDeVille {
            out.append(Criterion(.amiO, .fail, "Opération Action Cœur de Ville : hors du champ de l'AMI DROM."))
        }
        func dated(_ d: Day?, label: String, latest: Day, rule: String) {
            guard let d else {
                out.append(Criterion(.amiE, .fail, "\(label) manquante (\(rule))."))
                return
            }
            if d <= latest {
                out.append(
                    Criterion(.amiE, .pass, "\(label) du \(d.french) : au plus tard le \(latest.french) (\(rule))."))
            } else {
                out.append(
                    Criterion(.amiE, .fail, "\(label) du \(d.french) : postérieure au \(latest.french) (\(rule))."))
            }
        }
        let endOfYear = Day(year: y, month: 12, day: 31)!
        if op.kind.isProduction, let product = op.product {
            switch product {
            case .lls, .llts, .pls:
                dated(
                    op.approvalDate, label: "Date d'agrément", latest: endOfYear, rule: "agrément daté de \(y) ou avant"
                )
            case .li:
                if department == "976" {
                    out.append(Criterion(.amiE, .pass, "LI à Mayotte : déclaration d'informations non exigée."))
                } else {
                    dated(
                        op.informationDeclarationDate, label: "Date de déclaration d'informations", latest: endOfYear,
                        rule: "déclaration datée de \(y) ou avant")
                }
            case .pli:
                dated(
                    op.loanAgreementDate, label: "Date d'accord de prêt", latest: endOfYear,
                    rule: "accord de prêt daté de \(y) ou avant")
            }
        }
        if op.kind == .rehabilitation {
            dated(
                op.worksOrderDate, label: "Date d'ordre de service", latest: Day(year: y + 2, month: 12, day: 31)!,
                rule: "OS au plus tard le 31 décembre \(y + 2)")
        }
        if op.kind == .demolition || op.kind == .demolitionReconstruction {
            dated(
                op.demolitionAuthorisationDate, label: "Date d'autorisation de démolition",
                latest: Day(year: y + 3, month: 12, day: 31)!,
                rule: "autorisation au plus tard le 31 décembre \(y + 3)")
        }
        if out.isEmpty { out.append(Criterion(.amiE, .pass, "Aucune pièce datée exigée pour ce type d'opération.")) }
        return out
    }
}
