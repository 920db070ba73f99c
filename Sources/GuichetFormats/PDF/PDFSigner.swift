import Crypto
import Foundation
@_spi(CMS) import X509

/// Signs a PDF that `PDFWriter` made (issue #13, ISO 32000-1 § 12.8, PAdES B-B with
/// `adbe.pkcs7.detached`): an **incremental update** appended to the unchanged original adds a
/// visible signature page, a signature field on it and the signature dictionary, whose
/// `/ByteRange` covers the whole file but the `/Contents` hole, filled with a detached CMS
/// SignedData over those bytes (content type, message digest and signing time as signed
/// attributes, the platform's certificate included). The original's bytes stay a prefix of the
/// signed file: the hash shown on the signature page is the hash of the document the beneficiary read.
public struct PDFSigner: Sendable {
    /// What the signature page says and the signature dictionary carries.
    public struct Signature: Sendable {
        public let signer: String
        /// Date and time as shown (Europe/Paris), e.g. « 02/12/2026 à 10:42 (heure de Paris) ».
        public let signedAtText: String
        /// `D:20261202104200+01'00'` (ISO 32000-1 § 7.9.4).
        public let pdfDate: String
        public let signedAt: Date
        public let reason: String
        /// Lines under the signer's (the way the code was sent, the reference…).
        public let details: [String]

        public init(
            signer: String, signedAtText: String, pdfDate: String, signedAt: Date, reason: String,
            details: [String]
        ) {
            self.signer = signer
            self.signedAtText = signedAtText
            self.pdfDate = pdfDate
            self.signedAt = signedAt
            self.reason = reason
            self.details = details
        }
    }

    /// Room for the CMS in `/Contents`, in bytes (written as twice as many hex digits).
    static let contentsCapacity = 8192

    let identity: SigningIdentity
    public init(identity: SigningIdentity) { self.identity = identity }

    public func sign(_ original: Data, _ signature: Signature) throws -> Data {
        let file = try PDFFile(original)
        let catalog = try file.dictionary(file.root)
        guard !catalog.contains("/AcroForm") else {
            throw PDFFile.Unreadable(description: "document déjà doté d'un formulaire : non pris en charge")
        }
        guard let pagesNumber = PDFFile.reference(after: "/Pages", in: catalog) else {
            throw PDFFile.Unreadable(description: "arbre des pages introuvable")
        }
        let pages = try file.dictionary(pagesNumber)
        let kids = PDFFile.references(after: "/Kids", in: pages)
        guard let last = kids.last else { throw PDFFile.Unreadable(description: "document sans page") }
        let resources = try Self.resources(of: try file.dictionary(last))
        var update = IncrementalUpdate(file: file)
        let page = update.reserve()
        let content = update.reserve()
        let widget = update.reserve()
        let sig = update.reserve()
        let documentHash = SHA256.hash(data: original).map { String(format: "%02x", $0) }.joined()
        let stream = PDFWriter.singlePage(
            signaturePage(signature, documentHash: documentHash), footer: "Page de signature électronique")
        update.put(
            page,
            "<< /Type /Page /Parent \(pagesNumber) 0 R /MediaBox [0 0 595 842] /Resources \(resources) "
                + "/Contents \(content) 0 R /Annots [\(widget) 0 R] >>")
        update.put(content, Array("<< /Length \(stream.count) >>\nstream\n".utf8) + stream + Array("\nendstream".utf8))
        update.put(
            widget,
            "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature du beneficiaire) /F 132 /Rect [0 0 0 0] "
                + "/P \(page) 0 R /V \(sig) 0 R >>")
        update.put(sig, signatureDictionary(signature))
        update.put(
            file.root,
            String(catalog.dropLast(2)) + " /AcroForm << /Fields [\(widget) 0 R] /SigFlags 3 >> >>")
        let newKids = (kids + [page]).map { "\($0) 0 R" }.joined(separator: " ")
        update.put(pagesNumber, "<< /Type /Pages /Kids [\(newKids)] /Count \(kids.count + 1) >>")
        return Data(try fill(update.serialize(), signingTime: signature.signedAt))
    }

    /// The last page's `/Resources << … >>`, reused by the signature page (the same fonts).
    static func resources(of page: String) throws -> String {
        guard let r = page.range(of: "/Resources"), let resources = PDFFile.balanced(page[r.upperBound...]) else {
            throw PDFFile.Unreadable(description: "ressources de page illisibles")
        }
        return String(resources)
    }

