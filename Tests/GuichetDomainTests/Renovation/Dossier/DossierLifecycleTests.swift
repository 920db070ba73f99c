import GuichetDomain
import Testing

/// `RENO-S` up to filing: one table decides every event of a draft.
@Suite struct DossierLifecycleTests {
    func transition(
        _ s: DossierState, _ e: DossierEvent, mandate: MandateStatus = .accepted
    ) -> Transition<
        DossierState, DossierEffect
    >? {
        try? DossierLifecycle.transition(s, e, mandate: mandate).get()
    }

    @Test func aDraftIsSavedStepByStepAndKeepsItsState() {
        let t = transition(.draft, .save(.dwelling))
        #expect(t?.state == .draft)
        #expect(t?.effects.contains(.history("Étape « Logement » enregistrée.")) == true)
    }

    @Test func onlyADraftOrADossierSentBackMayChange() {
        for state in DossierState.allCases {
            let allowed = transition(state, .save(.works)) != nil
            #expect(allowed == (state == .draft || state == .toCorrect), "\(state)")
        }
    }

    @Test func filingNeedsNoProblemAndStoresTheDecisionWithItsEffects() {
        let problem = FilingProblem(step: .plan, rule: nil, message: "Plan de financement : Frais d'AMO.")
        guard
            case .failure(let refusal) = DossierLifecycle.transition(
                .draft, .file(problems: [problem]), mandate: .accepted)
        else {
            Issue.record("filing with a problem must be refused")
            return
        }
        #expect(refusal.problems == [problem])
        let filed = transition(.draft, .file(problems: []))
        #expect(filed?.state == .filed)
        #expect(filed?.effects.contains(.storeDecision) == true)
        #expect(filed?.effects.contains(.receipt) == true)
        #expect(filed?.effects.contains(.acknowledgementEmails) == true)
    }

    @Test func theMandateIsRequestedAcceptedAndWithdrawn() {
        let requested = transition(.draft, .chooseAMO(name: "Rénov", byAMO: false), mandate: .none)
        #expect(requested?.effects.contains(.setMandate(.requested)) == true)
        #expect(requested?.effects.contains(.mandateRequestEmail) == true)
        let byAMO = transition(.draft, .chooseAMO(name: "Rénov", byAMO: true), mandate: .none)
        #expect(byAMO?.effects.contains(.setMandate(.accepted)) == true)
        #expect(transition(.draft, .acceptMandate(name: "Rénov"), mandate: .none) == nil, "nothing to accept")
        #expect(
            transition(.draft, .acceptMandate(name: "Rénov"), mandate: .requested)?.effects.contains(
                .setMandate(.accepted)) == true)
        #expect(transition(.draft, .chooseAMO(name: "Autre", byAMO: false), mandate: .accepted) == nil)
        #expect(
            transition(.draft, .withdrawMandate(name: "Rénov"), mandate: .accepted)?.effects.contains(
                .setMandate(.none)) == true)
    }
}
