import Crypto
import Foundation
import SwiftASN1
@_spi(CMS) import X509

/// Checks the last signature of a PDF (`guichet convention verify`, issue #13): the byte range
/// covers the whole file but the `/Contents` hole, and the CMS SignedData in the hole is a valid
/// signature of those bytes by the certificate it carries. Says who signed, when (the CMS signing
/// time), and whether that certificate is the platform's. Any input gives a report, never a crash.
public enum PDFSignatureVerifier {
    public struct Report: Sendable, Equatable {
        public var problems: [String] = []
        public var signer: String?
        public var signingTime: Date?
        public var certificateFingerprint: String?
        public var coversWholeFile = false
        /// The bytes before the signature's update: the document as it was read and signed.
        public var signedRevisionLength: Int?
        public var isValid: Bool { problems.isEmpty && signer != nil }
    }

    public static func verify(_ data: Data, trusted: SigningIdentity? = nil) async -> Report {
        var report = Report()
        let bytes = Array(data)
        guard let (range, holeStart, holeEnd) = byteRange(bytes) else {
            report.problems.append("aucune signature (/ByteRange) trouvée")
            return report
        }
        report.coversWholeFile =
            range[0] == 0 && range[1] == holeStart && range[2] == holeEnd
            && range[2] + range[3] == bytes.count
        if !report.coversWholeFile {
            report.problems.append("la signature ne couvre pas le document entier")
        }
        guard let cms = der(hex: bytes[(holeStart + 1)..<(holeEnd - 1)]) else {
            report.problems.append("contenu de signature (/Contents) illisible")
            return report
        }
        let signed = Array(bytes[0..<holeStart]) + Array(bytes[holeEnd...])
        guard let (certificate, time) = try? signerParts(cms) else {
            report.problems.append("signature CMS illisible")
            return report
        }
        report.signingTime = time
        report.certificateFingerprint = SigningIdentity.fingerprint(of: certificate)
        let result = await CMS.isValidSignature(
            dataBytes: signed, signatureBytes: cms, trustRoots: CertificateStore([certificate])
        ) {}
        switch result {
        case .success(let valid): report.signer = valid.signer.subject.description
        case .failure(let failure): report.problems.append("signature invalide : \(failure)")
        }
        if let trusted, trusted.certificate != certificate {
            report.problems.append("signée par un autre certificat que celui de la plateforme")
        }
        report.signedRevisionLength = lastRevision(before: holeStart, in: bytes)
        return report
    }

    /// `[a b c d]` of the last `/ByteRange`, with where its `/Contents <…>` hole is.
    static func byteRange(_ bytes: [UInt8]) -> ([Int], Int, Int)? {
        guard let at = PDFSigner.lastIndex(of: Array("/ByteRange".utf8), in: bytes) else { return nil }
        let tail = String(decoding: bytes[at..<min(bytes.count, at + 200)], as: UTF8.self)
        guard let open = tail.firstIndex(of: "["), let close = tail.firstIndex(of: "]"), open < close else {
            return nil
        }
        let numbers = tail[tail.index(after: open)..<close].split(whereSeparator: \.isWhitespace).compactMap {
            Int($0)
        }
        guard numbers.count == 4, numbers.allSatisfy({ $0 >= 0 }), numbers[1] < numbers[2],
            numbers[2] <= bytes.count, numbers[1] + 2 <= numbers[2],
            bytes[numbers[1]] == UInt8(ascii: "<"), bytes[numbers[2] - 1] == UInt8(ascii: ">")
        else { return nil }
        return (numbers, numbers[1], numbers[2])
    }

    /// The hexadecimal contents as DER, cut at the DER length (the rest of the hole is zeros).
    static func der(hex: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(hex.count / 2)
        var high: UInt8?
        for c in hex {
            guard let v = nibble(c) else { return nil }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        guard out.count >= 2, out[0] == 0x30 else { return nil }
        let length: Int
        if out[1] < 0x80 {
            length = 2 + Int(out[1])
        } else {
            let n = Int(out[1] & 0x7F)
            guard n >= 1, n <= 3, out.count >= 2 + n else { return nil }
            length = 2 + n + out[2..<(2 + n)].reduce(0) { $0 << 8 | Int($1) }
        }
        return length <= out.count ? Array(out[0..<length]) : nil
    }

    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// The SignedData's first certificate and its signer's signing-time attribute.
    static func signerParts(_ cms: [UInt8]) throws -> (Certificate, Date?) {
        let root = try DER.parse(cms)
        guard case .constructed(let info) = root.content, let explicit = Array(info).dropFirst().first,
            case .constructed(let wrapped) = explicit.content, let signedData = Array(wrapped).first,
            case .constructed(let fields) = signedData.content
        else { throw ASN1Error.invalidASN1Object(reason: "ContentInfo") }
        let parts = Array(fields)
        guard let certificates = parts.first(where: { $0.identifier.tagClass == .contextSpecific }),
            case .constructed(let certs) = certificates.content, let first = Array(certs).first,
            let signerInfos = parts.last, case .constructed(let infos) = signerInfos.content,
            let signer = Array(infos).first, case .constructed(let signerFields) = signer.content
        else { throw ASN1Error.invalidASN1Object(reason: "SignedData") }
        let certificate = try Certificate(derEncoded: first)
        let attributes = Array(signerFields).first { $0.identifier.tagClass == .contextSpecific }
        return (certificate, attributes.flatMap(signingTime))
    }

    static let signingTimeOID: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 5]

    static func signingTime(_ attributes: ASN1Node) -> Date? {
        guard case .constructed(let list) = attributes.content else { return nil }
        for attribute in list {
            guard case .constructed(let pair) = attribute.content else { continue }
            let items = Array(pair)
            guard items.count == 2, (try? ASN1ObjectIdentifier(derEncoded: items[0])) == signingTimeOID,
                case .constructed(let values) = items[1].content, let value = Array(values).first,
                let time = try? UTCTime(derEncoded: value)
            else { continue }
            var c = DateComponents()
            (c.year, c.month, c.day) = (time.year, time.month, time.day)
            (c.hour, c.minute, c.second) = (time.hours, time.minutes, time.seconds)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
            return calendar.date(from: c)
        }
        return nil
    }

    /// Where the revision the signature's update was appended to ends (its `%%EOF` line).
    static func lastRevision(before offset: Int, in bytes: [UInt8]) -> Int? {
        guard let eof = PDFSigner.lastIndex(of: Array("%%EOF".utf8), in: Array(bytes[0..<offset])) else { return nil }
        var end = eof + 5
        if end < bytes.count, bytes[end] == UInt8(ascii: "\n") { end += 1 }
        return end
    }
}