    func signaturePage(_ s: Signature, documentHash: String) -> [PDFWriter.Block] {
        [
            .title("Signature électronique"),
            .paragraph(
                "Ce document a été signé électroniquement sur le Guichet d'Action Logement par code à usage unique. "
                    + "La signature numérique (PAdES) qui suit cette page couvre le document entier ; "
                    + "toute modification la rend invalide."),
            .field("Signataire", s.signer),
            .field("Date et heure", s.signedAtText),
            .field("Objet", s.reason),
        ] + s.details.map { .paragraph($0) } + [
            .field("Empreinte SHA-256 du document lu", String(documentHash.prefix(32))),
            .field("", String(documentHash.dropFirst(32))),
            .field("Certificat de la plateforme", identity.subjectText),
            .field("Empreinte du certificat", identity.fingerprint),
        ]
    }

    func signatureDictionary(_ s: Signature) -> [UInt8] {
        Array(
            ("<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange "
                + Self.byteRangePlaceholder + " /Contents <").utf8)
            + Array(repeating: UInt8(ascii: "0"), count: 2 * Self.contentsCapacity)
            + Array("> /M (\(s.pdfDate)) /Name ".utf8) + PDFWriter.textString(s.signer)
            + Array(" /Reason ".utf8) + PDFWriter.textString(s.reason)
            + Array(" /Location (Guichet Action Logement) >>".utf8)
    }

    static let byteRangePlaceholder = "[0 0000000000 0000000000 0000000000]"

    /// Writes the byte range over the placeholder (same length), signs those bytes, writes the CMS.
    func fill(_ out: [UInt8], signingTime: Date) throws -> [UInt8] {
        var out = out
        let marker = Array(("/ByteRange " + Self.byteRangePlaceholder + " /Contents <").utf8)
        guard let at = Self.lastIndex(of: marker, in: out) else {
            throw PDFFile.Unreadable(description: "dictionnaire de signature introuvable")
        }
        let rangeAt = at + "/ByteRange ".utf8.count
        let holeStart = at + marker.count - 1
        let holeEnd = holeStart + 2 + 2 * Self.contentsCapacity
        var range = "[0 \(holeStart) \(holeEnd) \(out.count - holeEnd)]"
        range += String(repeating: " ", count: Self.byteRangePlaceholder.count - range.count)
        out.replaceSubrange(rangeAt..<(rangeAt + range.utf8.count), with: Array(range.utf8))
        let signed = Array(out[0..<holeStart]) + Array(out[holeEnd...])
        let cms = try CMS.sign(
            signed, signatureAlgorithm: .sha256WithRSAEncryption, certificate: identity.certificate,
            privateKey: identity.privateKey, signingTime: signingTime, detached: true)
        guard cms.count <= Self.contentsCapacity else {
            throw PDFFile.Unreadable(description: "signature CMS trop grande (\(cms.count) octets)")
        }
        let hex = Array(cms.map { String(format: "%02X", $0) }.joined().utf8)
        out.replaceSubrange((holeStart + 1)..<(holeStart + 1 + hex.count), with: hex)
        return out
    }

    static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count, let first = needle.first else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == first, Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }
}

/// The objects of an incremental update and their cross-reference section (`/Prev` to the
/// original's), appended after the original's bytes.
struct IncrementalUpdate {
    let file: PDFFile
    var next: Int
    var objects: [(Int, [UInt8])] = []

    init(file: PDFFile) {
        self.file = file
        next = file.size
    }

    mutating func reserve() -> Int {
        defer { next += 1 }
        return next
    }

    mutating func put(_ number: Int, _ body: String) { put(number, Array(body.utf8)) }
    mutating func put(_ number: Int, _ body: [UInt8]) { objects.append((number, body)) }

    func serialize() -> [UInt8] {
        var out = file.bytes
        if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        var offsets: [Int: Int] = [:]
        for (number, body) in objects {
            offsets[number] = out.count
            out += Array("\(number) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 1\n0000000000 65535 f \n".utf8)
        for number in offsets.keys.sorted() {
            let offset = String(offsets[number] ?? 0)
            out += Array("\(number) 1\n".utf8)
            out += Array((String(repeating: "0", count: max(0, 10 - offset.count)) + offset + " 00000 n \n").utf8)
        }
        let info = file.info.map { " /Info \($0) 0 R" } ?? ""
        let trailer = "<< /Size \(next) /Root \(file.root) 0 R\(info) /Prev \(file.startXref) >>"
        out += Array("trailer\n\(trailer)\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }
}
