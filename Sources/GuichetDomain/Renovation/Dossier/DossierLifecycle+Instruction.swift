/// `RENO-S` after filing (issue #13): instruction, the agreement and its signature, refusal and
/// cancellation, as one table beside the draft's (`DossierLifecycle.transition`). Pure: who acts,
/// the amounts and the four-eyes threshold are facts given by the caller; the effects are data
/// that the service applies atomically with the state change (`LifecycleWriter`).
public enum InstructionEvent: Sendable, Hashable {
    /// An instructor takes a filed (or refiled) dossier.
    case startInstruction
    /// Sent back for correction with the list of what to fix (at least one item).
    case sendBack([String])
    /// « Valider »: above the four-eyes threshold, a first validation waits for a second
    /// instructor's; otherwise, or when confirmed by someone else, the dossier is validated.
    case validate
    /// The agreement (and the loan offer) generated: it awaits the beneficiary's signature.
    case agreementReady
    /// The beneficiary signed with the one-time code (`RENO-C`).
    case sign
    /// Refused, with its reasons (at least one).
    case refuse([String])
    /// Cancelled, with its reason (a change of company after signature: cancel and file again).
    case cancel(String)
}

/// Who acts, as the table needs to know it.
public enum DossierActor: Sendable, Equatable {
    case beneficiary
    case amo
    case staff(UserID)
    /// The platform itself (the job that made the agreement).
    case system
}

/// What the instruction table is told besides the state and the event.
public struct InstructionFacts: Sendable, Equatable {
    public let actor: DossierActor
    /// The subsidy and loan granted by the plan (what the four-eyes rule compares).
    public let amount: Money
    /// Above this amount a validation needs a second instructor.
    public let fourEyesAbove: Money
    /// The instructor who made the first validation still waiting for a second one, if any.
    public let pendingValidation: UserID?

    public init(actor: DossierActor, amount: Money, fourEyesAbove: Money, pendingValidation: UserID? = nil) {
        self.actor = actor
        self.amount = amount
        self.fourEyesAbove = fourEyesAbove
        self.pendingValidation = pendingValidation
    }
}

public enum InstructionEffect: Sendable, Equatable {
    case history(String)
    case audit(action: String)
    /// An e-mail to the beneficiary and the AMO's members.
    case notify(DossierNotice)
    /// The first of two validations, kept until the second (or until the dossier moves on).
    case recordFirstValidation(by: UserID)
    case clearFirstValidation
    /// The job that makes the agreement PDF (and the loan offer) from the validated plan.
    case generateAgreement
    /// The job that makes the refusal letter PDF.
    case refusalLetter
    /// The works companies can no longer change (`RENO-C`).
    case freezeCompanies
}

/// The news a notification carries, worded by the service.
public enum DossierNotice: Sendable, Equatable {
    case inInstruction
    case sentBack([String])
    case validated
    case awaitingSignature
    case signed
    case refused([String])
    case cancelled(String)
}

/// Why the instruction table refuses an event: typed (the pages word them, tests match them).
public struct InstructionRefusal: Error, Sendable, Equatable {
    public enum Code: String, Sendable, Equatable {
        case wrongState, staffOnly, beneficiaryOnly, reasonsRequired, sameInstructor
    }
    public let code: Code
    public let message: String
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

extension DossierLifecycle {
    public typealias InstructionOutcome = Result<
        Transition<DossierState, InstructionEffect>, InstructionRefusal
    >

    public static func instruct(
        _ state: DossierState, _ event: InstructionEvent, _ facts: InstructionFacts
    ) -> InstructionOutcome {
        switch event {
        case .startInstruction:
            return staff(facts, from: [.filed], state) {
                move(.inInstruction, "Instruction commencée.", "dossier.instruction", [.notify(.inInstruction)])
            }
        case .sendBack(let items):
            return staff(facts, from: [.inInstruction], state) {
                sendBack(items)
            }
        case .validate:
            return staff(facts, from: [.inInstruction], state) {
                validate(facts)
            }
        case .agreementReady:
            guard state == .validated else { return refusal(.wrongState, state) }
            return move(
                .awaitingSignature, "Convention générée : en attente de la signature du bénéficiaire.",
                "dossier.convention", [.notify(.awaitingSignature)])
        case .sign:
            guard state == .awaitingSignature else { return refusal(.wrongState, state) }
            guard facts.actor == .beneficiary else {
                return .failure(
                    InstructionRefusal(
                        .beneficiaryOnly,
                        "Seul le bénéficiaire signe la convention : l'AMO n'a pas de délégation de signature."))
            }
            return move(
                .agreementSigned, "Convention signée par le bénéficiaire.", "dossier.signature",
                [.freezeCompanies, .notify(.signed)])
        case .refuse(let reasons):
            return staff(facts, from: [.filed, .inInstruction, .toCorrect], state) {
                refuse(reasons)
            }
        case .cancel(let reason):
            let live: Set<DossierState> = [
                .filed, .inInstruction, .toCorrect, .validated, .awaitingSignature, .agreementSigned,
            ]
            return staff(facts, from: live, state) {
                cancel(reason)
            }
        }
    }
}
