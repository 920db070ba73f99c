import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

/// Turns every error into a French answer that shows no internals: an HTML page for the site,
/// `{"errors":[…]}` for `/api/`. Unexpected errors are logged with a short reference that the
/// page shows, so support can find the log line.
struct ErrorPagesMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, request: request)
        }
    }

    static func response(for error: any Error, request: Request) -> Response {
        let status: HTTPResponseStatus
        var reference: String?
        var reason: String?
        if error is ChangedMeanwhile {
            // Another request moved the object first (issue #10): nothing was written.
            status = .conflict
            reason = ChangedMeanwhile.french
        } else if let abort = error as? any AbortError {
            status = abort.status
            // Reasons written by this code base are French and meant for the user.
            if let own = abort as? Abort, own.reason != status.reasonPhrase { reason = own.reason }
        } else {
            status = .internalServerError
        }
        var back: (label: String, href: String)?
        if status == .payloadTooLarge, reason == nil, !request.url.path.hasPrefix("/api/") {
            // Issue #11: say the limit, and lead back to the form the file came from. The API
            // keeps its own refusal (the simulation's 1 Mio), never a page's wording.
            let uploads = request.application.guichetConfig.maxUploadBytes
            let forms = request.application.routes.defaultMaxBodySize.value / 1024
            let isUpload = request.url.path.hasSuffix("/tableau")
            reason =
                isUpload
                ? "Un tableau déposé fait au plus \(FrenchFormat.integer(uploads / 1_048_576)) Mo : allégez le fichier "
                    + "(lignes vides, mises en forme, images) et déposez-le de nouveau."
                : "Un formulaire envoie au plus \(FrenchFormat.integer(forms)) ko de texte : raccourcissez les textes "
                    + "saisis."
            let parent = request.url.path.split(separator: "/").dropLast().joined(separator: "/")
            if LocalRedirect.isLocalPath("/" + parent), !parent.isEmpty {
                back = (isUpload ? "Revenir au dépôt" : "Revenir à la page précédente", "/" + parent)
            }
        }
        if status.code >= 500 {
            let ref = String(UUID().uuidString.prefix(8)).lowercased()
            reference = ref
            request.logger.error("[\(ref)] \(request.method) \(request.url.path): \(String(reflecting: error))")
        }
        let headers: HTTPHeaders
        let body: String
        if request.url.path.hasPrefix("/api/") {
            let (title, text) = ErrorPage.wording(Int(status.code))
            let message = (status.code < 500 ? reason : nil) ?? "\(title). \(text)"
            headers = ["Content-Type": "application/json; charset=utf-8"]
            body = SimulationRequestErrors([
                FieldError(field: "", message: message + (reference.map { " (référence \($0))" } ?? ""))
            ]).json.serialized()
        } else {
            headers = ["Content-Type": "text/html; charset=utf-8"]
            body = ErrorPage.render(
                status: Int(status.code), page: request.page(), reference: reference,
                message: status.code < 500 ? reason : nil, back: back)
        }
        var all = headers
        // What the refusal itself carries (`Allow` with a 405, `Retry-After`…).
        if let abort = error as? any AbortError {
            for (name, value) in abort.headers where !all.contains(name: name) { all.add(name: name, value: value) }
        }
        return Response(status: status, headers: all, body: .init(string: body))
    }
}
