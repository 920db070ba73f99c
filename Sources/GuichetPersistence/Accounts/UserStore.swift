import Fluent
import Foundation
import GuichetDomain
import SQLKit

/// People, their roles and their organisations.
public struct UserStore: Sendable {
    public init() {}

    public func create(
        email: String, passwordHash: String, displayName: String, phone: String? = nil,
        activatedAt: Date? = nil, isDemo: Bool = false, on db: Database
    ) async throws -> UserRecord {
        let m = UserModel()
        m.email = email.lowercased()
        m.passwordHash = passwordHash
        m.displayName = displayName
        m.phone = phone
        m.activatedAt = activatedAt
        m.isDemo = isDemo
        try await m.create(on: db)
        return try m.record
    }

    public func find(email: String, on db: Database) async throws -> UserRecord? {
        try await UserModel.query(on: db).filter(\.$email == email.lowercased()).first()?.record
    }

    public func find(id: UserID, on db: Database) async throws -> UserRecord? {
        try await UserModel.find(id, on: db)?.record
    }

    public func all(on db: Database) async throws -> [UserRecord] {
        try await UserModel.query(on: db).sort(\.$email).all().map { try $0.record }
    }

    /// Accounts in e-mail order, `limit` at a time, after `email` (keyset pagination: constant
    /// time whatever the page, on the unique index of e-mails).
    public func page(after email: String?, limit: Int, on db: Database) async throws -> [UserRecord] {
        var q = UserModel.query(on: db)
        if let email { q = q.filter(\.$email > email) }
        return try await q.sort(\.$email).limit(limit).all().map { try $0.record }
    }

    /// The roles of several accounts, in one query.
    public func grants(userIDs: [UserID], on db: Database) async throws -> [UserID: [RoleGrantRecord]] {
        guard !userIDs.isEmpty else { return [:] }
        let all = try await RoleGrantModel.query(on: db).filter(\.$userID ~~ userIDs).all().map { try $0.record }
        return Dictionary(grouping: all, by: \.userID)
    }

    /// The members of an organisation holding `role`, in e-mail order (two queries).
    public func members(of organisation: OrganisationID, role: Role, on db: Database) async throws -> [UserRecord] {
        let ids = try await RoleGrantModel.query(on: db).filter(\.$organisationID == organisation)
            .filter(\.$role == role.rawValue).all().map(\.userID)
        guard !ids.isEmpty else { return [] }
        return try await UserModel.query(on: db).filter(\.$id ~~ ids).sort(\.$email).all().map { try $0.record }
    }

    public func countNonDemo(on db: Database) async throws -> Int {
        try await UserModel.query(on: db).filter(\.$isDemo == false).count()
    }

    public func activate(id: UserID, at: Date, on db: Database) async throws {
        try await UserModel.query(on: db).set(\.$activatedAt, to: at).filter(\.$id == id).filter(\.$activatedAt == nil)
            .update()
    }

    public func setPassword(id: UserID, hash: String, on db: Database) async throws {
        try await UserModel.query(on: db).set(\.$passwordHash, to: hash).filter(\.$id == id).update()
    }

    public func setEmail(id: UserID, email: String, on db: Database) async throws {
        try await UserModel.query(on: db).set(\.$email, to: email.lowercased()).filter(\.$id == id).update()
    }

    /// A person's grants (read on every request: plain SQL).
    public func grants(userID: UserID, on db: Database) async throws -> [RoleGrantRecord] {
        try await db.sql.raw(
            "SELECT \(unsafeRaw: RoleGrantRecord.columns) FROM role_grants WHERE user_id = \(bind: userID.rawValue)"
        ).all().map { try RoleGrantRecord(row: $0) }
    }

    public func grants(role: Role, on db: Database) async throws -> [RoleGrantRecord] {
        try await RoleGrantModel.query(on: db).filter(\.$role == role.rawValue).all().map { try $0.record }
    }

    @discardableResult
    public func grant(
        userID: UserID, role: Role, organisationID: OrganisationID? = nil, scope: [String] = [], on db: Database
    ) async throws -> RoleGrantRecord {
        let m = RoleGrantModel()
        m.userID = userID
        m.role = role.rawValue
        m.organisationID = organisationID
        m.scope = scope.joined(separator: ",")
        try await m.create(on: db)
        return try m.record
    }

