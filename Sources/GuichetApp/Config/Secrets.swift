import Foundation
import Vapor

/// Secrets (session and token keys) generated into the data directory on first start, never
/// defaulted in code. File mode 0600.
public struct Secrets: Sendable {
    public let sessionKey: SymmetricKey

    public static func loadOrCreate(in dataDirectory: URL) throws -> Secrets {
        let dir = dataDirectory.appendingPathComponent("secrets")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let file = dir.appendingPathComponent("session.key")
        if let data = FileManager.default.contents(atPath: file.path), data.count == 32 {
            return Secrets(sessionKey: SymmetricKey(data: data))
        }
        let key = SymmetricKey(size: .bits256)
        let data = key.withUnsafeBytes { Data($0) }
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission)
        }
        return Secrets(sessionKey: key)
    }
}
