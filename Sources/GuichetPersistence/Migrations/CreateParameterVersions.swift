import Fluent

/// `parameter_versions`: portable (SQLite and PostgreSQL), with a stable name and a revert.
struct CreateParameterVersions: AsyncMigration {
    var name: String { "2026-11-26-create-parameter-versions" }

    func prepare(on database: Database) async throws {
        try await database.schema(ParameterVersionModel.schema)
            .id()
            .field("number", .int, .required)
            .field("payload", .string, .required)
            .field("author", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "number")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ParameterVersionModel.schema).delete()
    }
}
