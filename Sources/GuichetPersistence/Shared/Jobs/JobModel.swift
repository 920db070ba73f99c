import Fluent
import Foundation
import GuichetDomain

/// Background work that must happen even if the instance that asked for it stops: a row per job,
/// claimed with a lease, retried with backoff, kept as `dead` after its last attempt (issue #10).
final class JobModel: Model, @unchecked Sendable {
    static let schema = "jobs"
    @ID(custom: .id, generatedBy: .random) var id: JobID?
    @Field(key: "kind") var kind: String
    @Field(key: "payload") var payload: String
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "max_attempts") var maxAttempts: Int
    @Field(key: "run_at") var runAt: Date
    @OptionalField(key: "locked_by") var lockedBy: String?
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    init() {}
}
