import Foundation
import GuichetDomain

/// Plain values handed out by the account stores (Fluent models never leave persistence).
public struct UserRecord: Sendable, Equatable {
    public let id: UserID
    public let email: String
    public let passwordHash: String
    public let displayName: String
    public let phone: String?
    public let activatedAt: Date?
    public let isDemo: Bool
    public let createdAt: Date?
}

public struct RoleGrantRecord: Sendable, Equatable {
    public let id: UUID
    public let userID: UserID
    public let role: Role
    public let organisationID: OrganisationID?
    public let scope: [String]
}

public struct OrganisationRecord: Sendable, Equatable {
    public let id: OrganisationID
    public let kind: OrganisationKind
    public let name: String
    public let identifier: String
    public let department: String
    public let status: OrganisationStatus
    public let details: String
    public let decidedAt: Date?
    public let decisionReason: String?
    public let isDemo: Bool
    public let createdAt: Date?
    public let version: Int

    /// The organisation as its review moves it.
    public var subject: LifecycleSubject {
        LifecycleSubject(table: "organisations", kind: "organisation", id: id.rawValue, version: version)
    }
}

public struct SessionRecord: Sendable, Equatable {
    public let id: UUID
    public let userID: UserID
    public let csrfToken: String
    public let createdAt: Date
    public let lastSeenAt: Date
    public let expiresAt: Date
}

public struct OneTimeTokenRecord: Sendable, Equatable {
    public let id: UUID
    public let userID: UserID
    public let purpose: String
    public let payload: String
    public let expiresAt: Date
}

public struct APITokenRecord: Sendable, Equatable {
    public let id: APITokenID
    public let userID: UserID
    public let name: String
    public let createdAt: Date
    public let lastUsedAt: Date?
    public let revokedAt: Date?
}

/// How a notification travels.
public enum OutboxChannel: String, Sendable, CaseIterable, Codable {
    case email
    case sms

    public var french: String {
        switch self {
        case .email: "e-mail"
        case .sms: "SMS"
        }
    }
}

/// Where a notification stands: waiting (first attempt or retry), sent, or given up.
public enum OutboxStatus: String, Sendable, CaseIterable, Codable {
    case pending
    case sent
    case failed

    public var french: String {
        switch self {
        case .pending: "en attente"
        case .sent: "envoyé"
        case .failed: "abandonné"
        }
    }
}

public struct OutboxRecord: Sendable, Equatable {
    /// A record not read from the database (tests of the senders).
    public static func make(
        channel: OutboxChannel, recipient: String, subject: String = "", body: String
    ) -> OutboxRecord {
        OutboxRecord(
            id: OutboxMessageID(), channel: channel, recipient: recipient, subject: subject, body: body,
            status: .pending,
            attempts: 0, lastError: nil, createdAt: Date(), sentAt: nil)
    }

    public let id: OutboxMessageID
    public let channel: OutboxChannel
    public let recipient: String
    public let subject: String
    public let body: String
    public let status: OutboxStatus
    public let attempts: Int
    public let lastError: String?
    public let createdAt: Date
    public let sentAt: Date?
}

public struct AuditRecord: Sendable, Equatable {
    public let seq: Int
    public let at: Date
    public let actorID: UserID?
    public let actorLabel: String
    public let actorRole: String
    public let action: String
    public let objectType: String
    public let objectID: String
    public let clientAddress: String
    public let userAgent: String
    public let detail: String
    public let previousHash: String
    public let hash: String
}

extension UserModel {
    var record: UserRecord {
        get throws {
            UserRecord(
                id: try requireID(), email: email, passwordHash: passwordHash, displayName: displayName, phone: phone,
                activatedAt: activatedAt, isDemo: isDemo, createdAt: createdAt)
        }
    }
}
extension RoleGrantModel {
    /// An unknown stored role is an error, never a default (issue #10).
    var record: RoleGrantRecord {
        get throws {
            guard let id, let role = Role(rawValue: role) else {
                throw CorruptRecord(
                    description: "droit \(id?.uuidString ?? "sans identifiant") : rôle « \(role) » inconnu")
            }
            return RoleGrantRecord(
                id: id, userID: userID, role: role, organisationID: organisationID,
                scope: scope.split(separator: ",").map(String.init))
        }
    }
}
extension OrganisationModel {
    /// An unknown stored kind or status is an error, never a default (issue #10).
    var record: OrganisationRecord {
        get throws {
            guard let id, let kind = OrganisationKind(rawValue: kind), let status = OrganisationStatus(rawValue: status)
            else {
                throw CorruptRecord(
                    description: "organisation « \(name) » : nature « \(kind) » ou état « \(status) » inconnu")
            }
            return OrganisationRecord(
                id: id, kind: kind, name: name, identifier: identifier, department: department, status: status,
                details: details, decidedAt: decidedAt, decisionReason: decisionReason, isDemo: isDemo,
                createdAt: createdAt, version: version)
        }
    }
}
extension SessionModel {
    var record: SessionRecord {
        get throws {
            SessionRecord(
                id: try requireID(), userID: userID, csrfToken: csrfToken, createdAt: createdAt,
                lastSeenAt: lastSeenAt, expiresAt: expiresAt)
        }
    }
}
extension OutboxModel {
    /// An unknown stored channel or status is an error, never a default (issue #10).
    var record: OutboxRecord {
        get throws {
            guard let id, let channel = OutboxChannel(rawValue: channel), let status = OutboxStatus(rawValue: status)
            else {
                throw CorruptRecord(
                    description: "message \(id?.uuidString ?? "sans identifiant") : canal ou état inconnu")
            }
            return OutboxRecord(
                id: id, channel: channel, recipient: recipient, subject: subject, body: body, status: status,
                attempts: attempts, lastError: lastError, createdAt: createdAt, sentAt: sentAt)
        }
    }
}
extension AuditEntryModel {
    var record: AuditRecord {
        get throws {
            AuditRecord(
                seq: try requireID(), at: at, actorID: actorID, actorLabel: actorLabel, actorRole: actorRole,
                action: action,
                objectType: objectType, objectID: objectID, clientAddress: clientAddress, userAgent: userAgent,
                detail: detail, previousHash: previousHash, hash: hash)
        }
    }
}
