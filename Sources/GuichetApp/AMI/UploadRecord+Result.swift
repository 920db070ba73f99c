import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

extension UploadRecord {
    /// The stored check result, decoded once into the typed value the upload page, the receipt
    /// and the API answer all use (issue #10).
    var checkResult: ProgrammingCheckResult? { resultJSON.flatMap(ProgrammingCheckResult.init(json:)) }
}

/// A checked upload whose stored result cannot be read: a fault of the platform, never shown as
/// an empty result.
struct CheckResultUnreadable: Error, CustomStringConvertible {
    let upload: UploadID
    var description: String { "résultat de vérification illisible pour le tableau \(upload)" }
}
