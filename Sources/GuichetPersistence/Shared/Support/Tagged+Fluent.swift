import FluentKit
import Foundation
import GuichetDomain
import Tagged

/// Typed identifiers are the models' identifiers too (`@ID(custom: .id, generatedBy: .random)
/// var id: UserID?`): Fluent draws a new one as it draws a UUID, and stores it as the UUID it is
/// (a `Tagged` value encodes as its raw value).
extension Tagged: @retroactive RandomGeneratable where RawValue: RandomGeneratable {
    public static func generateRandom() -> Self { Self(rawValue: RawValue.generateRandom()) }
}
