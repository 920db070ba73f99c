import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// The platform's key and certificate that sign the agreements (issue #13): RSA 2048 and
/// SHA-256, which every PDF reader checks. Read from PEM files (a certificate issued by an
/// authority, when configured), or generated on first start as a self-signed certificate valid
/// ten years and kept beside the other secrets.
public struct SigningIdentity: Sendable {
    public let certificate: Certificate
    public let privateKey: Certificate.PrivateKey

    public init(certificate: Certificate, privateKey: Certificate.PrivateKey) {
        self.certificate = certificate
        self.privateKey = privateKey
    }

    /// `CN=…, O=…, C=FR`, as the signature page prints it.
    public var subjectText: String { certificate.subject.description }

    /// The certificate's SHA-256 (of its DER), in hexadecimal, the first 32 digits.
    public var fingerprint: String { Self.fingerprint(of: certificate) }

    public static func fingerprint(of certificate: Certificate) -> String {
        var der = DER.Serializer()
        guard (try? der.serialize(certificate)) != nil else { return "" }
        return String(SHA256.hash(data: der.serializedBytes).map { String(format: "%02x", $0) }.joined().prefix(32))
    }

    /// From PEM texts (a key in PKCS#1 or PKCS#8, a certificate).
    public init(certificatePEM: String, keyPEM: String) throws {
        certificate = try Certificate(pemEncoded: certificatePEM)
        privateKey = try Certificate.PrivateKey(pemEncoded: keyPEM)
        guard privateKey.publicKey == certificate.publicKey else {
            throw IdentityMismatch()
        }
    }

    public struct IdentityMismatch: Error, CustomStringConvertible {
        public var description: String { "la clé de signature ne correspond pas au certificat" }
    }

    /// A new self-signed identity (generation takes a few hundred milliseconds: done once).
    public static func generate(now: Date) throws -> SigningIdentity {
        let key = Certificate.PrivateKey(try _RSA.Signing.PrivateKey(keySize: .bits2048))
        let name = try DistinguishedName {
            CountryName("FR")
            OrganizationName("Action Logement Services")
            CommonName("Guichet Action Logement – signature des conventions")
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: serial(), publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .sha256WithRSAEncryption,
            extensions: try Certificate.Extensions {
                BasicConstraints.notCertificateAuthority
                KeyUsage(digitalSignature: true, nonRepudiation: true)
            },
            issuerPrivateKey: key)
        return SigningIdentity(certificate: certificate, privateKey: key)
    }

    /// Sixteen random bytes, the first below 0x80: a positive INTEGER of 16 octets, within the 20
    /// that RFC 5280 allows (a serial with the high bit set takes a 21st, which NSS, and so poppler,
    /// refuses).
    static func serial() -> Certificate.SerialNumber {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255) }
        bytes[0] = bytes[0] & 0x7F | 0x01
        return Certificate.SerialNumber(bytes: bytes)
    }

    /// PEM texts to keep (key first), as `init(certificatePEM:keyPEM:)` reads them.
    public func pem() throws -> (certificate: String, key: String) {
        (try certificate.serializeAsPEM().pemString, try privateKey.serializeAsPEM().pemString)
    }
}
