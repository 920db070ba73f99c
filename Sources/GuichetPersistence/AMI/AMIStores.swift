import Fluent
import Foundation
import GuichetDomain
import SQLKit

/// `AMI-K` campaigns: civil opening and closing times with their zone, parameter tables as JSON
/// objects of integers.
public struct CampaignStore: Sendable {
    public init() {}

    public func save(_ c: Campaign, now: Date, on db: Database) async throws -> CampaignRecord {
        let m = try await AMICampaignModel.query(on: db).filter(\.$year == c.year).first() ?? AMICampaignModel()
        m.year = c.year
        m.departments = c.departments.joined(separator: ",")
        m.opensAt = Self.civil(c.window.opens)
        m.closesAt = Self.civil(c.window.closes)
        m.timeZone = c.window.zone.identifier
        m.envelopes = Self.json(c.envelopes.mapValues(\.cents))
        m.quotites = Self.json(
            Dictionary(uniqueKeysWithValues: c.parameters.quotites.map { ($0.key.rawValue, $0.value.tenThousandths) }))
        m.bareme = Self.json(
            Dictionary(uniqueKeysWithValues: c.parameters.bareme.map { ($0.key.rawValue, $0.value.cents) }))
        m.examples = c.parameters.examples
        m.updatedAt = now
        try await m.save(on: db)
        return try m.record
    }

    public func find(year: Int, on db: Database) async throws -> CampaignRecord? {
        try await AMICampaignModel.query(on: db).filter(\.$year == year).first()?.record
    }

    public func find(id: CampaignID, on db: Database) async throws -> CampaignRecord? {
        try await AMICampaignModel.find(id, on: db)?.record
    }

    public func all(on db: Database) async throws -> [CampaignRecord] {
        try await AMICampaignModel.query(on: db).sort(\.$year, .descending).all().map { try $0.record }
    }

    /// `2024-09-30T23:59`, as stored.
    public static func civil(_ t: CivilTime) -> String { "\(t.day.iso)T\(t.hhmm)" }
    static func civil(_ s: String) -> CivilTime? {
        let parts = s.split(separator: "T")
        guard parts.count == 2, let day = Day(iso: parts[0]) else { return nil }
        return CivilTime(day: day, hhmm: String(parts[1]))
    }
    static func json(_ d: [String: Int64]) -> String {
        String(
            decoding: (try? JSONSerialization.data(withJSONObject: d, options: [.sortedKeys])) ?? Data("{}".utf8),
            as: UTF8.self)
    }
    static func integers(_ s: String) -> [String: Int64] {
        ((try? JSONSerialization.jsonObject(with: Data(s.utf8))) as? [String: Any] ?? [:]).compactMapValues {
            ($0 as? NSNumber)?.int64Value
        }
    }
}

struct CorruptRecord: Error, CustomStringConvertible {
    let description: String
}

extension AMICampaignModel {
    var record: CampaignRecord {
        get throws {
            guard let opens = CampaignStore.civil(opensAt), let closes = CampaignStore.civil(closesAt),
                let zone = TimeZone(identifier: timeZone),
                let window = CampaignWindow(opens: opens, closes: closes, zone: zone)
            else {
                throw CorruptRecord(description: "campagne \(year) : dates d'ouverture ou de clôture illisibles")
            }
            let quotites = CampaignStore.integers(self.quotites).reduce(into: [HousingProduct: Rate]()) { out, kv in
                if let p = HousingProduct(rawValue: kv.key) { out[p] = Rate(tenThousandths: kv.value) }
            }
            let bareme = CampaignStore.integers(self.bareme).reduce(into: [HousingProduct: Money]()) { out, kv in
                if let p = HousingProduct(rawValue: kv.key) { out[p] = Money(cents: kv.value) }
            }
            let campaign = Campaign(
                year: year, departments: departments.split(separator: ",").map(String.init), window: window,
                envelopes: CampaignStore.integers(envelopes).mapValues { Money(cents: $0) },
                parameters: CampaignParameters(quotites: quotites, bareme: bareme, examples: examples))
            return CampaignRecord(id: try requireID(), campaign: campaign, updatedAt: updatedAt)
        }
    }
}

/// Landlords' filings and their history.
public struct FilingStore: Sendable {
    public init() {}

