import Fluent
import Foundation
import GuichetDomain

/// One line of an object's history, whatever its lifecycle (filing, organisation, later the
/// renovation dossier and payments): append-only.
final class LifecycleHistoryModel: Model, @unchecked Sendable {
    static let schema = "lifecycle_history"
    @ID(key: .id) var id: UUID?
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectID: UUID
    @Field(key: "at") var at: Date
    /// The order of the lines one transition writes at the same instant.
    @Field(key: "position") var position: Int
    @OptionalField(key: "actor_id") var actorID: UserID?
    @Field(key: "actor_label") var actorLabel: String
    @Field(key: "actor_role") var actorRole: String
    @OptionalField(key: "on_behalf_of") var onBehalfOf: String?
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @Field(key: "text") var text: String
    @OptionalField(key: "motive") var motive: String?
    init() {}
}
