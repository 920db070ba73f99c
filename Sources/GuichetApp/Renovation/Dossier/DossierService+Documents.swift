import Crypto
import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// Supporting documents (`RENO-D`): one file per document, checked by content and size, scanned
/// by the antivirus, stored with its SHA-256 in the same transaction as the dossier's history
/// (a refused upload stores nothing; a crash leaves neither file nor row alone).
extension DossierService {
    struct Upload: Sendable {
        let document: RequiredDocument
        let fileName: String
        let data: Data
        let date: Day?
    }

    /// The date typed with a document (« JJ/MM/AAAA », pages and API alike): the day, or the
    /// problem; a document without a validity (`RENO-D`) has no date.
    static func documentDate(_ typed: String, of document: RequiredDocument) -> (Day?, String?) {
        let text = TextInput.withoutControlCharacters(String(typed.prefix(20)))
        guard document.kind.maxAgeMonths != nil, !text.isEmpty else { return (nil, nil) }
        guard let day = Day(french: text) else {
            return (nil, "Date du document : une date au format JJ/MM/AAAA (exemple : 30/09/2024).")
        }
        return (day, nil)
    }

    /// The problems of an upload before anything is stored: content, size, date, antivirus.
    func check(_ u: Upload, maxBytes: Int, scanner: any VirusScanner) async -> (DocumentFile.Kind?, [String]) {
        var dateProblems: [String] = []
        if u.document.kind.maxAgeMonths != nil,
            let problem = RequiredDocuments.validity(of: u.document.kind, dated: u.date, filingOn: clock.today)
        {
            dateProblems.append(problem)
        }
        let (kind, content, scan) = await Self.fileProblems(u.data, maxBytes: maxBytes, scanner: scanner)
        return (kind, content + dateProblems + scan)
    }

    /// A file's problems (content, size, antivirus), every one at once: a file of the wrong type
    /// is still scanned (the EICAR test file is refused as a virus too); an empty or oversized one
    /// is not read further. Also for the attachments of the messages (issue #13).
    static func fileProblems(
        _ data: Data, maxBytes: Int, scanner: any VirusScanner
    ) async -> (
        kind: DocumentFile.Kind?, content: [String], scan: [String]
    ) {
        let (kind, problems) = DocumentFile.check(data, maxBytes: maxBytes)
        guard !data.isEmpty, data.count <= maxBytes else { return (kind, problems, []) }
        do {
            if case .infected(let signature) = try await scanner.scan(data) {
                return (nil, problems, ["Le fichier contient un virus (\(signature)) : il n'a pas été enregistré."])
            }
        } catch {
            return (
                kind, problems,
                ["L'analyse antivirus est indisponible : réessayez dans quelques minutes ; rien n'a été enregistré."]
            )
        }
        return (kind, problems, [])
    }

    /// Stores a checked upload in place of the document's previous file, which is deleted once
    /// the change is committed.
    func store(
        _ u: Upload, kind: DocumentFile.Kind, dossier id: DossierID, version: Int, files: FileStore, by actor: Actor
    ) async throws -> Result<DossierRecord, Refusal> {
        let now = clock.now()
        let name = TextInput.withoutControlCharacters(String(u.fileName.prefix(TextLimits.line)))
        let result = try await db.write(refusable: { tx -> Result<(DossierRecord, StoredFileID?), Refusal> in
            let d = try await locked(id, at: version, on: tx)
            let sha = SHA256.hash(data: u.data).hex
            let file = try await files.put(
                name: name, contentType: kind.rawValue, sha256: sha, data: u.data, now: now, on: tx)
            let replaced = try await DossierDocumentStore().put(
                .init(
                    key: u.document.key, kind: u.document.kind, fileID: file, fileName: name,
                    contentType: kind.rawValue,
                    size: u.data.count, sha256: sha, documentDate: u.date),
                dossier: d.id, company: Self.company(u.document), by: actor.userID, at: now, on: tx)
            let text =
                "Pièce « \(u.document.kind.french) » (\(u.document.holderLabel)) "
                + "\(replaced == nil ? "déposée" : "remplacée")."
            return try await apply(.document(text), to: d, version: version, now: now, by: actor, on: tx).map {
                ($0, replaced)
            }
        })
        return try await deletingAfterCommit(result, files: files)
    }

    /// Deletes a document before filing; its file is deleted once the change is committed.
    func remove(
        _ document: RequiredDocument, dossier id: DossierID, version: Int, files: FileStore, by actor: Actor
    ) async throws -> Result<DossierRecord, Refusal> {
        let now = clock.now()
        let result = try await db.write(refusable: { tx -> Result<(DossierRecord, StoredFileID?), Refusal> in
            let d = try await locked(id, at: version, on: tx)
            guard
                let removed = try await DossierDocumentStore().remove(
                    key: document.key, dossier: d.id, company: Self.company(document), on: tx)
            else {
                return .failure(.lifecycle(DossierRefusal("Aucune pièce « \(document.kind.french) » à supprimer.")))
            }
            let text = "Pièce « \(document.kind.french) » (\(document.holderLabel)) supprimée."
            return try await apply(.document(text), to: d, version: version, now: now, by: actor, on: tx).map {
                ($0, removed)
            }
        })
        return try await deletingAfterCommit(result, files: files)
    }

    /// A file no longer referenced, deleted after the commit that stopped referencing it (a
    /// directory file is unlinked at once: never before the rows are committed).
    private func deletingAfterCommit(
        _ result: Result<(DossierRecord, StoredFileID?), Refusal>, files: FileStore
    ) async throws -> Result<DossierRecord, Refusal> {
        // A company's file a filed dossier keeps (`freeze`) stays.
        if case .success(let (_, old?)) = result, try await !DossierDocumentStore().holds(old, on: db) {
            try await files.delete(id: old, on: db)
        }
        return result.map(\.0)
    }

    /// A company's documents are kept by SIRET, for every dossier naming it.
    static func company(_ d: RequiredDocument) -> String? {
        if case .company(let siret) = d.holder { return siret.value }
        return nil
    }
}
