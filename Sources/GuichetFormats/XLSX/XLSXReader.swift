import Foundation
import GuichetDomain

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads `.xlsx` files written by Excel, LibreOffice, Google Sheets or openpyxl: shared and
/// inline strings, numbers, booleans, dates (1900 and 1904 systems, by number format), cached
/// values of formulas, sparse rows, merged cells, several sheets. Defensive: a size limit, zip
/// bombs (expansion bounded while reading, whatever the headers claim), XML with DOCTYPE or
/// entity declarations, too many rows: each refusal is a French message, never a crash.
public struct XLSXReader: Sendable {
    public struct Limits: Sendable {
        public var maxFileBytes = 20 * 1_048_576
        /// Largest expanded size of one part, and of all parts read.
        public var maxPartBytes = 100 * 1_048_576
        public var maxTotalBytes = 200 * 1_048_576
        /// Largest expansion ratio of a part (compressed → expanded).
        public var maxRatio = 200
        public var maxRows = 20_000
        public init() {}
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public let limits: Limits
    public init(limits: Limits = Limits()) { self.limits = limits }

    /// - Parameters:
    ///   - sheetsToRead: sheet names to read (all when nil).
    ///   - progress: called now and then while a sheet is read, with the sheet's name and the
    ///     bytes of its XML read so far and in all.
    public func read(
        _ data: Data, sheetsToRead: Set<String>? = nil,
        progress: ((_ sheet: String, _ done: Int, _ total: Int) -> Void)? = nil
    ) throws(Failure) -> XLSXWorkbook {
        guard data.count <= limits.maxFileBytes else {
            throw Failure(
                message:
                    "Fichier trop volumineux : \(data.count / 1_048_576) Mo pour \(limits.maxFileBytes / 1_048_576) "
                    + "Mo au plus."
            )
        }
        guard data.count >= 4, data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]) else {
            throw Failure(
                message:
                    "Ce fichier n'est pas un classeur Excel (.xlsx) : enregistrez-le au format « Classeur Excel "
                    + "(.xlsx) »."
            )
        }
        let archive: ZIPArchiveReader
        do { archive = try ZIPArchiveReader(data) } catch {
            throw Failure(
                message:
                    "Fichier .xlsx endommagé : l'archive ne peut pas être ouverte (structure incohérente ou tronquée).")
        }
        var parts = PartReader(archive: archive, limits: limits)
        let workbookXML = try parts.required("xl/workbook.xml")
        let rels = try XMLElements.parse(try parts.required("xl/_rels/workbook.xml.rels"), path: "workbook.xml.rels")
        let workbook = try XMLElements.parse(workbookXML, path: "workbook.xml")
        let date1904 =
            workbook.first { $0.name == "workbookPr" }.map { ["1", "true"].contains($0.attributes["date1904"] ?? "") }
            ?? false
        let targets = Dictionary(
            rels.filter { $0.name == "Relationship" }.compactMap { e in
                e.attributes["Id"].map { ($0, e.attributes["Target"] ?? "") }
            },
            uniquingKeysWith: { a, _ in a })
        var sharedStrings: [String] = []
        if let data = try parts.optional("xl/sharedStrings.xml") { sharedStrings = try SharedStrings.parse(data) }
        var dateStyles: [Bool] = []
        if let data = try parts.optional("xl/styles.xml") { dateStyles = try DateStyles.parse(data) }

        var sheets: [XLSXWorkbook.Sheet] = []
        for s in workbook where s.name == "sheet" {
            guard let name = s.attributes["name"], let rid = s.attributes["r:id"] ?? s.attributes["id"],
                let target = targets[rid]
            else { continue }
            if let wanted = sheetsToRead, !wanted.contains(name) { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            sheets.append(
                try SheetParser.parse(
                    try parts.required(path), name: name, shared: sharedStrings, dateStyles: dateStyles,
                    date1904: date1904, maxRows: limits.maxRows,
                    progress: progress.map { p in { done, total in p(name, done, total) } }))
        }
        return XLSXWorkbook(sheets: sheets, date1904: date1904)
    }

    /// The parts of the archive, each inflated within its bounds and the file's total budget
    /// (zip bombs: the output is bounded while it is produced, whatever the headers claim), and
    /// refused when it declares a DOCTYPE or entities.
    struct PartReader {
        let archive: ZIPArchiveReader
        let limits: Limits
        var budget: Int

        init(archive: ZIPArchiveReader, limits: Limits) {
            self.archive = archive
            self.limits = limits
            budget = limits.maxTotalBytes
        }

        mutating func required(_ path: String) throws(Failure) -> Data {
            guard let data = try optional(path) else {
                throw Failure(message: "Fichier .xlsx incomplet : la partie « \(path) » manque.")
            }
            return data
        }

        mutating func optional(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive.entries[path] else { return nil }
            let limit = min(limits.maxPartBytes, budget, max(1, entry.compressed.count) * limits.maxRatio + 1_048_576)
            let out: Data
            do { out = try archive.extract(entry, limit: limit) } catch {
                throw Self.failure(error, path: path)
            }
            budget -= out.count
            try XLSXReader.refuseDeclarations(out, path: path)
            return out
        }

        static func failure(_ error: ZIPArchiveReader.Failure, path: String) -> Failure {
            switch error {
            case .tooLarge:
                Failure(
                    message: "Fichier refusé : son contenu compressé se déploie de façon disproportionnée (bombe de "
                        + "décompression).")
            case .unsupported:
                Failure(
                    message:
                        "Fichier .xlsx non pris en charge : la partie « \(path) » utilise une compression inconnue."
                )
            case .damaged: Failure(message: "Fichier .xlsx endommagé : la partie « \(path) » est illisible.")
            }
        }
    }

    /// XML with a DOCTYPE or entity declarations is refused (billion laughs, external entities):
    /// any `<!` markup other than a comment or a CDATA section. One pass over the bytes.
    static func refuseDeclarations(_ xml: Data, path: String) throws(Failure) {
        let found: Bool = xml.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = b.count
            while i + 1 < n {
                if b[i] == 0x3C, b[i + 1] == 0x21 {  // "<!"
                    let isComment = i + 3 < n && b[i + 2] == 0x2D && b[i + 3] == 0x2D
                    let isCData = i + 2 < n && b[i + 2] == 0x5B
                    if !isComment && !isCData { return true }
                }
                i += 1
            }
            return false
        }
        if found {
            throw Failure(
                message:
                    "Fichier refusé : la partie « \(path) » contient des déclarations XML interdites (DOCTYPE ou "
                    + "ENTITY)."
            )
        }
    }
}
