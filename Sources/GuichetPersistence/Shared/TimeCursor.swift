import Foundation

/// Where a keyset page ordered by an instant, newest first, ended: the instant and the
/// identifier of its last row (ties broken by identifier). Written in a query string as
/// `1733054400.5_UUID`; the instant round-trips exactly (the shortest text of its `Double`).
public struct TimeCursor: Sendable, Equatable {
    public let at: Date
    public let id: UUID

    public init(at: Date, id: UUID) {
        self.at = at
        self.id = id
    }

    public var text: String { "\(at.timeIntervalSince1970)_\(id.uuidString)" }

    public init?(text: String) {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let seconds = Double(parts[0]), seconds.isFinite,
            let id = UUID(uuidString: String(parts[1]))
        else { return nil }
        self.init(at: Date(timeIntervalSince1970: seconds), id: id)
    }
}
