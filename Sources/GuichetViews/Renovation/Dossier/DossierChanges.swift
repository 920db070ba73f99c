import GuichetDomain

/// What changed in a dossier between two filings (issue #13: the instructor sees a refiled
/// dossier's corrections field by field and document by document). Pure: the two versions'
/// review sections (the labels the pages show) and documents in, the differences out.
public enum DossierChanges {
    public struct Change: Sendable, Equatable {
        public let step: DossierStep
        public let label: String
        /// nil: the line is new.
        public let before: String?
        /// nil: the line is gone.
        public let after: String?
    }

    /// A document as the comparison needs it: its name on the checklist and its content's hash.
    public struct Document: Sendable, Equatable {
        public let label: String
        public let sha256: String
        public init(label: String, sha256: String) {
            self.label = label
            self.sha256 = sha256
        }
    }

    /// Line by line, in the order of the newer version (then the lines gone); a label repeated
    /// within a step (two co-applicants) is compared occurrence by occurrence.
    public static func answers(_ old: [DossierOverview.Section], _ new: [DossierOverview.Section]) -> [Change] {
        let before = keyed(old)
        var out: [Change] = []
        var seen = Set<Key>()
        for (key, value) in keyed(new) {
            seen.insert(key)
            let was = before.first { $0.0 == key }?.1
            if was != value { out.append(Change(step: key.step, label: key.label, before: was, after: value)) }
        }
        for (key, value) in before where !seen.contains(key) {
            out.append(Change(step: key.step, label: key.label, before: value, after: nil))
        }
        return out
    }

    /// Document by document, by checklist key: given, replaced (another file) or removed.
    public static func documents(_ old: [String: Document], _ new: [String: Document]) -> [Change] {
        var out: [Change] = []
        for key in Set(old.keys).union(new.keys).sorted() {
            let (was, now) = (old[key], new[key])
            guard was?.sha256 != now?.sha256, let label = (now ?? was)?.label else { continue }
            out.append(
                Change(
                    step: .documents, label: label, before: was.map { "fichier \($0.sha256.prefix(12))…" },
                    after: now.map { "fichier \($0.sha256.prefix(12))…" }))
        }
        return out
    }

    struct Key: Hashable {
        let step: DossierStep
        let label: String
        let occurrence: Int
    }

    static func keyed(_ sections: [DossierOverview.Section]) -> [(Key, String)] {
        var out: [(Key, String)] = []
        var counts: [String: Int] = [:]
        for s in sections {
            for (label, value) in s.rows {
                let n = counts["\(s.step.rawValue)|\(label)", default: 0]
                counts["\(s.step.rawValue)|\(label)"] = n + 1
                out.append((Key(step: s.step, label: label, occurrence: n), value))
            }
        }
        return out
    }
}
