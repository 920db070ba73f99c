import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

extension Notifier {
    /// One e-mail to the administrators per batch of pending requests of an organisation kind
    /// (issue #9): sent when `organisation` is the only one pending, that is the first of a
    /// batch; the requests that follow join the same list until it is reviewed.
    /// - Parameters:
    ///   - what: the requests, in French (« demandes de compte AMO »).
    ///   - path: the page where they are reviewed.
    func reviewersOfFirstPending(
        kind: OrganisationKind, organisation: OrganisationID, what: String, path: String, on tx: any Database
    ) async throws {
        let pending = try await OrganisationStore().list(kind: kind, status: .pending, on: tx)
        guard pending.allSatisfy({ $0.id == organisation }) else { return }
        for admin in try await UserStore().grants(role: .administrateur, on: tx) {
            guard let user = try await UserStore().find(id: admin.userID, on: tx) else { continue }
            try await email(
                to: user.email, subject: "\(what.prefix(1).uppercased())\(what.dropFirst()) à examiner",
                body:
                    "Une ou plusieurs \(what) attendent votre examen : \(link(path))\n\nLes suivantes s'ajoutent à "
                    + "cette liste sans nouvel e-mail tant qu'elle n'est pas traitée.",
                on: tx)
        }
    }
}
