import FluentKit
import Foundation
import GuichetDomain
import SQLKit

// The records read on every request (who is signed in, their rights, their organisation) by
// plain SQL, without Fluent's models: issue #12's benchmark found Fluent's reflection and query
// building in a third of a page's time. The columns are those of the models (`UserModel.swift`),
// the checks those of their `record` (an unknown stored value is an error, never a default).

extension UserRecord {
    static func columns(_ t: String) -> String {
        SQLColumns.prefixed(
            ["id", "email", "password_hash", "display_name", "phone", "activated_at", "is_demo", "created_at"], t)
    }

    init(row: any SQLRow, prefix: String) throws {
        let t = SQLColumns.label(prefix)
        self.init(
            id: UserID(try row.decode(column: t + "id", as: UUID.self)),
            email: try row.decode(column: t + "email", as: String.self),
            passwordHash: try row.decode(column: t + "password_hash", as: String.self),
            displayName: try row.decode(column: t + "display_name", as: String.self),
            phone: try row.decode(column: t + "phone", as: String?.self),
            activatedAt: try row.decode(column: t + "activated_at", as: Date?.self),
            isDemo: try row.decode(column: t + "is_demo", as: Bool.self),
            createdAt: try row.decode(column: t + "created_at", as: Date?.self))
    }
}

extension SessionRecord {
    static func columns(_ t: String) -> String {
        SQLColumns.prefixed(["id", "user_id", "csrf_token", "created_at", "last_seen_at", "expires_at"], t)
    }

    init(row: any SQLRow, prefix: String) throws {
        let t = SQLColumns.label(prefix)
        self.init(
            id: try row.decode(column: t + "id", as: UUID.self),
            userID: UserID(try row.decode(column: t + "user_id", as: UUID.self)),
            csrfToken: try row.decode(column: t + "csrf_token", as: String.self),
            createdAt: try row.decode(column: t + "created_at", as: Date.self),
            lastSeenAt: try row.decode(column: t + "last_seen_at", as: Date.self),
            expiresAt: try row.decode(column: t + "expires_at", as: Date.self))
    }
}

extension RoleGrantRecord {
    static let names = ["id", "user_id", "role", "organisation_id", "scope"]
    static let columns = names.joined(separator: ", ")
    static func columns(_ t: String) -> String { SQLColumns.prefixed(names, t) }

    init(row: any SQLRow, prefix: String = "") throws {
        let t = SQLColumns.label(prefix)
        let id = try row.decode(column: t + "id", as: UUID.self)
        let stored = try row.decode(column: t + "role", as: String.self)
        guard let role = Role(rawValue: stored) else {
            throw CorruptRecord(description: "droit \(id.uuidString) : rôle « \(stored) » inconnu")
        }
        self.init(
            id: id, userID: UserID(try row.decode(column: t + "user_id", as: UUID.self)), role: role,
            organisationID: try row.decode(column: t + "organisation_id", as: UUID?.self).map { OrganisationID($0) },
            scope: try row.decode(column: t + "scope", as: String.self).split(separator: ",").map(String.init))
    }
}

extension OrganisationRecord {
    static let names = [
        "id", "kind", "name", "identifier", "department", "status", "details", "decided_at", "decision_reason",
        "is_demo", "created_at", "version",
    ]
    static let columns = names.joined(separator: ", ")
    static func columns(_ t: String) -> String { SQLColumns.prefixed(names, t) }

    init(row: any SQLRow, prefix: String = "") throws {
        let t = SQLColumns.label(prefix)
        let name = try row.decode(column: t + "name", as: String.self)
        let kind = try row.decode(column: t + "kind", as: String.self)
        let status = try row.decode(column: t + "status", as: String.self)
        guard let k = OrganisationKind(rawValue: kind), let s = OrganisationStatus(rawValue: status) else {
            throw CorruptRecord(
                description: "organisation « \(name) » : nature « \(kind) » ou état « \(status) » inconnu")
        }
        self.init(
            id: OrganisationID(try row.decode(column: t + "id", as: UUID.self)), kind: k, name: name,
            identifier: try row.decode(column: t + "identifier", as: String.self),
            department: try row.decode(column: t + "department", as: String.self), status: s,
            details: try row.decode(column: t + "details", as: String.self),
            decidedAt: try row.decode(column: t + "decided_at", as: Date?.self),
            decisionReason: try row.decode(column: t + "decision_reason", as: String?.self),
            isDemo: try row.decode(column: t + "is_demo", as: Bool.self),
            createdAt: try row.decode(column: t + "created_at", as: Date?.self),
            version: try row.decode(column: t + "version", as: Int.self))
    }
}

/// Columns of a table read beside another's in one query, each under its table's prefix
/// (`u.email AS u_email`), and the prefix of a row's labels.
enum SQLColumns {
    static func prefixed(_ names: [String], _ t: String) -> String {
        names.map { "\(t).\($0) AS \(t)_\($0)" }.joined(separator: ", ")
    }

    /// `"u"` → `"u_"`; no prefix → the bare column names.
    static func label(_ prefix: String) -> String { prefix.isEmpty ? "" : prefix + "_" }
}

extension Database {
    /// This database's SQL side (both drivers have one).
    var sql: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else { throw CorruptRecord(description: "base SQL attendue") }
            return sql
        }
    }
}
