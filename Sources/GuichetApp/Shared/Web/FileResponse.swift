import Fluent
import Foundation
import GuichetPersistence
import Vapor

/// A stored file sent in chunks as the storage reads them (issue #10): never loaded whole.
enum FileResponse {
    /// RFC 5987 `attr-char`: what a `filename*` value may carry unencoded.
    static let attrChar = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")

    /// `disposition` is `attachment` (download) or `inline` (shown by the browser).
    static func stream(
        _ info: StoredFileInfo, contentType: String? = nil, disposition: String, files: FileStore, db: any Database
    ) -> Response {
        let ascii = String(
            info.name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = info.name.addingPercentEncoding(withAllowedCharacters: attrChar) ?? ascii
        let headers: HTTPHeaders = [
            "Content-Type": contentType ?? info.contentType, "Cache-Control": "no-store",
            "Content-Disposition": "\(disposition); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
        ]
        let id = info.id
        let body = Response.Body(
            asyncStream: { writer in
                do {
                    try await files.read(id: id, on: db) { chunk in
                        try await writer.write(.buffer(ByteBuffer(data: chunk)))
                    }
                    try await writer.write(.end)
                } catch {
                    try await writer.write(.error(error))
                }
            }, count: info.size)
        return Response(status: .ok, headers: headers, body: body)
    }
}
