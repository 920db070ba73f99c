import Fluent
import Foundation
import GuichetDomain
import SQLKit

/// A session with who holds it: what a signed-in request knows of its person.
public struct SignedIn: Sendable {
    public let session: SessionRecord
    public let user: UserRecord
    public let grants: [RoleGrantRecord]
    /// The organisations of the grants (each once).
    public let organisations: [OrganisationRecord]
}

/// Sessions live in the database so that any app instance can serve any request.
public struct SessionStore: Sendable {
    public init() {}

    public func create(
        tokenHash: String, userID: UserID, csrfToken: String, now: Date, expiresAt: Date, on db: Database
    ) async throws -> SessionRecord {
        let m = SessionModel()
        m.tokenHash = tokenHash
        m.userID = userID
        m.csrfToken = csrfToken
        m.createdAt = now
        m.lastSeenAt = now
        m.expiresAt = expiresAt
        try await m.create(on: db)
        return try m.record
    }

    public func find(tokenHash: String, on db: Database) async throws -> SessionRecord? {
        try await SessionModel.query(on: db).filter(\.$tokenHash == tokenHash).first()?.record
    }

    /// The session of a token, its person, their grants and the organisations of those: in one
    /// query, as every request signed in reads them.
    public func signedIn(tokenHash: String, on db: Database) async throws -> SignedIn? {
        let rows = try await db.sql.raw(
            """
            SELECT \(unsafeRaw: SessionRecord.columns("s")), \(unsafeRaw: UserRecord.columns("u")),
                   \(unsafeRaw: RoleGrantRecord.columns("g")), \(unsafeRaw: OrganisationRecord.columns("o"))
            FROM sessions s JOIN users u ON u.id = s.user_id
            LEFT JOIN role_grants g ON g.user_id = u.id LEFT JOIN organisations o ON o.id = g.organisation_id
            WHERE s.token_hash = \(bind: tokenHash)
            """
        ).all()
        guard let first = rows.first else { return nil }
        var grants: [RoleGrantRecord] = []
        var organisations: [OrganisationRecord] = []
        for row in rows where try row.decode(column: "g_id", as: UUID?.self) != nil {
            grants.append(try RoleGrantRecord(row: row, prefix: "g"))
            if let o = try row.decode(column: "o_id", as: UUID?.self),
                !organisations.contains(where: { $0.id.rawValue == o })
            {
                organisations.append(try OrganisationRecord(row: row, prefix: "o"))
            }
        }
        return SignedIn(
            session: try SessionRecord(row: first, prefix: "s"), user: try UserRecord(row: first, prefix: "u"),
            grants: grants, organisations: organisations)
    }

    public func touch(id: UUID, at: Date, on db: Database) async throws {
        try await SessionModel.query(on: db).set(\.$lastSeenAt, to: at).filter(\.$id == id).update()
    }

    public func delete(id: UUID, on db: Database) async throws {
        try await SessionModel.query(on: db).filter(\.$id == id).delete()
    }

    public func deleteAll(userID: UserID, except: UUID? = nil, on db: Database) async throws {
        var q = SessionModel.query(on: db).filter(\.$userID == userID)
        if let except { q = q.filter(\.$id != except) }
        try await q.delete()
    }

    /// Removes sessions past their absolute expiry or idle for longer than `idle` seconds.
    public func purge(now: Date, idle: TimeInterval, on db: Database) async throws {
        try await SessionModel.query(on: db).group(.or) {
            $0.filter(\.$expiresAt < now).filter(\.$lastSeenAt < now.addingTimeInterval(-idle))
        }.delete()
    }

    public func count(on db: Database) async throws -> Int { try await SessionModel.query(on: db).count() }
}

/// Single-use tokens (activation, password reset, e-mail change) and personal API tokens; only
/// their SHA-256 is stored.
public struct TokenStore: Sendable {
    public init() {}

    public func createOneTime(
        userID: UserID, purpose: String, tokenHash: String, payload: String = "",
        now: Date, expiresAt: Date, on db: Database
    ) async throws {
        let m = OneTimeTokenModel()
        m.userID = userID
        m.purpose = purpose
        m.tokenHash = tokenHash
        m.payload = payload
        m.createdAt = now
        m.expiresAt = expiresAt
        try await m.create(on: db)
    }

    public enum ConsumeResult: Sendable, Equatable {
        case ok(OneTimeTokenRecord)
        case expired, unknown
    }

    /// Whether the token could be consumed now, without consuming it: a page checks its link
    /// before showing the form that will spend it (issue #11).
    public func check(tokenHash: String, purposes: [String], now: Date, on db: Database) async throws -> ConsumeResult {
        guard
            let m = try await OneTimeTokenModel.query(on: db).filter(\.$tokenHash == tokenHash)
                .filter(\.$purpose ~~ purposes).first(), m.usedAt == nil
        else { return .unknown }
        if m.expiresAt < now { return .expired }
        return .ok(
            OneTimeTokenRecord(
                id: try m.requireID(), userID: m.userID, purpose: m.purpose, payload: m.payload, expiresAt: m.expiresAt)
        )
    }

