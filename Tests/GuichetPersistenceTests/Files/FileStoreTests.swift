import Fluent
import Foundation
import GuichetAppTestSupport
import GuichetDomain
import SQLKit
import Testing

@testable import GuichetPersistence

/// Issue #10: files behind a storage interface, in the database by default or in a directory,
/// written atomically in chunks with their size and SHA-256, within an organisation's quota.
@Suite struct FileStoreTests {
    static func bytes(_ count: Int) -> Data { Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }) }

    static func chunkCount(_ id: StoredFileID, on db: Database) async throws -> Int {
        try await FileChunkModel.query(on: db).filter(\.$fileID == id).count()
    }

    @Test func theDatabaseKeepsAFileInChunksAndGivesItBackInOrder() async throws {
        try await TestApp.run { app in
            let data = Self.bytes(FileStore.chunkSize * 9 + 1000)  // three queries of up to four chunks
            let files = FileStore()
            let id = try await files.put(
                name: "t.xlsx", contentType: "x", sha256: "h", data: data, now: Date(), on: app.db)
            #expect(try await Self.chunkCount(id, on: app.db) == 10)
            var pieces: [Int] = []
            var back = Data()
            try await files.read(id: id, on: app.db) {
                pieces.append($0.count)
                back.append($0)
            }
            #expect(pieces == Array(repeating: FileStore.chunkSize, count: 9) + [1000])
            #expect(back == data)
            #expect(try await files.get(id: id, on: app.db)?.data == data)
            #expect(try await files.info(id: id, on: app.db)?.size == data.count)
        }
    }

    @Test func aDirectoryReceivesWholeFilesOnlyAndGivesThemBack() async throws {
        try await TestApp.run { app in
            let root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "guichet-files-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let files = FileStore(backend: .directory(root))
            let data = Self.bytes(FileStore.chunkSize + 5)
            let id = try await files.put(
                name: "r.pdf", contentType: "application/pdf", sha256: "h", data: data, now: Date(), on: app.db)
            let path = DirectoryFiles(root: root).path(id)
            #expect(FileManager.default.contents(atPath: path.path) == data)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: path.deletingLastPathComponent().path)
            #expect(leftovers == [path.lastPathComponent], "no temporary file left beside it")
            #expect(try await Self.chunkCount(id, on: app.db) == 0)
            #expect(try await files.get(id: id, on: app.db)?.data == data)
            // An instance without the directory configured says so instead of serving nothing.
            await #expect(throws: FileUnavailable.self) { try await FileStore().read(id: id, on: app.db) { _ in } }
        }
    }

    @Test func anOrganisationsQuotaRefusesBeforeWritingAnything() async throws {
        try await TestApp.run { app in
            let org = try await OrganisationStore().create(
                kind: .landlord, name: "Habitat", identifier: "732829320", department: "974", status: .accepted,
                details: "{}", on: app.db)
            let files = FileStore(quotaBytes: 1000)
            _ = try await files.put(
                name: "a", contentType: "x", sha256: "h", data: Self.bytes(600), now: Date(), organisationID: org.id,
                on: app.db)
            await #expect(throws: QuotaExceeded(used: 600, adding: 600, quota: 1000)) {
                try await files.put(
                    name: "b", contentType: "x", sha256: "h", data: Self.bytes(600), now: Date(),
                    organisationID: org.id,
                    on: app.db)
            }
            #expect(try await StoredFileModel.query(on: app.db).count() == 1)
            #expect(try await files.usage(organisationID: org.id, on: app.db) == 600)
            // Another organisation, or a platform file (a receipt), is not counted against it.
            _ = try await files.put(
                name: "c", contentType: "x", sha256: "h", data: Self.bytes(900), now: Date(), on: app.db)
        }
    }

    @Test func revertingTheChunksPutsTheBytesBackInTheRow() async throws {
        try await TestApp.run { app in
            let data = Self.bytes(FileStore.chunkSize + 10)
            let id = try await FileStore().put(
                name: "t", contentType: "x", sha256: "h", data: data, now: Date(), on: app.db)
            try await AddFileChunks().revert(on: app.db)
            let sql = try #require(app.db as? any SQLDatabase)
            let row = try #require(try await sql.raw("SELECT data FROM stored_files").first())
            #expect(try row.decode(column: "data", as: Data.self) == data)
            try await AddFileChunks().prepare(on: app.db)
            #expect(try await FileStore().get(id: id, on: app.db)?.data == data)
            #expect(try await Self.chunkCount(id, on: app.db) == 2)
        }
    }
}
