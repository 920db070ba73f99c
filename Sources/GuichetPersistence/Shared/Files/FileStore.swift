import Fluent
import Foundation
import GuichetDomain
import SQLKit

/// A stored file, read whole (the programming-table reader needs random access).
public struct StoredFile: Sendable, Equatable {
    public let id: StoredFileID
    public let name: String
    public let contentType: String
    public let sha256: String
    public let data: Data
    public let createdAt: Date
}

/// A stored file's description, for streaming it.
public struct StoredFileInfo: Sendable, Equatable {
    public let id: StoredFileID
    public let name: String
    public let contentType: String
    public let sha256: String
    public let size: Int
    public let createdAt: Date
}

/// Where new files' bytes go: the database (the default: every instance serves every file), or a
/// local directory (one instance, or a shared volume).
public enum FileBackend: Sendable, Equatable {
    case database
    case directory(URL)

    var name: String {
        switch self {
        case .database: "database"
        case .directory: "directory"
        }
    }
}

/// An organisation's files would exceed its quota: nothing was written.
public struct QuotaExceeded: Error, Sendable, Equatable {
    public let used: Int64
    public let adding: Int64
    public let quota: Int64
}

/// The storage interface of the platform (issue #10): every file goes through it, written in
/// chunks (atomically: a directory file is renamed into place once complete, database chunks are
/// in the caller's transaction), with its size and SHA-256, counted against its organisation's
/// quota.
public struct FileStore: Sendable {
    public static let chunkSize = 256 * 1024
    /// Chunks read per query when a file is streamed from the database.
    static let chunksPerQuery = 4

    public let backend: FileBackend
    /// Bytes an organisation may keep (nil: no limit).
    public let quotaBytes: Int64?

    public init(backend: FileBackend = .database, quotaBytes: Int64? = nil) {
        self.backend = backend
        self.quotaBytes = quotaBytes
    }

    /// Stores `data`; `sha256` is the caller's digest of it (the app computes it with
    /// swift-crypto). Throws `QuotaExceeded` before writing anything.
    public func put(
        name: String, contentType: String, sha256: String, data: Data, now: Date, organisationID: OrganisationID? = nil,
        on db: Database
    ) async throws -> StoredFileID {
        if let organisationID, let quotaBytes {
            let used = try await usage(organisationID: organisationID, on: db)
            if used + Int64(data.count) > quotaBytes {
                throw QuotaExceeded(used: used, adding: Int64(data.count), quota: quotaBytes)
            }
        }
        let id = StoredFileID()
        let m = StoredFileModel()
        m.id = id
        m.name = name
        m.contentType = contentType
        m.sha256 = sha256
        m.size = data.count
        m.data = Data()
        m.backend = backend.name
        m.organisationID = organisationID
        m.createdAt = now
        switch backend {
        case .database:
            try await m.create(on: db)
            try await Self.writeChunks(of: data, file: id, on: db)
        case .directory(let root):
            try DirectoryFiles(root: root).write(data, id: id)
            try await m.create(on: db)
        }
        return id
    }

    public func info(id: StoredFileID, on db: Database) async throws -> StoredFileInfo? {
        guard let m = try await StoredFileModel.find(id, on: db) else { return nil }
        return try Self.info(m)
    }

    static func info(_ m: StoredFileModel) throws -> StoredFileInfo {
        StoredFileInfo(
            id: try m.requireID(), name: m.name, contentType: m.contentType, sha256: m.sha256, size: m.size,
            createdAt: m.createdAt)
    }

    /// The file's bytes, a chunk at a time, in order.
    public func read(id: StoredFileID, on db: Database, _ each: (Data) async throws -> Void) async throws {
        guard let m = try await StoredFileModel.find(id, on: db) else { return }
        try await read(m, on: db, each)
    }

    private func read(_ m: StoredFileModel, on db: Database, _ each: (Data) async throws -> Void) async throws {
        let id = try m.requireID()
        switch m.backend {
        case "directory":
            guard case .directory(let root) = backend else { throw FileUnavailable(id: id) }
            try await DirectoryFiles(root: root).read(id: id, chunkSize: Self.chunkSize, each)
        default:
            // Files written before chunks kept their bytes in the row.
            if !m.data.isEmpty { try await each(m.data) }
            try await Self.readChunks(of: id, on: db, each)
        }
    }

