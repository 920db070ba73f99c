import Foundation

/// `AMI-B`/`AMI-X`: the life of a landlord's filing for one department of a campaign, as one
/// table. A filing is a draft (`brouillon`) while the landlord uploads tables (each new upload
/// replaces the previous one, kept in history); sending makes it final (`envoyé`). Nothing is
/// sent or replaced outside the campaign window (`AMI-K`).
public enum FilingState: String, Sendable, CaseIterable, Codable {
    case draft = "brouillon"
    case sent = "envoyé"
}

/// What the platform knows of the filing's current table when an event arrives.
public struct UploadSummary: Sendable, Equatable {
    public enum Check: Sendable, Equatable {
        case pending
        case unreadable(String)
        case checked(errors: Int, operations: Int)
    }
    public var check: Check
    public var synthesis: FilingSynthesis?
    public init(check: Check, synthesis: FilingSynthesis?) {
        self.check = check
        self.synthesis = synthesis
    }
}

/// The synthesis fields of the filing form (pre-filled from the file, confirmed by the landlord).
public struct FilingSynthesis: Sendable, Equatable {
    /// Each figure typed that differs from the table's, as a problem of its form field
    /// (`operations`, `dwellings`, `cost_price`, `loan_requested`).
    public func differences(from typed: FilingSynthesis) -> [FieldProblem] {
        var out: [FieldProblem] = []
        func differs(_ field: String, _ label: String, _ table: String, _ given: String) {
            out.append(
                FieldProblem(field: field, message: "\(label) : \(given) saisi, le tableau déposé indique \(table)."))
        }
        if typed.operations != operations {
            differs(
                "operations", "Nombre d'opérations", FrenchFormat.integer(operations),
                FrenchFormat.integer(typed.operations))
        }
        if typed.dwellings != dwellings {
            differs(
                "dwellings", "Nombre de logements", FrenchFormat.integer(dwellings),
                FrenchFormat.integer(typed.dwellings))
        }
        if typed.costPrice != costPrice {
            differs("cost_price", "Prix de revient total", costPrice.formatted(), typed.costPrice.formatted())
        }
        if typed.loanRequested != loanRequested {
            differs(
                "loan_requested", "Prêt sollicité total", loanRequested.formatted(), typed.loanRequested.formatted())
        }
        return out
    }

    public var operations: Int
    public var dwellings: Int
    public var costPrice: Money
    public var loanRequested: Money
    public init(operations: Int, dwellings: Int, costPrice: Money, loanRequested: Money) {
        self.operations = operations
        self.dwellings = dwellings
        self.costPrice = costPrice
        self.loanRequested = loanRequested
    }
}

public enum FilingEvent: Sendable, Equatable {
    /// A new table is uploaded (it replaces the current one).
    case upload(fileName: String)
    /// « Envoyer »: the landlord confirms the synthesis and the certification.
    case send(confirmed: FilingSynthesis, certified: Bool)
}

/// The effects of a transition, performed by the edge in the same transaction as the new state.
public enum FilingEffect: Sendable, Equatable {
    /// A line of the filing's history.
    case history(String)
    /// The previous table is kept in history, no longer current.
    case supersedeCurrentUpload
    /// Read and check the new table (progress shown to the landlord).
    case checkUpload
    /// Acknowledgement e-mail to the filing's members, with the link to the receipt.
    case acknowledgementEmail
    /// The PDF receipt, stored with the filing.
    case receipt
    case audit(action: String)
}

public struct FilingRefusal: Error, Sendable, Equatable {
    public let rule: RuleID
    public let message: String
    /// The problems of the « Envoyer » form's fields, each shown next to its field (issue #11):
    /// which figure of the synthesis differs from the table, the certification box.
    public let fields: [FieldProblem]
    public init(rule: RuleID, message: String, fields: [FieldProblem] = []) {
        self.rule = rule
        self.message = message
        self.fields = fields
    }
}

