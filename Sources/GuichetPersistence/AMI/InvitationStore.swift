import Fluent
import Foundation
import GuichetDomain
import SQLKit

public struct InvitationRecord: Sendable, Equatable {
    public let id: InvitationID
    public let organisationID: OrganisationID
    public let email: String
    public let expiresAt: Date
    public let acceptedAt: Date?
}

/// Invitations to a landlord organisation (issue #9).
public struct InvitationStore: Sendable {
    public init() {}

    public func create(
        organisationID: OrganisationID, email: String, tokenHash: String, invitedBy: UserID, now: Date, expiresAt: Date,
        on db: any Database
    ) async throws -> InvitationRecord {
        let m = LandlordInvitationModel()
        m.organisationID = organisationID
        m.email = email
        m.tokenHash = tokenHash
        m.invitedBy = invitedBy
        m.createdAt = now
        m.expiresAt = expiresAt
        try await m.create(on: db)
        return m.record
    }

    public func find(tokenHash: String, on db: any Database) async throws -> InvitationRecord? {
        try await LandlordInvitationModel.query(on: db).filter(\.$tokenHash == tokenHash).first()?.record
    }

    /// Pending invitations of an organisation (not accepted, not expired).
    public func pending(
        organisationID: OrganisationID, now: Date, on db: any Database
    ) async throws -> [InvitationRecord] {
        try await LandlordInvitationModel.query(on: db).filter(\.$organisationID == organisationID)
            .filter(\.$acceptedAt == nil).filter(\.$expiresAt > now).sort(\.$createdAt).all().map { $0.record }
    }

    /// Marks the invitation accepted, once: false when it was accepted meanwhile.
    public func accept(id: InvitationID, by userID: UserID, at now: Date, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let rows = try await sql.update(LandlordInvitationModel.schema)
            .set("accepted_at", to: SQLBind(now)).set("accepted_by", to: SQLBind(userID))
            .where("id", .equal, SQLBind(id)).where("accepted_at", .is, SQLLiteral.null)
            .returning("id").all()
        return !rows.isEmpty
    }
}

extension LandlordInvitationModel {
    var record: InvitationRecord {
        InvitationRecord(
            id: id ?? InvitationID(), organisationID: organisationID, email: email, expiresAt: expiresAt,
            acceptedAt: acceptedAt
        )
    }
}