    /// Marks the token used (once, even under concurrent requests) and returns it.
    public func consume(tokenHash: String, purposes: [String], now: Date, on db: Database) async throws -> ConsumeResult
    {
        guard
            let m = try await OneTimeTokenModel.query(on: db).filter(\.$tokenHash == tokenHash)
                .filter(\.$purpose ~~ purposes).first(), m.usedAt == nil
        else { return .unknown }
        if m.expiresAt < now { return .expired }
        // Conditional update with RETURNING: only one request wins the token.
        guard let sql = db as? SQLDatabase else { return .unknown }
        let won = try await sql.update(OneTimeTokenModel.schema).set("used_at", to: now)
            .where("id", .equal, try m.requireID()).where("used_at", .is, SQLLiteral.null)
            .returning("id").all()
        guard !won.isEmpty else { return .unknown }
        return .ok(
            OneTimeTokenRecord(
                id: try m.requireID(), userID: m.userID, purpose: m.purpose, payload: m.payload, expiresAt: m.expiresAt)
        )
    }

    public func invalidate(userID: UserID, purposes: [String], now: Date, on db: Database) async throws {
        try await OneTimeTokenModel.query(on: db).set(\.$usedAt, to: now).filter(\.$userID == userID)
            .filter(\.$purpose ~~ purposes).filter(\.$usedAt == nil).update()
    }

    public func createAPIToken(
        userID: UserID, name: String, tokenHash: String, now: Date, on db: Database
    ) async throws -> APITokenRecord {
        let m = APITokenModel()
        m.userID = userID
        m.name = name
        m.tokenHash = tokenHash
        m.createdAt = now
        try await m.create(on: db)
        return APITokenRecord(
            id: try m.requireID(), userID: userID, name: name, createdAt: now, lastUsedAt: nil, revokedAt: nil)
    }

    public func apiTokens(userID: UserID, on db: Database) async throws -> [APITokenRecord] {
        try await APITokenModel.query(on: db).filter(\.$userID == userID).sort(\.$createdAt, .descending).all().map {
            APITokenRecord(
                id: try $0.requireID(), userID: $0.userID, name: $0.name, createdAt: $0.createdAt,
                lastUsedAt: $0.lastUsedAt, revokedAt: $0.revokedAt)
        }
    }

    /// The live token with this hash (marks its use).
    public func useAPIToken(tokenHash: String, now: Date, on db: Database) async throws -> APITokenRecord? {
        guard
            let m = try await APITokenModel.query(on: db).filter(\.$tokenHash == tokenHash).filter(\.$revokedAt == nil)
                .first()
        else { return nil }
        m.lastUsedAt = now
        try await m.update(on: db)
        return APITokenRecord(
            id: try m.requireID(), userID: m.userID, name: m.name, createdAt: m.createdAt, lastUsedAt: now,
            revokedAt: nil)
    }

    public func findAPIToken(id: APITokenID, on db: Database) async throws -> APITokenRecord? {
        guard let m = try await APITokenModel.find(id, on: db) else { return nil }
        return APITokenRecord(
            id: try m.requireID(), userID: m.userID, name: m.name, createdAt: m.createdAt, lastUsedAt: m.lastUsedAt,
            revokedAt: m.revokedAt)
    }

    /// Revokes one of the user's tokens; false when it is not theirs or already revoked.
    public func revokeAPIToken(id: APITokenID, userID: UserID, now: Date, on db: Database) async throws -> Bool {
        guard
            let m = try await APITokenModel.query(on: db).filter(\.$id == id).filter(\.$userID == userID)
                .filter(\.$revokedAt == nil).first()
        else { return false }
        m.revokedAt = now
        try await m.update(on: db)
        return true
    }
}

/// Attempts (failed logins, reset and activation requests) for throttling.
public struct AttemptStore: Sendable {
    public init() {}
    public func record(kind: String, key: String, at: Date, on db: Database) async throws {
        let m = AttemptModel()
        m.kind = kind
        m.key = key
        m.at = at
        try await m.create(on: db)
    }
    public func recent(kind: String, key: String, since: Date, on db: Database) async throws -> [Date] {
        try await AttemptModel.query(on: db).filter(\.$kind == kind).filter(\.$key == key).filter(\.$at >= since).all()
            .map(\.at)
    }
    public func clear(kind: String, key: String, on db: Database) async throws {
        try await AttemptModel.query(on: db).filter(\.$kind == kind).filter(\.$key == key).delete()
    }
    public func purge(before: Date, on db: Database) async throws {
        try await AttemptModel.query(on: db).filter(\.$at < before).delete()
    }
}
