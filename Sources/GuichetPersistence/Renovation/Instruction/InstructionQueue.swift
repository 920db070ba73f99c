import FluentKit
import Foundation
import GuichetDomain
import SQLKit

/// The instructor's queue (issue #13): filed dossiers of a scope, filtered, searched, oldest filing
/// first, `limit` at a time after a cursor (keyset on `(filed_at, id)`, which the
/// `dossiers_by_queue` index answers with the state and department).
public struct InstructionFilter: Sendable, Equatable {
    /// The departments the instructor may see; nil: every department.
    public var scope: Set<String>?
    public var state: DossierState?
    public var department: String?
    public var amo: OrganisationID?
    public var minAmount: Money?
    public var maxAmount: Money?
    /// Filed before this instant (the age filter).
    public var filedBefore: Date?
    public var assignedTo: UserID?
    /// Only dossiers with a document refused at review.
    public var rejectedDocuments = false
    /// Only dossiers holding a dated document that is no longer valid on this day (`RENO-D`).
    public var expiringOn: Day?
    public var search: String?

    public init(scope: Set<String>?) { self.scope = scope }

    /// The states an instructor works on, in the order of the queue's tabs.
    public static let states: [DossierState] = [
        .filed, .inInstruction, .toCorrect, .validated, .awaitingSignature, .agreementSigned, .refused, .cancelled,
    ]
}

/// A dossier as the queue lists it.
public struct InstructionRow: Sendable, Equatable {
    public let id: DossierID
    public let reference: String
    public let beneficiaryName: String
    public let department: String?
    public let state: DossierState
    public let amoName: String?
    public let granted: Money?
    public let filedAt: Date?
    public let updatedAt: Date
    public let assignee: String?
}

public struct InstructionQueueStore: Sendable {
    public init() {}

    static let columns: SQLQueryString = """
        SELECT d.id, d.reference, d.beneficiary_name, d.department, d.status, d.granted_cents, d.filed_at,
          d.updated_at, o.name AS amo_name, u.display_name AS assignee
        FROM renovation_dossiers d
        LEFT JOIN organisations o ON o.id = d.amo_id
        LEFT JOIN users u ON u.id = d.assigned_to
        """

    public func rows(
        _ filter: InstructionFilter, after cursor: TimeCursor?, limit: Int, on db: Database
    ) async throws -> [InstructionRow] {
        var q = Self.columns + " WHERE " + conditions(filter)
        if let cursor {
            q += " AND (d.filed_at, d.id) > (\(bind: cursor.at), \(bind: cursor.id))"
        }
        q += " ORDER BY d.filed_at, d.id LIMIT \(unsafeRaw: String(max(1, min(limit, 100_000))))"
        return try await db.sql.raw(q).all().map(Self.row)
    }

    /// How many dossiers each state holds under the filter (its own state aside): the tabs' counts.
    public func counts(_ filter: InstructionFilter, on db: Database) async throws -> [DossierState: Int] {
        var all = filter
        all.state = nil
        let q: SQLQueryString =
            "SELECT d.status, COUNT(*) AS n FROM renovation_dossiers d WHERE " + conditions(all)
            + " GROUP BY d.status"
        var out: [DossierState: Int] = [:]
        for row in try await db.sql.raw(q).all() {
            guard let state = DossierState(rawValue: try row.decode(column: "status", as: String.self)) else {
                continue
            }
            out[state] = try row.decode(column: "n", as: Int.self)
        }
        return out
    }

    func conditions(_ f: InstructionFilter) -> SQLQueryString {
        var parts: [SQLQueryString] = [
            "d.status IN (\(binds: (f.state.map { [$0] } ?? InstructionFilter.states).map(\.rawValue)))"
        ]
        if let scope = f.scope { parts.append(scope.isEmpty ? "1 = 0" : "d.department IN (\(binds: scope.sorted()))") }
        if let department = f.department { parts.append("d.department = \(bind: department)") }
        if let amo = f.amo { parts.append("d.amo_id = \(bind: amo.rawValue)") }
        if let min = f.minAmount { parts.append("d.granted_cents >= \(bind: min.cents)") }
        if let max = f.maxAmount { parts.append("d.granted_cents <= \(bind: max.cents)") }
        if let before = f.filedBefore { parts.append("d.filed_at < \(bind: before)") }
        if let who = f.assignedTo { parts.append("d.assigned_to = \(bind: who.rawValue)") }
        if f.rejectedDocuments {
            parts.append(
                "EXISTS (SELECT 1 FROM dossier_document_reviews r WHERE r.dossier_id = d.id AND r.verdict = 'refusée')")
        }
        if let day = f.expiringOn { parts.append(expired(on: day)) }
        if let search = f.search.map(SearchText.query), !search.isEmpty {
            parts.append("d.search_text LIKE \(bind: SearchText.pattern(search))")
        }
        return parts.map { "(" + $0 + ")" }.joined(separator: " AND ")
    }

    /// A dossier's own dated document older than its kind allows on `day` (`RENO-D`).
    func expired(on day: Day) -> SQLQueryString {
        let byAge = Dictionary(grouping: DocumentKind.allCases.filter { $0.maxAgeMonths != nil }) {
            $0.maxAgeMonths ?? 0
        }
        let cases: [SQLQueryString] = byAge.keys.sorted().map { months in
            let kinds = (byAge[months] ?? []).map(\.rawValue)
            return "(x.kind IN (\(binds: kinds)) AND x.document_date < \(bind: day.adding(months: -months).iso))"
        }
        guard !cases.isEmpty else { return "1 = 0" }
        return "EXISTS (SELECT 1 FROM dossier_documents x WHERE x.dossier_id = d.id AND ("
            + cases.joined(separator: " OR ") + "))"
    }

    static func row(_ row: any SQLRow) throws -> InstructionRow {
        let reference = try row.decode(column: "reference", as: String.self)
        let stored = try row.decode(column: "status", as: String.self)
        guard let state = DossierState(rawValue: stored) else {
            throw CorruptRecord(description: "dossier \(reference) : état « \(stored) » inconnu")
        }
        return InstructionRow(
            id: DossierID(try row.decode(column: "id", as: UUID.self)), reference: reference,
            beneficiaryName: try row.decode(column: "beneficiary_name", as: String.self),
            department: try row.decode(column: "department", as: String?.self), state: state,
            amoName: try row.decode(column: "amo_name", as: String?.self),
            granted: try row.decode(column: "granted_cents", as: Int64?.self).map(Money.init(cents:)),
            filedAt: try row.decode(column: "filed_at", as: Date?.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self),
            assignee: try row.decode(column: "assignee", as: String?.self))
    }
}
