import Crypto
import Foundation

/// Secrets generated into the data directory on first start, never defaulted in code (file mode
/// 0600): the platform's Ed25519 key that signs the audit trail's checkpoints
/// (`AuditCheckpoints`, issue #9) and the key of the signature codes' digests (issue #13). Keep
/// `secrets/` across deployments: without it, earlier checkpoints can no longer be checked. (The
/// session key of earlier versions was never used — sessions are random tokens stored hashed —
/// and is no longer made.)
public struct Secrets: Sendable {
    public let auditSigningKey: Curve25519.Signing.PrivateKey
    /// The key of the signature codes' HMAC (issue #13: a code is stored only as its keyed digest).
    public var signatureCodeKey = SymmetricKey(size: .bits256)

    public static func loadOrCreate(in dataDirectory: URL) throws -> Secrets {
        let dir = dataDirectory.appendingPathComponent("secrets")
        try FileManager.default.createDirectory(
            at: dir, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let audit = try Curve25519.Signing.PrivateKey(
            rawRepresentation: try bytes(dir.appendingPathComponent("audit-signing.key")))
        var secrets = Secrets(auditSigningKey: audit)
        secrets.signatureCodeKey = SymmetricKey(data: try bytes(dir.appendingPathComponent("signature-code.key")))
        return secrets
    }

    /// 32 bytes kept in `file`, made at random the first time.
    static func bytes(_ file: URL) throws -> Data {
        if let data = FileManager.default.contents(atPath: file.path), data.count == 32 { return data }
        let data = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        guard
            FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw CocoaError(.fileWriteNoPermission)
        }
        return data
    }
}
