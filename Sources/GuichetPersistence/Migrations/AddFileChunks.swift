import Fluent
import Foundation
import SQLKit

/// Files behind a storage interface (issue #10): stored files record their backend and their
/// organisation (for quotas); database files keep their bytes in chunks. Existing files are moved
/// into chunks, and back on revert.
struct AddFileChunks: AsyncMigration {
    var name: String { "2026-12-01-add-file-chunks" }

    func prepare(on database: Database) async throws {
        try await database.write { db in
            try await db.schema(StoredFileModel.schema)
                .field("backend", .string, .required, .sql(.default("database"))).update()
            try await db.schema(StoredFileModel.schema).field("organisation_id", .uuid).update()
            try await db.schema(FileChunkModel.schema).id()
                .field("file_id", .uuid, .required, .references(StoredFileModel.schema, "id", onDelete: .cascade))
                .field("seq", .int, .required).field("data", .data, .required)
                .unique(on: "file_id", "seq")
                .create()
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.raw("CREATE INDEX stored_files_by_organisation ON stored_files (organisation_id)").run()
            for file in try await StoredFileModel.query(on: db).all() where !file.data.isEmpty {
                try await FileStore.writeChunks(of: file.data, file: try file.requireID(), on: db)
                file.data = Data()
                try await file.update(on: db)
            }
        }
    }

    func revert(on database: Database) async throws {
        try await database.write { db in
            for file in try await StoredFileModel.query(on: db).filter(\.$backend == "database").all() {
                var data = Data()
                try await FileStore().read(id: try file.requireID(), on: db) { data.append($0) }
                file.data = data
                try await file.update(on: db)
            }
            try await db.schema(FileChunkModel.schema).delete()
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.raw("DROP INDEX stored_files_by_organisation").run()
            try await sql.raw("ALTER TABLE stored_files DROP COLUMN organisation_id").run()
            try await sql.raw("ALTER TABLE stored_files DROP COLUMN backend").run()
        }
    }
}
