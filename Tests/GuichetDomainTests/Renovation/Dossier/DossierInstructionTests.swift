import Foundation
import GuichetDomain
import Testing

/// `RENO-S` after filing (issue #13): the instruction table's states, guards, effects and typed
/// refusals, walked from filing to signature.
@Suite struct DossierInstructionTests {
    static let ines = UserID(UUID())
    static let hugo = UserID(UUID())

    static func facts(
        _ actor: DossierActor = .staff(ines), amount: Int64 = 10_000, pending: UserID? = nil
    ) -> InstructionFacts {
        InstructionFacts(
            actor: actor, amount: .euros(amount), fourEyesAbove: .euros(30_000), pendingValidation: pending)
    }

    func t(
        _ s: DossierState, _ e: InstructionEvent, _ f: InstructionFacts = facts()
    ) -> Transition<
        DossierState, InstructionEffect
    >? {
        try? DossierLifecycle.instruct(s, e, f).get()
    }

    func refusal(_ s: DossierState, _ e: InstructionEvent, _ f: InstructionFacts = facts()) -> InstructionRefusal.Code?
    {
        if case .failure(let r) = DossierLifecycle.instruct(s, e, f) { return r.code }
        return nil
    }

    @Test func fromFilingToSignature() {
        #expect(t(.filed, .startInstruction)?.state == .inInstruction)
        let back = t(.inInstruction, .sendBack(["RIB illisible", "  "]))
        #expect(back?.state == .toCorrect)
        #expect(back?.effects.contains(.notify(.sentBack(["RIB illisible"]))) == true, "blank items dropped")
        // Corrected and refiled by the draft's table, then instructed again.
        let refiled = try? DossierLifecycle.transition(.toCorrect, .file(problems: []), mandate: .accepted).get()
        #expect(refiled?.state == .filed)
        #expect(refiled?.effects.contains(.history("Dossier redéposé après correction.")) == true)
        let validated = t(.inInstruction, .validate)
        #expect(validated?.state == .validated)
        #expect(validated?.effects.contains(.generateAgreement) == true)
        #expect(t(.validated, .agreementReady, Self.facts(.beneficiary))?.state == .awaitingSignature)
        let signed = t(.awaitingSignature, .sign, Self.facts(.beneficiary))
        #expect(signed?.state == .agreementSigned)
        #expect(signed?.effects.contains(.freezeCompanies) == true)
    }

    // Above the threshold a second instructor confirms; the same person cannot do both.
    @Test func fourEyes() {
        let first = t(.inInstruction, .validate, Self.facts(amount: 45_000))
        #expect(first?.state == .inInstruction)
        #expect(first?.effects.contains(.recordFirstValidation(by: Self.ines)) == true)
        #expect(refusal(.inInstruction, .validate, Self.facts(amount: 45_000, pending: Self.ines)) == .sameInstructor)
        let second = t(.inInstruction, .validate, Self.facts(.staff(Self.hugo), amount: 45_000, pending: Self.ines))
        #expect(second?.state == .validated)
        #expect(second?.effects.contains(.clearFirstValidation) == true)
        #expect(t(.inInstruction, .validate, Self.facts(amount: 30_000))?.state == .validated, "at the threshold: one")
    }

    // The guide: « L'AMO n'a pas de délégation de signature ».
    @Test func onlyTheBeneficiarySigns() {
        #expect(refusal(.awaitingSignature, .sign, Self.facts(.amo)) == .beneficiaryOnly)
        #expect(refusal(.awaitingSignature, .sign) == .beneficiaryOnly, "nor an instructor")
        #expect(refusal(.validated, .sign, Self.facts(.beneficiary)) == .wrongState)
    }

    @Test func decisionsAreStaffsAndNeedTheirReasons() {
        for actor in [DossierActor.beneficiary, .amo] {
            #expect(refusal(.filed, .startInstruction, Self.facts(actor)) == .staffOnly)
            #expect(refusal(.inInstruction, .validate, Self.facts(actor)) == .staffOnly)
            #expect(refusal(.inInstruction, .refuse(["x"]), Self.facts(actor)) == .staffOnly)
        }
        #expect(refusal(.inInstruction, .sendBack([]), Self.facts()) == .reasonsRequired)
        #expect(refusal(.inInstruction, .refuse([" "]), Self.facts()) == .reasonsRequired)
        #expect(refusal(.awaitingSignature, .cancel(""), Self.facts()) == .reasonsRequired)
        let refused = t(.inInstruction, .refuse(["Revenus au-dessus du plafond (RENO-E5)"]))
        #expect(refused?.state == .refused)
        #expect(refused?.effects.contains(.refusalLetter) == true)
        #expect(t(.agreementSigned, .cancel("Changement d'entreprise après signature"))?.state == .cancelled)
    }

    // Every state and event: only the table's arrows are allowed.
    @Test func onlyTheTablesArrows() {
        let arrows: [InstructionEvent: Set<DossierState>] = [
            .startInstruction: [.filed], .sendBack(["x"]): [.inInstruction], .validate: [.inInstruction],
            .refuse(["x"]): [.filed, .inInstruction, .toCorrect],
            .cancel("x"): [.filed, .inInstruction, .toCorrect, .validated, .awaitingSignature, .agreementSigned],
        ]
        for (event, from) in arrows {
            for state in DossierState.allCases {
                #expect((t(state, event) != nil) == from.contains(state), "\(event) from \(state)")
            }
        }
    }
}
