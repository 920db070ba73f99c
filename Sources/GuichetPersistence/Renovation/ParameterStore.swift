import Fluent
import Foundation

/// A stored parameter version, as the persistence edge sees it.
public struct StoredParameterVersion: Sendable, Equatable {
    public let number: Int
    public let payload: String
    public let author: String
    public let note: String
    public let createdAt: Date?
}

/// Reads and appends parameter versions. Appending a version whose number exists already
/// (two administrators at once, or two instances seeding) fails on the unique key.
public struct ParameterStore: Sendable {
    public init() {}

    public func latest(on db: Database) async throws -> StoredParameterVersion? {
        try await ParameterVersionModel.query(on: db).sort(\.$number, .descending).first().map(Self.value)
    }

    public func all(on db: Database) async throws -> [StoredParameterVersion] {
        try await ParameterVersionModel.query(on: db).sort(\.$number, .descending).all().map(Self.value)
    }

    public func find(number: Int, on db: Database) async throws -> StoredParameterVersion? {
        try await ParameterVersionModel.query(on: db).filter(\.$number == number).first().map(Self.value)
    }

    /// Appends the next version and returns its number.
    @discardableResult
    public func append(payload: String, author: String, note: String, on db: Database) async throws -> Int {
        try await db.write { tx in
            let last = try await ParameterVersionModel.query(on: tx).max(\.$number) ?? 0
            let model = ParameterVersionModel(number: last + 1, payload: payload, author: author, note: note)
            try await model.create(on: tx)
            return last + 1
        }
    }

    static func value(_ m: ParameterVersionModel) -> StoredParameterVersion {
        StoredParameterVersion(
            number: m.number, payload: m.payload, author: m.author, note: m.note, createdAt: m.createdAt)
    }
}