    public func revoke(userID: UserID, role: Role, organisationID: OrganisationID, on db: Database) async throws {
        try await RoleGrantModel.query(on: db).filter(\.$userID == userID).filter(\.$role == role.rawValue)
            .filter(\.$organisationID == organisationID).delete()
    }
}

/// AMO and social landlord organisations; their registration is reviewed by an administrator
/// (`OrganisationReview`, applied by the lifecycle mechanism).
public struct OrganisationStore: Sendable {
    public init() {}

    public func create(
        kind: OrganisationKind, name: String, identifier: String, department: String,
        status: OrganisationStatus, details: String, isDemo: Bool = false,
        on db: Database
    ) async throws -> OrganisationRecord {
        let m = OrganisationModel()
        m.kind = kind.rawValue
        m.name = name
        m.identifier = identifier
        m.department = department
        m.status = status.rawValue
        m.details = details
        m.isDemo = isDemo
        m.version = 0
        try await m.create(on: db)
        return try m.record
    }

    /// An organisation (read with every dossier page: plain SQL).
    public func find(id: OrganisationID, on db: Database) async throws -> OrganisationRecord? {
        try await db.sql.raw(
            "SELECT \(unsafeRaw: OrganisationRecord.columns) FROM organisations WHERE id = \(bind: id.rawValue)"
        ).first().map { try OrganisationRecord(row: $0) }
    }

    /// Several organisations in one query, by id.
    public func find(ids: Set<OrganisationID>, on db: Database) async throws -> [OrganisationID: OrganisationRecord] {
        guard !ids.isEmpty else { return [:] }
        let records = try await OrganisationModel.query(on: db).filter(\.$id ~~ Array(ids)).all().map { try $0.record }
        return Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func find(kind: OrganisationKind, identifier: String, on db: Database) async throws -> [OrganisationRecord] {
        try await OrganisationModel.query(on: db).filter(\.$kind == kind.rawValue).filter(\.$identifier == identifier)
            .all().map { try $0.record }
    }

    public func list(
        kind: OrganisationKind, status: OrganisationStatus? = nil, on db: Database
    ) async throws
        -> [OrganisationRecord]
    {
        var q = OrganisationModel.query(on: db).filter(\.$kind == kind.rawValue)
        if let status { q = q.filter(\.$status == status.rawValue) }
        // French order whatever the database's collation (issue #11: « Saint-Éloi » came after
        // « Saint-Victor »).
        return FrenchText.sorted(try await q.all().map { try $0.record }, by: \.name)
    }

    /// Where a page of decided organisations ended: its last decision.
    public static func cursor(of o: OrganisationRecord) -> TimeCursor {
        TimeCursor(at: o.decidedAt ?? Date(timeIntervalSince1970: 0), id: o.id.rawValue)
    }

    /// Decided organisations of a kind, newest decision first, `limit` at a time (keyset).
    public func decided(
        kind: OrganisationKind, after cursor: TimeCursor?, limit: Int, on db: Database
    ) async throws
        -> [OrganisationRecord]
    {
        var q = OrganisationModel.query(on: db).filter(\.$kind == kind.rawValue)
            .filter(\.$status != OrganisationStatus.pending.rawValue)
        if let cursor {
            q = q.group(.or) { group in
                group.filter(\.$decidedAt < cursor.at)
                    .group(.and) { $0.filter(\.$decidedAt == cursor.at).filter(\.$id < OrganisationID(cursor.id)) }
            }
        }
        return try await q.sort(\.$decidedAt, .descending).sort(\.$id, .descending).limit(limit).all()
            .map { try $0.record }
    }

    /// The organisation read again under its row lock, for a transition applied in this transaction.
    public func locked(id: OrganisationID, on db: Database) async throws -> OrganisationRecord? {
        try await TransitionStore.lock(table: OrganisationModel.schema, id: id.rawValue, on: db)
        return try await find(id: id, on: db)
    }

    /// The columns a decision sets beside the new status.
    public static func decisionColumns(by: UserID, reason: String?, at: Date) -> [TransitionStore.Column] {
        [.init("decided_by", by), .init("decided_at", at), .init("decision_reason", reason)]
    }
}
