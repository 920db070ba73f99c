import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import Vapor

/// The demonstration's dossiers in every state of instruction (issue #13), each filed like a
/// real one and moved through the instruction table: in instruction, to correct, awaiting the
/// signature (the demo beneficiary's, to try the journey), signed (with its evidence), refused
/// (with its letter) and cancelled. A validated dossier moves on at once: its agreement is made
/// and it awaits the signature.
extension DemoDossiers {
    func seedInstruction(_ claire: UserRecord, _ bernard: UserRecord, amo: OrganisationID) async throws {
        let instructor = try await UserStore().find(email: "instructeur@demo.guichet.invalid", on: tx)
        let staff = DossierService.Actor(
            audit: .shell("démonstration (instruction)"), userID: instructor?.id ?? claire.id, onBehalfOf: nil)
        let who = DossierActor.staff(instructor?.id ?? claire.id)
        let instruction = app.instructionService(db: tx)
        let plan: [(UserRecord, String, [InstructionEvent])] = [
            (bernard, "4 impasse des Tilleuls", [.startInstruction]),
            (
                bernard, "9 rue Pasteur",
                [.startInstruction, .sendBack(["Logement : précisez le numéro de l'appartement"])]
            ),
            (claire, "17 allée des Érables", [.startInstruction, .validate]),
            (bernard, "2 rue du Moulin", [.startInstruction, .validate]),
            (bernard, "30 route de Lyon", [.startInstruction, .refuse(["Travaux commencés avant le dépôt"])]),
            (claire, "5 rue Voltaire", [.cancel("Demande retirée par le bénéficiaire")]),
        ]
        for (n, (user, address, events)) in plan.enumerated() {
            guard var d = try await filedDossier(user, address: address, amo: amo) else { continue }
            for event in events {
                let (result, _) = try await instruction.decide(
                    event, dossier: d.id, version: d.version, by: staff, as: who)
                guard case .success(let moved) = result else { break }
                d = moved
            }
            if d.state == .validated { try await app.agreementJobs(db: tx).makeAgreement(of: d.id) }
            if d.state == .refused {
                try await app.agreementJobs(db: tx).makeRefusalLetter(of: d.id)
            }
            // The fourth is signed, as its beneficiary would on the site.
            if n == 3, let signed = try await DossierStore().find(id: d.id, on: tx) {
                try await sign(signed, by: user)
            }
        }
    }

    /// A complete dossier with its documents, filed.
    func filedDossier(_ user: UserRecord, address: String, amo: OrganisationID) async throws -> DossierRecord? {
        let d = try await create(user, Self.complete(address: address), amo: amo, mandate: .accepted)
        try await documents(of: d, by: user.id)
        let actor = DossierService.Actor(audit: .shell("démonstration"), userID: user.id, onBehalfOf: nil)
        let (result, _) = try await service.file(dossier: d.id, version: d.version, by: actor)
        guard case .success(let filed) = result else {
            app.logger.warning("dossier de démonstration non déposé : \(address)")
            return nil
        }
        return filed
    }

    /// The signature's steps as the journey records them, then the agreement signed.
    func sign(_ d: DossierRecord, by user: UserRecord) async throws {
        guard d.state == .awaitingSignature else { return }
        let service = app.signatureService(db: tx)
        let client = SignatureService.Client(ip: "127.0.0.1", userAgent: "démonstration")
        for (kind, detail) in [
            (SignatureEvent.Kind.viewed, "toutes les pages"), (.conditionsAccepted, "conditions acceptées"),
            (.codeSent, "e-mail (démonstration)"), (.codeChecked, "code à usage unique exact"),
        ] {
            try await SignatureStore().append(service.event(kind, detail, client), to: d.id, on: tx)
        }
        let identity = try await app.agreementSigningKey.identity()
        _ = try await service.signAgreement(d, identity: identity, client: client, on: tx)
        let actor = DossierService.Actor(audit: .shell("démonstration"), userID: user.id, onBehalfOf: nil)
        _ = try await app.instructionService(db: tx).apply(
            .sign, to: d, by: actor, as: .beneficiary, jobs: JobsBox(), on: tx)
    }
}
