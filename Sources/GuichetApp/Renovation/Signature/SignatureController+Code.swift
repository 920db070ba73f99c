import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

extension SignatureController {
    /// The code page: ask for a code; once one is sent, type it.
    func code(req: Request) async throws -> Response {
        let l = try await Self.load(req, beneficiaryOnly: true)
        return try await codePage(req, l, state: req.formState(), status: .ok)
    }

    func codePage(
        _ req: Request, _ l: DossierController.Loaded, state: FormState, status: HTTPResponseStatus
    ) async throws -> Response {
        let record = try await SignatureStore().find(l.dossier.id, on: req.db)
        guard record?.conditionsAt != nil else { return req.redirect(to: "\(l.path)/signature/conditions") }
        let sent = try await SignatureStore().events(of: l.dossier.id, on: req.db).last { $0.kind == .codeSent }
        let live = record?.code.map { req.application.clock.now() < $0.expiresAt } == true
        let mobile = l.dossier.answers.applicant.contact?.mobile ?? ""
        let model = SignaturePages.codePage(
            context: Self.context(req, l), path: l.path, state: state,
            sms: mobile.isEmpty ? nil : SignatureService.masked(mobile, .sms),
            email: SignatureService.masked(l.principal.user.email, .email), sent: live ? sent?.detail : nil)
        return .html(DossierPage.render(req.page(), model), status: status)
    }

    func send(req: Request) async throws -> Response {
        let l = try await Self.load(req, beneficiaryOnly: true)
        let values = try req.formValues()
        guard let channel = values["canal"].flatMap(SignatureCode.Channel.init(rawValue:)) else {
            let problem = FieldProblem(field: "canal", message: "Choisissez comment recevoir le code.")
            return try await codePage(
                req, l, state: req.formState(values, errors: [problem]), status: .unprocessableEntity)
        }
        switch try await service(req).sendCode(
            l.dossier, channel: channel, to: l.principal.user, client: Self.client(req))
        {
        case .success: return req.redirect(to: "\(l.path)/signature/code")
        case .failure(let refusal):
            let problem = FieldProblem(field: "canal", message: Self.words(refusal))
            let status: HTTPResponseStatus
            if case .throttled = refusal { status = .tooManyRequests } else { status = .unprocessableEntity }
            return try await codePage(req, l, state: req.formState(values, errors: [problem]), status: status)
        }
    }

    /// The code typed (six digits), then the recapitulation that carries it to « Je signe ».
    func recap(req: Request) async throws -> Response {
        let l = try await Self.load(req, beneficiaryOnly: true)
        let values = try req.formValues()
        let typed = String((values["code"] ?? "").filter { !$0.isWhitespace }.prefix(12))
        guard typed.count == 6, typed.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            let problem = FieldProblem(field: "code", message: "Le code compte 6 chiffres (exemple : 123456).")
            return try await codePage(
                req, l, state: req.formState(values, errors: [problem]), status: .unprocessableEntity)
        }
        guard let record = try await SignatureStore().find(l.dossier.id, on: req.db) else { throw Abort(.notFound) }
        let sent = try await SignatureStore().events(of: l.dossier.id, on: req.db).last { $0.kind == .codeSent }
        let d = l.dossier
        let rows = [
            ("Document", "Convention de subventionnement, dossier \(d.reference)"),
            ("Signataire", d.beneficiaryName), ("Code reçu", sent?.detail ?? "—"),
            ("Empreinte SHA-256 de la convention lue", record.agreementSHA256),
            (
                "Subvention et prêt",
                try await InstructionStore().find(d.id, on: req.db)?.granted.map {
                    FrenchFormat.money($0)
                } ?? "—"
            ),
        ]
        let model = SignaturePages.recap(
            context: Self.context(req, l), path: l.path, state: req.formState(), rows: rows, code: typed,
            version: d.version)
        return .html(DossierPage.render(req.page(), model))
    }

    func sign(req: Request) async throws -> Response {
        let l = try await DossierController.load(req, .see)
        // The AMO is told at once; the lifecycle table refuses it again (`beneficiaryOnly`).
        if !l.viewerIsBeneficiary { throw Abort(.forbidden, reason: Self.amoCannotSign) }
        let values = try req.formValues()
        let version = try DossierController.version(values, l.dossier)
        let actor = DossierController.actor(req, l)
        let who: DossierActor = l.viewerIsBeneficiary ? .beneficiary : .amo
        let result = try await service(req).sign(
            l.dossier.id, version: version, code: values["code"] ?? "", by: actor, as: who, client: Self.client(req))
        switch result {
        case .success:
            return Flash.redirect(
                req, to: l.path, .instructionDone("Convention signée. La convention signée (PDF) est sur le dossier."))
        case .failure(.lifecycle(let refusal)) where refusal.code == .beneficiaryOnly:
            throw Abort(.forbidden, reason: refusal.message)
        case .failure(let refusal):
            let problem = FieldProblem(field: "code", message: Self.words(refusal))
            return try await codePage(
                req, l, state: req.formState([:], errors: [problem]), status: .unprocessableEntity)
        }
    }

    static func words(_ refusal: SignatureService.Refusal) -> String {
        switch refusal {
        case .lifecycle(let r): return r.message
        case .conditionsFirst: return "Acceptez d'abord les conditions de la signature en ligne."
        case .noDestination: return "Aucun numéro de mobile n'est connu : recevez le code par e-mail."
        case .throttled(let until):
            return "Un code vient d'être envoyé : vous pourrez en demander un autre à "
                + AppClock.parisFormatter("HH:mm:ss").string(from: until) + "."
        case .code(let check):
            switch check {
            case .accepted: return ""
            case .wrong(let remaining):
                return "Code inexact : il vous reste \(remaining) essai\(remaining > 1 ? "s" : "")."
            case .expired: return "Ce code a expiré (10 minutes) : demandez-en un autre."
            case .locked: return "Cinq codes inexacts : ce code ne signe plus. Demandez-en un autre."
            case .noCode: return "Demandez d'abord un code."
            }
        }
    }
}