    /// The organisation's filing for the department, created as a draft when there is none.
    public func findOrCreate(
        campaignID: CampaignID, organisationID: OrganisationID, department: String, now: Date, on db: Database
    ) async throws -> FilingRecord {
        if let f = try await find(
            campaignID: campaignID, organisationID: organisationID, department: department, on: db)
        {
            return f
        }
        // Two first uploads at once both find nothing: the insert ignores the second one's row
        // (unique campaign, organisation, department) instead of failing, and both read the one
        // that stands (issue #9).
        guard let sql = db as? any SQLDatabase else { throw CorruptRecord(description: "base SQL attendue") }
        try await sql.insert(into: AMIFilingModel.schema)
            .columns("id", "campaign_id", "organisation_id", "department", "status", "created_at")
            .values(
                SQLBind(UUID()), SQLBind(campaignID), SQLBind(organisationID), SQLBind(department),
                SQLBind(FilingState.draft.rawValue), SQLBind(now)
            )
            .ignoringConflicts(with: ["campaign_id", "organisation_id", "department"])
            .run()
        guard
            let f = try await find(
                campaignID: campaignID, organisationID: organisationID, department: department, on: db)
        else {
            throw CorruptRecord(description: "dépôt introuvable après sa création")
        }
        return f
    }

    public func find(
        campaignID: CampaignID, organisationID: OrganisationID, department: String, on db: Database
    ) async throws -> FilingRecord? {
        try await AMIFilingModel.query(on: db).filter(\.$campaignID == campaignID).filter(
            \.$organisationID == organisationID
        )
        .filter(\.$department == department).first()?.record
    }

    public func find(id: FilingID, on db: Database) async throws -> FilingRecord? {
        try await AMIFilingModel.find(id, on: db)?.record
    }

    public func list(organisationID: OrganisationID, on db: Database) async throws -> [FilingRecord] {
        try await AMIFilingModel.query(on: db).filter(\.$organisationID == organisationID).sort(\.$createdAt).all().map
        { try $0.record }
    }

    public func list(campaignID: CampaignID, on db: Database) async throws -> [FilingRecord] {
        try await AMIFilingModel.query(on: db).filter(\.$campaignID == campaignID).sort(\.$department).all().map {
            try $0.record
        }
    }

    /// Sent filings, last sent first, in the given departments (every department when nil): what
    /// staff see of the AMI until its instruction exists (issue #11).
    public func sent(departments: Set<String>?, limit: Int, on db: Database) async throws -> [FilingRecord] {
        var q = AMIFilingModel.query(on: db).filter(\.$status == FilingState.sent.rawValue)
        if let departments { q = q.filter(\.$department ~~ Array(departments)) }
        return try await q.sort(\.$sentAt, .descending).limit(limit).all().map { try $0.record }
    }

    /// The filing read again under its row lock, for a transition applied in this transaction.
    public func locked(_ filing: FilingRecord, on db: Database) async throws -> FilingRecord {
        try await TransitionStore.lock(table: AMIFilingModel.schema, id: filing.id.rawValue, on: db)
        guard let fresh = try await find(id: filing.id, on: db) else {
            throw CorruptRecord(description: "dépôt \(filing.id) disparu")
        }
        return fresh
    }

    public func events(filingID: FilingID, on db: Database) async throws -> [FilingEventRecord] {
        try await TransitionStore.history(kind: FilingRecord.subjectKind, id: filingID.rawValue, on: db)
            .map { FilingEventRecord(at: $0.at, actorLabel: $0.actor.label, text: $0.text) }
    }
}

extension AMIFilingModel {
    /// An unknown stored state is an error, never a default (issue #10).
    var record: FilingRecord {
        get throws {
            guard let id, let state = FilingState(rawValue: status) else {
                throw CorruptRecord(
                    description: "dépôt \(id?.uuidString ?? "sans identifiant") : état « \(status) » inconnu")
            }
            return FilingRecord(
                id: id, campaignID: campaignID, organisationID: organisationID, department: department, state: state,
                currentUploadID: currentUploadID, sentAt: sentAt, sentBy: sentBy, receiptFileID: receiptFileID,
                createdAt: createdAt, version: version)
        }
    }
}
