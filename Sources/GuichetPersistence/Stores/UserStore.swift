import Fluent
import Foundation

/// People, their roles and their organisations.
public struct UserStore: Sendable {
    public init() {}

    public func create(email: String, passwordHash: String, displayName: String, phone: String? = nil,
                       activatedAt: Date? = nil, isDemo: Bool = false, on db: Database) async throws -> UserRecord {
        let m = UserModel()
        m.email = email.lowercased(); m.passwordHash = passwordHash; m.displayName = displayName
        m.phone = phone; m.activatedAt = activatedAt; m.isDemo = isDemo
        try await m.create(on: db)
        return m.record
    }

    public func find(email: String, on db: Database) async throws -> UserRecord? {
        try await UserModel.query(on: db).filter(\.$email == email.lowercased()).first()?.record
    }

    public func find(id: UUID, on db: Database) async throws -> UserRecord? {
        try await UserModel.find(id, on: db)?.record
    }

    public func all(on db: Database) async throws -> [UserRecord] {
        try await UserModel.query(on: db).sort(\.$email).all().map(\.record)
    }

    public func countNonDemo(on db: Database) async throws -> Int {
        try await UserModel.query(on: db).filter(\.$isDemo == false).count()
    }

    public func activate(id: UUID, at: Date, on db: Database) async throws {
        try await UserModel.query(on: db).set(\.$activatedAt, to: at).filter(\.$id == id).filter(\.$activatedAt == nil).update()
    }

    public func setPassword(id: UUID, hash: String, on db: Database) async throws {
        try await UserModel.query(on: db).set(\.$passwordHash, to: hash).filter(\.$id == id).update()
    }

    public func setEmail(id: UUID, email: String, on db: Database) async throws {
        try await UserModel.query(on: db).set(\.$email, to: email.lowercased()).filter(\.$id == id).update()
    }

    public func grants(userID: UUID, on db: Database) async throws -> [RoleGrantRecord] {
        try await RoleGrantModel.query(on: db).filter(\.$userID == userID).all().map(\.record)
    }

    public func grants(role: String, on db: Database) async throws -> [RoleGrantRecord] {
        try await RoleGrantModel.query(on: db).filter(\.$role == role).all().map(\.record)
    }

    @discardableResult
    public func grant(userID: UUID, role: String, organisationID: UUID? = nil, scope: [String] = [], on db: Database) async throws -> RoleGrantRecord {
        let m = RoleGrantModel()
        m.userID = userID; m.role = role; m.organisationID = organisationID; m.scope = scope.joined(separator: ",")
        try await m.create(on: db)
        return m.record
    }

    public func revoke(userID: UUID, role: String, organisationID: UUID, on db: Database) async throws {
        try await RoleGrantModel.query(on: db).filter(\.$userID == userID).filter(\.$role == role)
            .filter(\.$organisationID == organisationID).delete()
    }
}

/// AMO and social landlord organisations; AMO requests are reviewed by an administrator.
public struct OrganisationStore: Sendable {
    public init() {}

    public func create(kind: String, name: String, identifier: String, department: String, status: String,
                       details: String, isDemo: Bool = false, on db: Database) async throws -> OrganisationRecord {
        let m = OrganisationModel()
        m.kind = kind; m.name = name; m.identifier = identifier; m.department = department
        m.status = status; m.details = details; m.isDemo = isDemo
        try await m.create(on: db)
        return m.record
    }

    public func find(id: UUID, on db: Database) async throws -> OrganisationRecord? {
        try await OrganisationModel.find(id, on: db)?.record
    }

    public func find(kind: String, identifier: String, on db: Database) async throws -> [OrganisationRecord] {
        try await OrganisationModel.query(on: db).filter(\.$kind == kind).filter(\.$identifier == identifier).all().map(\.record)
    }

    public func list(kind: String, status: String? = nil, on db: Database) async throws -> [OrganisationRecord] {
        var q = OrganisationModel.query(on: db).filter(\.$kind == kind)
        if let status { q = q.filter(\.$status == status) }
        return try await q.sort(\.$name).all().map(\.record)
    }

    /// Records a decision on a pending request; false when it was already decided.
    public func decide(id: UUID, status: String, by: UUID, reason: String?, at: Date, on db: Database) async throws -> Bool {
        guard let m = try await OrganisationModel.find(id, on: db), m.status == "pending" else { return false }
        m.status = status; m.decidedBy = by; m.decidedAt = at; m.decisionReason = reason
        try await m.update(on: db)
        return true
    }
}
