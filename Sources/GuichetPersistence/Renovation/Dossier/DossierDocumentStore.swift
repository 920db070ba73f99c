import Fluent
import Foundation
import GuichetDomain
import SQLKit

/// Supporting documents (`RENO-D`): one file per document key; a company's documents are kept
/// once by SIRET and reused by every dossier naming the company.
public struct DossierDocumentStore: Sendable {
    public init() {}

    public struct NewDocument: Sendable {
        public var key: String
        public var kind: DocumentKind
        public var fileID: StoredFileID
        public var fileName: String
        public var contentType: String
        public var size: Int
        public var sha256: String
        public var documentDate: Day?
        public init(
            key: String, kind: DocumentKind, fileID: StoredFileID, fileName: String, contentType: String, size: Int,
            sha256: String, documentDate: Day?
        ) {
            self.key = key
            self.kind = kind
            self.fileID = fileID
            self.fileName = fileName
            self.contentType = contentType
            self.size = size
            self.sha256 = sha256
            self.documentDate = documentDate
        }
    }

    /// The document `key` as the dossier's pages see it (`DossierEvaluation` alike): a company's
    /// shared one while the dossier may change, its own frozen copy once filed.
    public func document(_ key: String, of d: DossierRecord, on db: Database) async throws -> DossierDocumentRecord? {
        let found = try await documents(of: d.id, companies: d.answers.plan.companies.map(\.siret.value), on: db)
            .filter { $0.key == key }
        return d.state.isEditable ? (found.first { $0.dossierID == nil } ?? found.first) : found.first
    }

    /// The documents a dossier holds and those of the companies it names; its own first (a filed
    /// dossier's frozen copies of company documents come before the shared ones).
    public func documents(
        of dossier: DossierID, companies: [String], on db: Database
    ) async throws
        -> [DossierDocumentRecord]
    {
        // Plain SQL, one query (read with every dossier page, `DossierRows`).
        let rows: [any SQLRow]
        if companies.isEmpty {
            rows = try await db.sql.raw(
                """
                SELECT \(unsafeRaw: DossierDocumentRecord.columns) FROM dossier_documents
                WHERE dossier_id = \(bind: dossier.rawValue)
                """
            ).all()
        } else {
            rows = try await db.sql.raw(
                """
                SELECT \(unsafeRaw: DossierDocumentRecord.columns) FROM dossier_documents
                WHERE dossier_id = \(bind: dossier.rawValue) OR company_siret IN (\(binds: companies))
                ORDER BY CASE WHEN dossier_id IS NULL THEN 1 ELSE 0 END
                """
            ).all()
        }
        return try rows.map(DossierDocumentRecord.init(row:))
    }

    /// The dated documents of several dossiers (their own, not the companies'), in one query: what
    /// the dashboards' deadlines are computed from.
    public func dated(
        of dossiers: [DossierID], companies: [String], on db: Database
    ) async throws
        -> [DossierDocumentRecord]
    {
        guard !dossiers.isEmpty || !companies.isEmpty else { return [] }
        // Plain SQL (`DossierRows`): a dashboard page asks it for 50 dossiers at once.
        let ids: [any Encodable & Sendable] = dossiers.map(\.rawValue)
        let mine: SQLQueryString = dossiers.isEmpty ? "1 = 0" : "dossier_id IN (\(binds: ids))"
        let theirs: SQLQueryString = companies.isEmpty ? "1 = 0" : "company_siret IN (\(binds: companies))"
        return try await db.sql.raw(
            """
            SELECT \(unsafeRaw: DossierDocumentRecord.columns) FROM dossier_documents
            WHERE document_date IS NOT NULL AND (\(mine) OR \(theirs))
            """
        ).all().map(DossierDocumentRecord.init(row:))
    }

