import GuichetDomain
import GuichetPersistence
import Vapor

/// Who is making the request: a signed-in person (by session cookie) or an API token holder.
struct Principal: Sendable {
    let user: UserRecord
    let grants: [RoleGrantRecord]
    let session: SessionRecord?
    let viaAPIToken: Bool
    /// The organisations of the grants, read with them.
    var organisationRecords: [OrganisationRecord] = []

    var roles: Set<Role> { Set(grants.map(\.role)) }
    func has(_ role: Role) -> Bool { roles.contains(role) }
    /// Organisations the person belongs to, for a role.
    func organisations(for role: Role) -> [OrganisationID] {
        grants.filter { $0.role == role }.compactMap(\.organisationID)
    }
    /// The first accepted organisation of a kind the person belongs to for a role.
    func acceptedOrganisation(for role: Role) -> OrganisationRecord? {
        let ids = organisations(for: role)
        return organisationRecords.first { ids.contains($0.id) && $0.status == .accepted }
    }
    /// The role to record in the audit trail (the highest held).
    var auditRole: String {
        for r in [Role.administrateur, .instructeur, .comite, .amo, .bailleur, .beneficiaire] where has(r) {
            return r.rawValue
        }
        return "aucun"
    }
}

struct PrincipalKey: StorageKey { typealias Value = Principal }
struct AnonymousCSRFKey: StorageKey { typealias Value = String }
struct NewAnonymousCSRFKey: StorageKey { typealias Value = String }

extension Request {
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The signed-in person of a route whose rule requires one; a 401 rather than a trap if a
    /// route were ever registered with a weaker rule.
    func signedIn() throws -> Principal {
        guard let principal else { throw Abort(.unauthorized, reason: "Connectez-vous pour continuer.") }
        return principal
    }

    /// The anti-CSRF token for forms on this page: the session's, or an anonymous visitor's
    /// (created on first use and set as a cookie with the response).
    var csrfToken: String {
        if let s = principal?.session?.csrfToken { return s }
        if let t = storage[AnonymousCSRFKey.self] { return t }
        let t = Tokens.random()
        storage[AnonymousCSRFKey.self] = t
        storage[NewAnonymousCSRFKey.self] = t
        return t
    }

    /// The token a form was checked against: no new token is created for the check itself.
    var expectedCSRFToken: String? { principal?.session?.csrfToken ?? storage[AnonymousCSRFKey.self] }

    /// The client address: the socket's, unless the socket is a trusted proxy that forwarded it.
    var clientAddress: String {
        let socket = remoteAddress?.ipAddress ?? "inconnue"
        let trusted = application.guichetConfig.trustedProxies
        if trusted.contains(socket),
            let forwarded = headers.first(name: "X-Forwarded-For")?
                .split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !forwarded.isEmpty
        {
            return forwarded
        }
        return socket
    }

    var userAgent: String { String((headers.first(name: .userAgent) ?? "").prefix(300)) }
}
