import Crypto
import Foundation
import GuichetFormats
import Vapor

/// The platform's signing identity for the agreements (issue #13): the PEM files named by
/// `GUICHET_SIGNING_CERT` and `GUICHET_SIGNING_KEY` (a certificate from an authority), or else a
/// self-signed one generated into the data directory's `secrets/` on first use (`serve` asks for
/// it at start) and kept there (mode 0600). Several instances share it by sharing that directory
/// or by configuring the same files.
actor AgreementSigningKey {
    let dataDirectory: URL
    let configured: (certificate: String, key: String)?
    let now: @Sendable () -> Date
    private var loaded: SigningIdentity?

    init(dataDirectory: URL, configured: (certificate: String, key: String)?, now: @escaping @Sendable () -> Date) {
        self.dataDirectory = dataDirectory
        self.configured = configured
        self.now = now
    }

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    func identity() throws -> SigningIdentity {
        if let loaded { return loaded }
        let identity = try load()
        loaded = identity
        return identity
    }

    /// The identity when one is configured or already made (`convention verify` makes none).
    func existing() -> SigningIdentity? {
        if let loaded { return loaded }
        let dir = dataDirectory.appendingPathComponent("secrets")
        let made = FileManager.default.fileExists(atPath: dir.appendingPathComponent("agreement-signing.key").path)
        return configured != nil || made ? try? identity() : nil
    }

    private func load() throws -> SigningIdentity {
        func read(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Unreadable(description: "fichier de signature illisible : \(path)")
            }
            return String(decoding: data, as: UTF8.self)
        }
        if let configured {
            return try SigningIdentity(
                certificatePEM: try read(configured.certificate), keyPEM: try read(configured.key))
        }
        let dir = dataDirectory.appendingPathComponent("secrets")
        let certificate = dir.appendingPathComponent("agreement-signing.crt").path
        let key = dir.appendingPathComponent("agreement-signing.key").path
        if FileManager.default.fileExists(atPath: certificate), FileManager.default.fileExists(atPath: key) {
            return try SigningIdentity(certificatePEM: try read(certificate), keyPEM: try read(key))
        }
        try FileManager.default.createDirectory(
            at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let identity = try SigningIdentity.generate(now: now())
        let pem = try identity.pem()
        guard
            FileManager.default.createFile(
                atPath: key, contents: Data(pem.key.utf8), attributes: [.posixPermissions: 0o600]),
            FileManager.default.createFile(
                atPath: certificate, contents: Data(pem.certificate.utf8), attributes: [.posixPermissions: 0o644])
        else { throw Unreadable(description: "impossible d'écrire la clé de signature dans \(dir.path)") }
        return identity
    }
}

struct AgreementSigningKeyKey: StorageKey { typealias Value = AgreementSigningKey }
struct SignatureCodeKeyKey: StorageKey { typealias Value = SymmetricKey }

extension Application {
    var signatureCodeKey: SymmetricKey {
        get {
            // `configure` sets it from `secrets/`; a bare application gets a random key of its own.
            if let key = storage[SignatureCodeKeyKey.self] { return key }
            let key = SymmetricKey(size: .bits256)
            storage[SignatureCodeKeyKey.self] = key
            return key
        }
        set { storage[SignatureCodeKeyKey.self] = newValue }
    }

    var agreementSigningKey: AgreementSigningKey {
        if let key = storage[AgreementSigningKeyKey.self] { return key }
        let config = guichetConfig
        let clock = self.clock
        let key = AgreementSigningKey(
            dataDirectory: config.dataDirectory, configured: config.signingFiles, now: { clock.now() })
        storage[AgreementSigningKeyKey.self] = key
        return key
    }
}