    /// Puts a document in place of the one under the same key (a replacement); returns the file
    /// it replaced, for the caller to delete.
    @discardableResult
    public func put(
        _ new: NewDocument, dossier: DossierID?, company: String?, by user: UserID, at now: Date, on db: Database
    ) async throws -> StoredFileID? {
        let previous = try await find(key: new.key, dossier: dossier, company: company, on: db)
        let replaced = previous?.fileID
        try await previous?.delete(on: db)
        try await insert(new, dossier: dossier, company: company, by: user, at: now, on: db)
        return replaced
    }

    func insert(
        _ new: NewDocument, dossier: DossierID?, company: String?, by user: UserID, at now: Date, on db: Database
    ) async throws {
        let m = DossierDocumentModel()
        m.dossierID = company == nil ? dossier : nil
        m.companySiret = company
        m.key = new.key
        m.kind = new.kind.rawValue
        m.fileID = new.fileID
        m.fileName = new.fileName
        m.contentType = new.contentType
        m.size = new.size
        m.sha256 = new.sha256
        m.documentDate = new.documentDate?.iso
        m.uploadedBy = user
        m.uploadedAt = now
        try await m.create(on: db)
    }

    /// At filing, the works companies' shared documents the dossier was filed with become its
    /// own (same files, same hashes): a later dossier naming the company may replace the shared
    /// one without changing what this dossier was filed with.
    public func freeze(_ shared: [DossierDocumentRecord], into dossier: DossierID, on db: Database) async throws {
        let company = shared.filter { $0.companySiret != nil && $0.dossierID == nil }
        guard !company.isEmpty else { return }
        // A refiling replaces the copies of the first filing.
        try await DossierDocumentModel.query(on: db).filter(\.$dossierID == dossier)
            .filter(\.$key ~~ company.map(\.key)).delete()
        for d in company {
            let copy = NewDocument(
                key: d.key, kind: d.kind, fileID: d.fileID, fileName: d.fileName, contentType: d.contentType,
                size: d.size, sha256: d.sha256, documentDate: d.documentDate)
            try await insert(copy, dossier: dossier, company: nil, by: d.uploadedBy, at: d.uploadedAt, on: db)
        }
    }

    /// Whether a document still holds the file (a frozen copy keeps a replaced company file).
    public func holds(_ file: StoredFileID, on db: Database) async throws -> Bool {
        try await DossierDocumentModel.query(on: db).filter(\.$fileID == file).first() != nil
    }

    /// Removes a dossier's document; returns its file, for the caller to delete.
    public func remove(
        key: String, dossier: DossierID?, company: String?, on db: Database
    ) async throws -> StoredFileID? {
        guard let m = try await find(key: key, dossier: dossier, company: company, on: db) else { return nil }
        try await m.delete(on: db)
        return m.fileID
    }

    func find(key: String, dossier: DossierID?, company: String?, on db: Database) async throws -> DossierDocumentModel?
    {
        var q = DossierDocumentModel.query(on: db).filter(\.$key == key)
        if let company {
            q = q.filter(\.$companySiret == company)
        } else if let dossier {
            q = q.filter(\.$dossierID == dossier)
        }
        return try await q.first()
    }
}

/// Beneficiaries' civil status.
public struct CivilStatusStore: Sendable {
    public init() {}

    public func find(user: UserID, on db: Database) async throws -> CivilStatus? {
        guard let m = try await CivilStatusModel.query(on: db).filter(\.$userID == user).first() else { return nil }
        do {
            return try JSONDecoder().decode(CivilStatus.self, from: Data(m.civilStatus.utf8))
        } catch {
            throw CorruptRecord(description: "état civil de \(user) illisible")
        }
    }

    public func put(_ c: CivilStatus, user: UserID, at now: Date, on db: Database) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(c), as: UTF8.self)
        let m = try await CivilStatusModel.query(on: db).filter(\.$userID == user).first() ?? CivilStatusModel()
        m.userID = user
        m.civilStatus = text
        m.updatedAt = now
        try await m.save(on: db)
    }
}
