import Crypto
import Foundation

/// Secrets generated into the data directory on first start, never defaulted in code (file mode
/// 0600). Today one: the platform's Ed25519 key that signs the audit trail's checkpoints
/// (`AuditCheckpoints`, issue #9). Keep `secrets/` across deployments: without it, earlier
/// checkpoints can no longer be checked. (The session key of earlier versions was never used —
/// sessions are random tokens stored hashed — and is no longer made.)
public struct Secrets: Sendable {
    public let auditSigningKey: Curve25519.Signing.PrivateKey

    public static func loadOrCreate(in dataDirectory: URL) throws -> Secrets {
        let dir = dataDirectory.appendingPathComponent("secrets")
        try FileManager.default.createDirectory(
            at: dir, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let file = dir.appendingPathComponent("audit-signing.key")
        if let data = FileManager.default.contents(atPath: file.path), data.count == 32,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data)
        {
            return Secrets(auditSigningKey: key)
        }
        let key = Curve25519.Signing.PrivateKey()
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: key.rawRepresentation,
                attributes: [.posixPermissions: 0o600])
        else {
            throw CocoaError(.fileWriteNoPermission)
        }
        return Secrets(auditSigningKey: key)
    }
}
