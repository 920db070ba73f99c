import Foundation
import GuichetDomain
import Vapor

/// The queue's tab counts, kept a few seconds per scope and filters (issue #13): counting the
/// dossiers of a region by state reads tens of thousands of index entries, while the list itself
/// reads one page; twenty instructors of a region share one count every `lifetime` seconds. The
/// page says the counts may be that old; the list is always read live.
actor QueueCountsCache {
    static let lifetime: TimeInterval = 10
    private var entries: [String: (at: Date, counts: [DossierState: Int])] = [:]

    func counts(
        key: String, now: Date, compute: @Sendable () async throws -> [DossierState: Int]
    ) async throws -> [DossierState: Int] {
        if let hit = entries[key], now.timeIntervalSince(hit.at) < Self.lifetime, now >= hit.at { return hit.counts }
        let counts = try await compute()
        if entries.count > 1_000 { entries.removeAll() }
        entries[key] = (now, counts)
        return counts
    }

    /// After a decision the next page counts again.
    func clear() { entries.removeAll() }
}

struct QueueCountsCacheKey: StorageKey { typealias Value = QueueCountsCache }

extension Application {
    var queueCounts: QueueCountsCache {
        get { storage[QueueCountsCacheKey.self] ?? QueueCountsCache() }
        set { storage[QueueCountsCacheKey.self] = newValue }
    }
}
