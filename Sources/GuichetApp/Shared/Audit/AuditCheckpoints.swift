import Crypto
import Fluent
import Foundation
import GuichetPersistence
import Logging

/// Anchors the head of the audit trail outside the database (issue #9). The chain of hashes
/// shows an entry changed; it cannot show the last entries deleted. A checkpoint — the number
/// of entries and the last hash, signed with the platform's key (`Secrets`) — is appended to
/// `audit/checkpoints.jsonl` in the data directory and written to the application log whenever
/// the head moved (by the worker loop every few seconds, by `audit verify` and after a purge).
/// `guichet audit verify` checks the chain against every checkpoint: an entry a checkpoint
/// counted that is missing, or a hash that differs, is an alteration.
struct AuditCheckpoints: Sendable {
    let file: URL
    let key: Curve25519.Signing.PrivateKey
    let logger: Logger

    struct Checkpoint: Codable, Sendable, Equatable {
        /// `head`: the trail held `count` entries, the last with `hash`. `purge`: entries up to
        /// `count` were removed on purpose, the last of them with `hash`.
        var kind: String
        var count: Int
        var hash: String
        var at: String
        var signature: String

        var signedText: String { "guichet-audit|\(kind)|\(count)|\(hash)|\(at)" }
    }

    init(dataDirectory: URL, key: Curve25519.Signing.PrivateKey, logger: Logger) {
        file = dataDirectory.appendingPathComponent("audit").appendingPathComponent("checkpoints.jsonl")
        self.key = key
        self.logger = logger
    }

    /// Every checkpoint written so far, in order (unreadable lines are reported as such).
    func all() throws -> (checkpoints: [Checkpoint], unreadable: Int) {
        guard let data = FileManager.default.contents(atPath: file.path) else { return ([], 0) }
        var out: [Checkpoint] = []
        var unreadable = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if let c = try? JSONDecoder().decode(Checkpoint.self, from: Data(line)) {
                out.append(c)
            } else {
                unreadable += 1
            }
        }
        return (out, unreadable)
    }

    /// Appends a checkpoint of the current head when it differs from the last one.
    @discardableResult
    func writeIfMoved(on db: any Database, now: Date) async throws -> Checkpoint? {
        guard let head = try await AuditStore().head(on: db) else { return nil }
        let last = lastHead()
        guard last?.count != head.seq || last?.hash != head.hash else { return nil }
        return try append(kind: "head", count: head.seq, hash: head.hash, now: now)
    }

    /// The last `head` checkpoint, read from the end of the file only (the worker asks every few
    /// seconds; the file grows for years).
    func lastHead() -> Checkpoint? {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return nil }
        let window: UInt64 = 64 * 1024
        try? handle.seek(toOffset: size > window ? size - window : 0)
        guard let tail = try? handle.readToEnd() else { return nil }
        for line in tail.split(separator: UInt8(ascii: "\n")).reversed() {
            if let c = try? JSONDecoder().decode(Checkpoint.self, from: Data(line)), c.kind == "head" { return c }
        }
        return nil
    }

    @discardableResult
    func append(kind: String, count: Int, hash: String, now: Date) throws -> Checkpoint {
        var c = Checkpoint(
            kind: kind, count: count, hash: hash, at: ISO8601DateFormatter().string(from: now), signature: "")
        c.signature = try key.signature(for: Data(c.signedText.utf8)).hex
        let line = try JSONEncoder().encode(c) + Data("\n".utf8)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        if let handle = FileHandle(forWritingAtPath: file.path) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } else {
            guard
                FileManager.default.createFile(
                    atPath: file.path, contents: line, attributes: [.posixPermissions: 0o600])
            else {
                throw CocoaError(.fileWriteNoPermission)
            }
        }
        logger.notice("audit checkpoint \(kind) n°\(count) \(hash) signature \(c.signature)")
        return c
    }

    /// What a page can say of the chain in constant time: the last signed head checkpoint
    /// against the current head and the entry it names (issue #10: the journal page no longer
    /// verifies a million entries at each view).
    func headProblems(on db: any Database) async throws -> (entries: Int, anchored: Bool, problems: [String]) {
        let head = try await AuditStore().head(on: db)
        let entries = head?.seq ?? 0
        guard let checkpoint = lastHead() else { return (entries, false, []) }
        guard isAuthentic(checkpoint) else {
            return (entries, true, ["le dernier point de contrôle n'a pas une signature valide"])
        }
        guard checkpoint.count <= entries else {
            return (
                entries, true,
                ["le journal compte \(entries) entrées, le point de contrôle signé en attestait \(checkpoint.count)"]
            )
        }
        let anchored = checkpoint.count == 0 ? nil : try await AuditStore().entry(seq: checkpoint.count, on: db)
        guard checkpoint.count == 0 || anchored?.hash == checkpoint.hash else {
            return (entries, true, ["l'entrée n° \(checkpoint.count) ne correspond plus au point de contrôle signé"])
        }
        return (entries, true, [])
    }

    func isAuthentic(_ c: Checkpoint) -> Bool {
        guard let signature = Data(hex: c.signature) else { return false }
        return key.publicKey.isValidSignature(signature, for: Data(c.signedText.utf8))
    }

    /// What the checkpoints say of the trail as it stands: nil when they agree with it.
    func problems(with records: [AuditRecord]) throws -> [String] {
        let (checkpoints, unreadable) = try all()
        var out: [String] = unreadable > 0 ? ["\(unreadable) ligne(s) illisible(s) dans \(file.path)"] : []
        let bySeq = Dictionary(records.map { ($0.seq, $0.hash) }, uniquingKeysWith: { a, _ in a })
        let lastSeq = records.last?.seq ?? 0
        let firstSeq = records.first?.seq ?? 1
        let purgedThrough = checkpoints.filter { $0.kind == "purge" && isAuthentic($0) }.map(\.count).max() ?? 0
        for c in checkpoints {
            guard isAuthentic(c) else {
                out.append("point de contrôle du \(c.at) (n° \(c.count)) : signature invalide")
                continue
            }
            if c.kind == "purge" { continue }
            if c.count > lastSeq {
                out.append(
                    "le point de contrôle du \(c.at) compte \(c.count) entrées, le journal n'en a plus que \(lastSeq) "
                        + ": entrées supprimées"
                )
            } else if c.count > purgedThrough, let hash = bySeq[c.count], hash != c.hash {
                out.append(
                    "l'entrée n° \(c.count) ne correspond plus au point de contrôle du \(c.at) : journal réécrit")
            }
        }
        if firstSeq > 1 {
            let anchor = checkpoints.last { $0.kind == "purge" && $0.count == firstSeq - 1 && isAuthentic($0) }
            if anchor == nil || anchor?.hash != records.first?.previousHash {
                out.append("les entrées avant le n° \(firstSeq) manquent sans purge enregistrée")
            }
        }
        return out
    }
}
