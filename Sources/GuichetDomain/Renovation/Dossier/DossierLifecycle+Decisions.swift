import Foundation

/// The instruction table's decisions (`DossierLifecycle.instruct`), one function each.
extension DossierLifecycle {
    static func move(
        _ to: DossierState, _ history: String, _ action: String, _ effects: [InstructionEffect]
    ) -> InstructionOutcome {
        .success(Transition(to: to, [.history(history), .audit(action: action)] + effects))
    }

    static func refusal(_ code: InstructionRefusal.Code, _ state: DossierState) -> InstructionOutcome {
        .failure(InstructionRefusal(code, "Impossible : ce dossier est « \(state.french) »."))
    }

    /// An instructor's event, from the states given.
    static func staff(
        _ facts: InstructionFacts, from states: Set<DossierState>, _ state: DossierState,
        _ decide: () -> InstructionOutcome
    ) -> InstructionOutcome {
        guard case .staff = facts.actor else {
            return .failure(InstructionRefusal(.staffOnly, "Seul un instructeur d'Action Logement peut le faire."))
        }
        guard states.contains(state) else { return refusal(.wrongState, state) }
        return decide()
    }

    /// Non-empty items, trimmed.
    public static func listed(_ items: [String]) -> [String] {
        items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func sendBack(_ items: [String]) -> InstructionOutcome {
        let items = listed(items)
        guard !items.isEmpty else {
            return .failure(InstructionRefusal(.reasonsRequired, "Indiquez au moins un point à corriger."))
        }
        return move(
            .toCorrect, "Renvoyé pour correction : " + items.joined(separator: " ; "), "dossier.correction",
            [.clearFirstValidation, .notify(.sentBack(items))])
    }

    /// Four eyes: above the threshold, a first validation is recorded and a second instructor,
    /// another person, confirms it.
    static func validate(_ facts: InstructionFacts) -> InstructionOutcome {
        guard case .staff(let me) = facts.actor else {
            return .failure(InstructionRefusal(.staffOnly, "Seul un instructeur d'Action Logement peut le faire."))
        }
        let validated = move(
            .validated, "Dossier validé.", "dossier.validation",
            [.clearFirstValidation, .generateAgreement, .notify(.validated)])
        guard facts.amount > facts.fourEyesAbove else { return validated }
        guard let first = facts.pendingValidation else {
            return move(
                .inInstruction,
                "Validation proposée (\(FrenchFormat.money(facts.amount, dropZeroCents: true)), au-dessus de "
                    + "\(FrenchFormat.money(facts.fourEyesAbove, dropZeroCents: true))) : un second instructeur "
                    + "doit la confirmer.",
                "dossier.validation.première", [.recordFirstValidation(by: me)])
        }
        guard first != me else {
            return .failure(
                InstructionRefusal(
                    .sameInstructor, "Vous avez proposé cette validation : un autre instructeur doit la confirmer."))
        }
        return validated
    }

    static func refuse(_ reasons: [String]) -> InstructionOutcome {
        let reasons = listed(reasons)
        guard !reasons.isEmpty else {
            return .failure(InstructionRefusal(.reasonsRequired, "Indiquez au moins un motif de refus."))
        }
        return move(
            .refused, "Dossier refusé : " + reasons.joined(separator: " ; "), "dossier.refus",
            [.clearFirstValidation, .refusalLetter, .notify(.refused(reasons))])
    }

    static func cancel(_ reason: String) -> InstructionOutcome {
        guard let reason = listed([reason]).first else {
            return .failure(InstructionRefusal(.reasonsRequired, "Indiquez le motif de l'annulation."))
        }
        return move(
            .cancelled, "Dossier annulé : \(reason)", "dossier.annulation",
            [.clearFirstValidation, .notify(.cancelled(reason))])
    }
}
