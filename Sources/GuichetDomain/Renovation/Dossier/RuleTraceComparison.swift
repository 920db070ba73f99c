/// The rule trace stored at filing beside the same rules decided again today (issue #13: the
/// parameters may have changed since): rule by rule, what differs is marked. Pure.
public enum RuleTraceComparison {
    /// One rule's decision as stored: its id, status and explanation.
    public struct Decision: Sendable, Equatable, Codable {
        public let rule: String
        public let status: String
        public let message: String
        public init(rule: String, status: String, message: String) {
            self.rule = rule
            self.status = status
            self.message = message
        }
        public init(_ c: Criterion) { self.init(rule: c.rule.rawValue, status: c.status.rawValue, message: c.message) }
    }

    public struct Line: Sendable, Equatable {
        public let rule: String
        public let filed: Decision?
        public let today: Decision?
        /// The status changed (a rule now failing or passing): what an instructor must see first.
        public var statusChanged: Bool { filed?.status != today?.status }
        /// Anything changed, the explanation included (a ceiling or a rate moved).
        public var changed: Bool { filed != today }
    }

    /// In the filed order, then the rules decided today only; a rule given twice (a criterion per
    /// company) is compared occurrence by occurrence.
    public static func compare(filed: [Decision], today: [Decision]) -> [Line] {
        func occurrences(_ list: [Decision]) -> [(String, Int, Decision)] {
            var seen: [String: Int] = [:]
            return list.map { d in
                let n = seen[d.rule, default: 0]
                seen[d.rule] = n + 1
                return (d.rule, n, d)
            }
        }
        let now = occurrences(today)
        var used = Set<Int>()
        var out: [Line] = []
        for (rule, n, d) in occurrences(filed) {
            let match = now.firstIndex { $0.0 == rule && $0.1 == n }
            if let match { used.insert(match) }
            out.append(Line(rule: rule, filed: d, today: match.map { now[$0].2 }))
        }
        for (i, (rule, _, d)) in now.enumerated() where !used.contains(i) {
            out.append(Line(rule: rule, filed: nil, today: d))
        }
        return out
    }
}
