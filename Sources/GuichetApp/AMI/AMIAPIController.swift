import GuichetDomain
import GuichetFormats
import GuichetPersistence
import Vapor

/// `POST /api/v1/ami/campagnes/{year}/departements/{department}/tableaux`: a landlord's system
/// uploads a programming table with a personal API token (body: the `.xlsx` file). The table
/// replaces the filing's current one, exactly as on the web, and the answer is the check's
/// result, the contract's JSON (`contracts/ami-programming-table.md`).
struct AMIAPIController: RouteCollection {
    let uploadBodyLimit: Int

    func boot(routes: any RoutesBuilder) throws {
        routes.on(
            .POST, "api", "v1", "ami", "campagnes", ":year", "departements", ":department", "tableaux",
            access: .roles([.bailleur]),
            body: .collect(maxSize: ByteCount(value: uploadBodyLimit)), use: upload)
    }

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func error(_ message: String, rule: RuleID? = nil, status: HTTPResponseStatus) -> Response {
        var fields: [(String, JSONValue)] = [("error", .string(message))]
        if let rule { fields.append(("rule", .string(rule.rawValue))) }
        return .json(JSONValue.object(JSONObject(fields)).serialized(), status: status)
    }

    func upload(req: Request) async throws -> Response {
        if let type = req.headers.contentType,
            !(type.description.hasPrefix(Self.xlsxType) || type.description.hasPrefix("application/octet-stream"))
        {
            return Self.error(
                "Le corps doit être le fichier .xlsx (Content-Type: \(Self.xlsxType)).", status: .unsupportedMediaType)
        }
        guard let year = req.parameters.get("year", as: Int.self), let department = req.parameters.get("department"),
            let campaign = try await CampaignStore().find(year: year, on: req.db), campaign.campaign.covers(department)
        else {
            return Self.error("Campagne ou département inconnu.", status: .notFound)
        }
        guard let org = try await LandlordService.organisation(of: req.principal, on: req.db), let p = req.principal
        else {
            return Self.error("Compte sans organisme bailleur.", rule: .amiB, status: .forbidden)
        }
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        guard !data.isEmpty else {
            return Self.error("Corps vide : envoyez le fichier .xlsx.", status: .unprocessableEntity)
        }
        guard data.count <= req.application.guichetConfig.maxUploadBytes else {
            return Self.error(
                "Fichier trop volumineux : \(req.application.guichetConfig.maxUploadBytes / 1_048_576) Mo au plus.",
                status: .payloadTooLarge)
        }
        let name = String(
            (req.query[String.self, at: "nom"] ?? "tableau-api.xlsx").split(separator: "/").last ?? "tableau-api.xlsx"
        ).prefix(200)
        let context = AMIFilingService.Context(
            campaign: campaign, organisation: org, department: department, userID: p.user.id, actor: .of(req))
        switch try await AMIFilingService(app: req.application).upload(
            context, fileName: String(name), data: data, waitForCheck: true)
        {
        case .failure(let refusal):
            return Self.error(refusal.message, rule: refusal.rule, status: .unprocessableEntity)
        case .success(let upload):
            switch upload.status {
            case .checked:
                guard let result = upload.checkResult else { throw CheckResultUnreadable(upload: upload.id) }
                let res = Response.json(result.json.serialized(), status: .created)
                res.headers.replaceOrAdd(
                    name: .location, value: "/ami/campagnes/\(year)/\(department)/tableaux/\(upload.id)")
                return res
            case .unreadable:
                return Self.error(upload.message ?? "Fichier illisible.", status: .unprocessableEntity)
            case .pending, .checking:
                return Self.error("Vérification en cours.", status: .accepted)
            }
        }
    }
}