public struct FilingContext: Sendable {
    public var now: Date
    public var window: CampaignWindow
    public var current: UploadSummary?
    public init(now: Date, window: CampaignWindow, current: UploadSummary?) {
        self.now = now
        self.window = window
        self.current = current
    }
}

public enum FilingLifecycle {
    public static func transition(
        _ state: FilingState, _ event: FilingEvent, _ ctx: FilingContext
    )
        -> Result<(FilingState, [FilingEffect]), FilingRefusal>
    {
        let window = ctx.window.check(at: ctx.now)
        switch (state, event) {
        case (.sent, _):
            return .failure(.init(rule: .amiX, message: "Ce dépôt est déjà envoyé : il ne peut plus être modifié."))
        case (.draft, _) where window.status != .pass:
            return .failure(.init(rule: .amiK, message: window.message))

        case (.draft, .upload(let name)):
            var effects: [FilingEffect] = [
                .history("Tableau « \(name) » déposé."), .checkUpload, .audit(action: "ami.dépôt.fichier"),
            ]
            if ctx.current != nil { effects.insert(.supersedeCurrentUpload, at: 0) }
            return .success((.draft, effects))

        case (.draft, .send(let confirmed, let certified)):
            return send(confirmed: confirmed, certified: certified, current: ctx.current)
        }
    }

    /// « Envoyer »: a checked table without error, the synthesis confirmed as the file gives it,
    /// the certification ticked; every problem of the form at once, each on its field.
    static func send(
        confirmed: FilingSynthesis, certified: Bool, current: UploadSummary?
    ) -> Result<(FilingState, [FilingEffect]), FilingRefusal> {
        guard let current else {
            return .failure(.init(rule: .amiX, message: "Déposez d'abord le tableau de programmation."))
        }
        if let refusal = tableRefusal(current.check) { return .failure(refusal) }
        guard let fromFile = current.synthesis else {
            return .failure(
                .init(rule: .amiX, message: "La synthèse du tableau déposé manque : déposez-le à nouveau."))
        }
        // Every problem of the form at once, each on its field (issue #11).
        var fields = fromFile.differences(from: confirmed)
        if !certified {
            fields.append(
                FieldProblem(field: "certify", message: "Cochez la case de certification pour envoyer le dépôt."))
        }
        guard fields.isEmpty else {
            let message =
                fields.count == 1 && !certified
                ? "Cochez la case de certification pour envoyer le dépôt."
                : "La synthèse saisie ne correspond pas au tableau déposé : reprenez les valeurs pré-remplies ou "
                    + "déposez un tableau corrigé."
            return .failure(.init(rule: .amiX, message: message, fields: fields))
        }
        return .success(
            (
                .sent,
                [
                    .history(
                        "Dépôt envoyé : \(FrenchFormat.count(fromFile.operations, "opération")), "
                            + "\(FrenchFormat.count(fromFile.dwellings, "logement")), prêt sollicité "
                            + "\(fromFile.loanRequested.formatted())."
                    ),
                    .receipt, .acknowledgementEmail, .audit(action: "ami.dépôt.envoi"),
                ]
            ))
    }

    /// Why the current table cannot be sent: still being checked, unreadable, with errors, empty.
    static func tableRefusal(_ check: UploadSummary.Check) -> FilingRefusal? {
        let message: String
        switch check {
        case .pending: message = "Le tableau est en cours de vérification : attendez la fin avant d'envoyer."
        case .unreadable(let why): message = "Le tableau déposé est illisible (\(why)) : déposez un fichier corrigé."
        case .checked(let errors, _) where errors > 0:
            message =
                "Le tableau contient \(FrenchFormat.count(errors, "erreur")) : corrigez-les et déposez-le à nouveau "
                + "avant d'envoyer."
        case .checked(_, let operations) where operations == 0: message = "Le tableau ne contient aucune opération."
        case .checked: return nil
        }
        return FilingRefusal(rule: .amiX, message: message)
    }
}
