import Foundation
import GuichetDomain

/// A supporting document's file (`RENO-D`: PDF, JPEG or PNG, checked by content, not by name).
/// Every problem is listed at once, in French; nothing is read beyond the bytes given.
public enum DocumentFile {
    public enum Kind: String, Sendable {
        case pdf = "application/pdf"
        case jpeg = "image/jpeg"
        case png = "image/png"

        public var `extension`: String {
            switch self {
            case .pdf: "pdf"
            case .jpeg: "jpg"
            case .png: "png"
            }
        }
    }

    /// The file's kind by its first bytes, and the problems of its content and size.
    public static func check(_ data: Data, maxBytes: Int) -> (Kind?, [String]) {
        var problems: [String] = []
        if data.isEmpty { return (nil, ["Le fichier est vide."]) }
        if data.count > maxBytes {
            problems.append(
                "Fichier trop volumineux : \(megabytes(maxBytes)) au plus (\(megabytes(data.count)) envoyés).")
        }
        let kind = sniff(data)
        switch kind {
        case nil:
            problems.append(
                "Format non accepté : seuls les fichiers PDF, JPEG et PNG le sont (le contenu est vérifié, pas le nom"
                    + "\(isZip(data) ? " ; celui-ci est une archive ZIP" : "")).")
        case .pdf where !hasPDFEnd(data):
            problems.append("PDF incomplet : la fin du fichier (%%EOF) manque ; enregistrez-le à nouveau.")
        default: break
        }
        return (kind, problems)
    }

    static func sniff(_ d: Data) -> Kind? {
        let head = [UInt8](d.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        return nil
    }

    static func isZip(_ d: Data) -> Bool { [UInt8](d.prefix(4)) == [0x50, 0x4B, 0x03, 0x04] }

    /// `%%EOF` in the last kilobyte (a PDF may end with a few bytes after it).
    static func hasPDFEnd(_ d: Data) -> Bool {
        let tail = [UInt8](d.suffix(1024))
        let marker = Array("%%EOF".utf8)
        guard tail.count >= marker.count else { return false }
        for i in 0...(tail.count - marker.count) where tail[i..<(i + marker.count)].elementsEqual(marker) {
            return true
        }
        return false
    }

    /// « 512 octets », « 48 ko », « 2,4 Mo »: a file's size as a page shows it.
    public static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) octet\(bytes > 1 ? "s" : "")" }
        if bytes < 1_048_576 { return "\((bytes + 512) / 1024) ko" }
        return megabytes(bytes)
    }

    /// « 10 Mo », « 12,3 Mo ».
    public static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return tenths % 10 == 0 ? "\(tenths / 10) Mo" : "\(tenths / 10),\(tenths % 10) Mo"
    }
}
