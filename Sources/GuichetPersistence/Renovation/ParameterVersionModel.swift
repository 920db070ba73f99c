import Fluent
import Foundation

/// One version of the renovation parameters (`RULES.md`, Parameters): the full set of dated
/// series as JSON, numbered; the highest number is in force. Append-only.
final class ParameterVersionModel: Model, @unchecked Sendable {
    static let schema = "parameter_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: Int
    @Field(key: "payload") var payload: String
    @Field(key: "author") var author: String
    @Field(key: "note") var note: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(number: Int, payload: String, author: String, note: String) {
        self.number = number
        self.payload = payload
        self.author = author
        self.note = note
    }
}
