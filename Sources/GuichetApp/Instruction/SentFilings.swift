import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews

/// The sent AMI filings staff may see (issue #11), with their landlord and synthesis, newest
/// first. Explicit dependencies; no Vapor.
struct SentFilings {
    let db: Database
    let reference: ReferenceData

    /// The departments an instructor's scope covers (`974`, or a region `R84` for all of its
    /// departments); nil for administrators and the committee, who see every department.
    static func departments(of grants: [RoleGrantRecord], reference: ReferenceData) -> Set<String>? {
        if grants.contains(where: { $0.role == .administrateur || $0.role == .comite }) { return nil }
        var out = Set<String>()
        for grant in grants where grant.role == .instructeur {
            for entry in grant.scope {
                if entry.hasPrefix("R") {
                    let region = String(entry.dropFirst())
                    out.formUnion(reference.departments.values.filter { $0.regionCode == region }.map(\.code))
                } else {
                    out.insert(entry)
                }
            }
        }
        return out
    }

    func list(departments: Set<String>?, limit: Int = 50) async throws -> [InstructionHome.SentFiling] {
        let filings = try await FilingStore().sent(departments: departments, limit: limit, on: db)
        var years: [UUID: Int] = [:]
        for c in try await CampaignStore().all(on: db) { years[c.id] = c.campaign.year }
        var out: [InstructionHome.SentFiling] = []
        for f in filings {
            let org = try await OrganisationStore().find(id: f.organisationID, on: db)
            let upload = try await f.currentUploadID.asyncMap { try await UploadStore().find(id: $0, on: db) } ?? nil
            out.append(
                .init(
                    year: years[f.campaignID] ?? 0, department: f.department,
                    departmentName: reference.departments[f.department]?.name ?? "", landlord: org?.name ?? "",
                    sentAt: f.sentAt, synthesis: upload?.synthesis))
        }
        return out
    }
}
