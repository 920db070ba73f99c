/// A parameter value with the date from which it applies and where it comes from.
public struct Dated<Value: Sendable & Hashable>: Sendable, Hashable {
    public let validFrom: Day
    public let value: Value
    public let source: String
    public init(from validFrom: Day, _ value: Value, source: String) {
        self.validFrom = validFrom
        self.value = value
        self.source = source
    }
}

/// The successive values of one parameter (`RULES.md`, Parameters). The value in force on a
/// date is the last one that started on or before it.
public struct DatedSeries<Value: Sendable & Hashable>: Sendable, Hashable {
    public let id: String
    public let label: String
    /// Oldest first.
    public let entries: [Dated<Value>]

    public init(id: String, label: String, entries: [Dated<Value>]) {
        precondition(!entries.isEmpty, "a parameter needs at least one value")
        self.id = id
        self.label = label
        self.entries = entries.sorted { $0.validFrom < $1.validFrom }
    }

    /// The value in force on `day`; before the first value, the first one, with a warning.
    public func resolve(at day: Day, warnings: inout [Warning]) -> Value {
        if let hit = entries.last(where: { $0.validFrom <= day }) { return hit.value }
        warnings.append(
            Warning(
                nil, "\(id) : aucune valeur connue au \(day.french), valeur du \(entries[0].validFrom.french) appliquée"
            ))
        return entries[0].value
    }

    /// A copy with a new value from a date (an administrator's edit); a value from the same date
    /// replaces the previous one.
    public func adding(_ entry: Dated<Value>) -> DatedSeries {
        DatedSeries(id: id, label: label, entries: entries.filter { $0.validFrom != entry.validFrom } + [entry])
    }
}
