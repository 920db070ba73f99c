import Fluent
import Foundation
import GuichetDomain

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(custom: .id, generatedBy: .random) var id: UserID?
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "display_name") var displayName: String
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "activated_at") var activatedAt: Date?
    @Field(key: "is_demo") var isDemo: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    init() {}
}

final class RoleGrantModel: Model, @unchecked Sendable {
    static let schema = "role_grants"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UserID
    @Field(key: "role") var role: String
    @OptionalField(key: "organisation_id") var organisationID: OrganisationID?
    /// Comma-separated region or department codes (instructeurs).
    @Field(key: "scope") var scope: String
    init() {}
}

final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"
    @ID(custom: .id, generatedBy: .random) var id: OrganisationID?
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "identifier") var identifier: String
    @Field(key: "department") var department: String
    @Field(key: "status") var status: String
    @Field(key: "details") var details: String
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: UserID?
    @OptionalField(key: "decision_reason") var decisionReason: String?
    @Field(key: "is_demo") var isDemo: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "version") var version: Int
    init() {}
}

final class SessionModel: Model, @unchecked Sendable {
    static let schema = "sessions"
    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UserID
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    init() {}
}

final class OneTimeTokenModel: Model, @unchecked Sendable {
    static let schema = "one_time_tokens"
    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UserID
    @Field(key: "purpose") var purpose: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "payload") var payload: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    init() {}
}

final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"
    @ID(custom: .id, generatedBy: .random) var id: APITokenID?
    @Field(key: "user_id") var userID: UserID
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    init() {}
}

final class AttemptModel: Model, @unchecked Sendable {
    static let schema = "attempts"
    @ID(key: .id) var id: UUID?
    /// `login`, `reset`, `activation`.
    @Field(key: "kind") var kind: String
    /// `account:<email>` or `ip:<address>`.
    @Field(key: "key") var key: String
    @Field(key: "at") var at: Date
    init() {}
}

final class OutboxModel: Model, @unchecked Sendable {
    static let schema = "outbox"
    @ID(custom: .id, generatedBy: .random) var id: OutboxMessageID?
    @Field(key: "channel") var channel: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "locked_by") var lockedBy: String?
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    init() {}
}

final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_log"
    @ID(custom: "seq", generatedBy: .user) var id: Int?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UserID?
    @Field(key: "actor_label") var actorLabel: String
    @Field(key: "actor_role") var actorRole: String
    @Field(key: "action") var action: String
    @Field(key: "object_type") var objectType: String
    @Field(key: "object_id") var objectID: String
    @Field(key: "client_address") var clientAddress: String
    @Field(key: "user_agent") var userAgent: String
    @Field(key: "detail") var detail: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String
    init() {}
}