    /// The chunks of a file in the database, a few per query: one round trip per
    /// `chunksPerQuery` chunks, memory bounded by as many chunks.
    private static func readChunks(
        of id: StoredFileID, on db: Database, _ each: (Data) async throws -> Void
    ) async throws {
        var seq = 0
        while true {
            let batch = try await FileChunkModel.query(on: db).filter(\.$fileID == id).filter(\.$seq >= seq)
                .sort(\.$seq).limit(chunksPerQuery).all()
            for chunk in batch {
                guard chunk.seq == seq else {
                    throw CorruptRecord(description: "fichier \(id) : morceau \(seq) absent")
                }
                try await each(chunk.data)
                seq += 1
            }
            if batch.count < chunksPerQuery { return }
        }
    }

    /// The whole file (bounded by the upload limit).
    public func get(id: StoredFileID, on db: Database) async throws -> StoredFile? {
        guard let m = try await StoredFileModel.find(id, on: db) else { return nil }
        let info = try Self.info(m)
        var data = Data()
        data.reserveCapacity(info.size)
        try await read(m, on: db) { data.append($0) }
        return StoredFile(
            id: info.id, name: info.name, contentType: info.contentType, sha256: info.sha256, data: data,
            createdAt: info.createdAt)
    }

    /// Deletes a file no longer referenced (a replaced document). Call it after the commit that
    /// stopped referencing it: a directory file is unlinked at once.
    public func delete(id: StoredFileID, on db: Database) async throws {
        guard let m = try await StoredFileModel.find(id, on: db) else { return }
        try await FileChunkModel.query(on: db).filter(\.$fileID == id).delete()
        try await m.delete(on: db)
        if m.backend == "directory", case .directory(let root) = backend {
            try? FileManager.default.removeItem(at: DirectoryFiles(root: root).path(id))
        }
    }

    /// The bytes an organisation's files take.
    public func usage(organisationID: OrganisationID, on db: Database) async throws -> Int64 {
        // PostgreSQL sums a bigint as numeric: cast back, on both databases.
        guard let sql = db as? any SQLDatabase else { throw CorruptRecord(description: "base SQL attendue") }
        let row = try await sql.raw(
            "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) AS used FROM stored_files WHERE organisation_id = "
                + "\(bind: organisationID)"
        ).first()
        return try row?.decode(column: "used", as: Int64.self) ?? 0
    }

    static func writeChunks(of data: Data, file id: StoredFileID, on db: Database) async throws {
        var seq = 0
        var offset = data.startIndex
        while offset < data.endIndex {
            let end = data.index(offset, offsetBy: chunkSize, limitedBy: data.endIndex) ?? data.endIndex
            let chunk = FileChunkModel()
            chunk.fileID = id
            chunk.seq = seq
            chunk.data = data[offset..<end]
            try await chunk.create(on: db)
            seq += 1
            offset = end
        }
    }
}

/// A file written to a directory whose storage is not configured on this instance.
public struct FileUnavailable: Error, Sendable, CustomStringConvertible {
    public let id: StoredFileID
    public var description: String { "fichier \(id) : stockage en répertoire non configuré sur cette instance" }
}

/// Files in a directory, two levels deep by identifier, each written to a temporary name in its
/// final directory and renamed into place once complete (a reader never sees half a file).
struct DirectoryFiles {
    let root: URL

    func path(_ id: StoredFileID) -> URL {
        let name = id.uuidString.lowercased()
        return root.appendingPathComponent(String(name.prefix(2))).appendingPathComponent(name)
    }

    func write(_ data: Data, id: StoredFileID) throws {
        let target = path(id)
        let directory = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).part")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let handle = try FileHandle(forWritingTo: temporary)
        do {
            var offset = data.startIndex
            while offset < data.endIndex {
                let end = data.index(offset, offsetBy: FileStore.chunkSize, limitedBy: data.endIndex) ?? data.endIndex
                try handle.write(contentsOf: data[offset..<end])
                offset = end
            }
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    func read(id: StoredFileID, chunkSize: Int, _ each: (Data) async throws -> Void) async throws {
        let handle = try FileHandle(forReadingFrom: path(id))
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
            try await each(chunk)
        }
    }
}
