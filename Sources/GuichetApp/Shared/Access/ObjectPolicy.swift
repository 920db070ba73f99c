import GuichetDomain
import GuichetPersistence
import Vapor

/// Who may see or act on an object (issue #10): one place, used by the web pages and the API.
/// A route's rule (`Access`) says who may use the route; this policy says whose objects it
/// reaches. What is refused answers 404, as an object that does not exist: nobody learns that
/// another's object is there.
///
/// - A landlord's filing and its tables: the organisation's members see and act; staff see
///   (an instructor within the scope of departments and regions, the committee, administrators).
/// - An organisation: its members see and act; administrators see.
/// - An API token: its owner only.
/// The renovation dossier adds the beneficiary, the AMO acting for them and staff by scope.
struct ObjectPolicy: Sendable {
    enum Action: Sendable {
        case see
        case act
        /// Instruct a filed dossier (issue #13): an instructor of its department or region.
        case instruct
    }

    enum Object: Sendable {
        case filing(FilingRecord)
        case organisation(OrganisationRecord)
        case apiToken(owner: UserID)
        case dossier(DossierRecord)
    }

    /// The region of a department (`974` → `R04`), for instructors' scopes.
    let regionOf: @Sendable (String) -> String?

    func allows(_ p: Principal?, _ action: Action, _ object: Object) -> Bool {
        guard let p else { return false }
        if action == .instruct {
            guard case .dossier(let d) = object else { return false }
            return dossier(p, .instruct, d)
        }
        switch object {
        case .filing(let filing):
            let member = p.organisations(for: .bailleur).contains(filing.organisationID)
            return member || (action == .see && staffSees(p, department: filing.department))
        case .organisation(let organisation):
            let member = p.organisations(for: organisation.kind.memberRole).contains(organisation.id)
            return member || (action == .see && p.has(.administrateur))
        case .apiToken(let owner):
            return p.user.id == owner
        case .dossier(let d):
            return dossier(p, action, d)
        }
    }

    /// A renovation dossier: its beneficiary sees and acts; the AMO it names sees it once chosen
    /// (to accept the mandate) and acts once mandated, or while confirming the dossier it created;
    /// staff see filed dossiers of their scope (the dwelling's department).
    func dossier(_ p: Principal, _ action: Action, _ d: DossierRecord) -> Bool {
        if action == .instruct {
            // Nobody instructs their own dossier, nor one of their AMO's.
            let own = p.user.id == d.beneficiaryID || d.amoID.map(p.organisations(for: .amo).contains) == true
            guard !own, d.state != .draft, let insee = d.answers.dwelling.insee.flatMap(InseeCode.init) else {
                return false
            }
            return instructs(p, department: insee.departmentCode)
        }
        if p.user.id == d.beneficiaryID { return true }
        if let amo = d.amoID, p.organisations(for: .amo).contains(amo) {
            switch d.mandate {
            case .accepted: return true
            case .requested: return action == .see
            case .none: return d.createdByAMO
            }
        }
        guard action == .see, d.state != .draft, let insee = d.answers.dwelling.insee.flatMap(InseeCode.init) else {
            return false
        }
        return staffSees(p, department: insee.departmentCode)
    }

    /// An instructor whose scope holds the department (or its region).
    func instructs(_ p: Principal, department: String) -> Bool {
        let region = regionOf(department).map { "R" + $0 }
        return p.grants.contains { grant in
            grant.role == .instructeur && (grant.scope.contains(department) || region.map(grant.scope.contains) == true)
        }
    }

    /// Administrators and the committee see every department; an instructor those of their scope.
    func staffSees(_ p: Principal, department: String) -> Bool {
        if p.has(.administrateur) || p.has(.comite) { return true }
        return instructs(p, department: department)
    }
}

extension Request {
    var policy: ObjectPolicy {
        let departments = application.referenceData.departments
        return ObjectPolicy(regionOf: { departments[$0]?.regionCode })
    }

    /// The object when the person may `action` it; otherwise 404, as if it did not exist.
    func require(_ action: ObjectPolicy.Action, _ object: ObjectPolicy.Object) throws {
        guard policy.allows(principal, action, object) else { throw Abort(.notFound) }
    }
}
