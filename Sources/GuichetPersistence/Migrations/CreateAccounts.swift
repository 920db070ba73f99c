import Fluent

/// Accounts, roles, organisations, sessions, one-time and API tokens, attempts (issue #3).
struct CreateAccounts: AsyncMigration {
    var name: String { "2026-11-26-create-accounts" }

    func prepare(on db: Database) async throws {
        try await db.schema(UserModel.schema).id()
            .field("email", .string, .required).field("password_hash", .string, .required)
            .field("display_name", .string, .required).field("phone", .string)
            .field("activated_at", .datetime).field("is_demo", .bool, .required).field("created_at", .datetime)
            .unique(on: "email").create()
        try await db.schema(OrganisationModel.schema).id()
            .field("kind", .string, .required).field("name", .string, .required)
            .field("identifier", .string, .required).field("department", .string, .required)
            .field("status", .string, .required).field("details", .string, .required)
            .field("decided_at", .datetime).field("decided_by", .uuid).field("decision_reason", .string)
            .field("is_demo", .bool, .required).field("created_at", .datetime)
            .create()
        try await db.schema(RoleGrantModel.schema).id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("organisation_id", .uuid, .references(OrganisationModel.schema, "id"))
            .field("scope", .string, .required)
            .create()
        try await db.schema(SessionModel.schema).id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("csrf_token", .string, .required).field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required).field("expires_at", .datetime, .required)
            .unique(on: "token_hash").create()
        try await db.schema(OneTimeTokenModel.schema).id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("purpose", .string, .required).field("token_hash", .string, .required)
            .field("payload", .string, .required).field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required).field("used_at", .datetime)
            .unique(on: "token_hash").create()
        try await db.schema(APITokenModel.schema).id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("name", .string, .required).field("token_hash", .string, .required)
            .field("created_at", .datetime, .required).field("last_used_at", .datetime).field("revoked_at", .datetime)
            .unique(on: "token_hash").create()
        try await db.schema(AttemptModel.schema).id()
            .field("kind", .string, .required).field("key", .string, .required).field("at", .datetime, .required)
            .create()
    }

    func revert(on db: Database) async throws {
        for s in [
            AttemptModel.schema, APITokenModel.schema, OneTimeTokenModel.schema, SessionModel.schema,
            RoleGrantModel.schema, OrganisationModel.schema, UserModel.schema,
        ] {
            try await db.schema(s).delete()
        }
    }
}

/// The outbox of notifications and the audit trail (issue #3).
struct CreateOutboxAndAudit: AsyncMigration {
    var name: String { "2026-11-26-create-outbox-and-audit" }

    func prepare(on db: Database) async throws {
        try await db.schema(OutboxModel.schema).id()
            .field("channel", .string, .required).field("recipient", .string, .required)
            .field("subject", .string, .required).field("body", .string, .required)
            .field("status", .string, .required).field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required).field("locked_by", .string).field("locked_until", .datetime)
            .field("last_error", .string).field("created_at", .datetime, .required).field("sent_at", .datetime)
            .create()
        try await db.schema(AuditEntryModel.schema)
            .field("seq", .int64, .identifier(auto: false))
            .field("at", .datetime, .required).field("actor_id", .uuid).field("actor_label", .string, .required)
            .field("actor_role", .string, .required).field("action", .string, .required)
            .field("object_type", .string, .required).field("object_id", .string, .required)
            .field("client_address", .string, .required).field("user_agent", .string, .required)
            .field("detail", .string, .required).field("previous_hash", .string, .required).field(
                "hash", .string, .required
            )
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema(AuditEntryModel.schema).delete()
        try await db.schema(OutboxModel.schema).delete()
    }
}
