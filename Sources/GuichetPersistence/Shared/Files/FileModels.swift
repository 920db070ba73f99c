import Fluent
import Foundation
import GuichetDomain

/// A stored file's description (uploads, receipts, later supporting documents): name, type,
/// size, SHA-256, the organisation it counts against, and where its bytes are (`backend`).
final class StoredFileModel: Model, @unchecked Sendable {
    static let schema = "stored_files"
    @ID(custom: .id, generatedBy: .random) var id: StoredFileID?
    @Field(key: "name") var name: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "sha256") var sha256: String
    @Field(key: "size") var size: Int
    /// Empty: the bytes are in chunks (database) or in a file (directory).
    @Field(key: "data") var data: Data
    @Field(key: "backend") var backend: String
    @OptionalField(key: "organisation_id") var organisationID: OrganisationID?
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// The bytes of a file kept in the database, in chunks: written and read a piece at a time, so
/// that every instance on one PostgreSQL serves every file without loading it whole.
final class FileChunkModel: Model, @unchecked Sendable {
    static let schema = "stored_file_chunks"
    @ID(key: .id) var id: UUID?
    @Field(key: "file_id") var fileID: StoredFileID
    @Field(key: "seq") var seq: Int
    @Field(key: "data") var data: Data
    init() {}
}
