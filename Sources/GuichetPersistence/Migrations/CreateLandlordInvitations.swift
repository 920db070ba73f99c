import Fluent
import Foundation
import GuichetDomain

/// Invitations to join a landlord organisation (issue #9: members join by consent).
struct CreateLandlordInvitations: AsyncMigration {
    var name: String { "2026-12-01-create-landlord-invitations" }

    func prepare(on db: Database) async throws {
        try await db.schema(LandlordInvitationModel.schema).id()
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("invited_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .field("accepted_by", .uuid)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema(LandlordInvitationModel.schema).delete()
    }
}

/// One invitation: a single-use link (its token stored hashed) valid until `expires_at`.
final class LandlordInvitationModel: Model, @unchecked Sendable {
    static let schema = "landlord_invitations"
    @ID(custom: .id, generatedBy: .random) var id: InvitationID?
    @Field(key: "organisation_id") var organisationID: OrganisationID
    @Field(key: "email") var email: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "invited_by") var invitedBy: UserID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @OptionalField(key: "accepted_by") var acceptedBy: UserID?
    init() {}
}
