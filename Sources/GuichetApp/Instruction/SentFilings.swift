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
        var years: [CampaignID: Int] = [:]
        for c in try await CampaignStore().all(on: db) { years[c.id] = c.campaign.year }
        // Whatever the number of filings, their organisations and current tables in one query each.
        let organisations = try await OrganisationStore().find(ids: Set(filings.map(\.organisationID)), on: db)
        let uploads = try await UploadStore().find(ids: Set(filings.compactMap(\.currentUploadID)), on: db)
        return filings.map { f in
            InstructionHome.SentFiling(
                year: years[f.campaignID] ?? 0, department: f.department,
                departmentName: reference.departments[f.department]?.name ?? "",
                landlord: organisations[f.organisationID]?.name ?? "", sentAt: f.sentAt,
                synthesis: f.currentUploadID.flatMap { uploads[$0]?.synthesis })
        }
    }
}
