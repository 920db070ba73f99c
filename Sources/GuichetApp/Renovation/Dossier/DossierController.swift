import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// The renovation dossier's pages (issue #12): the dashboard, the task list, each step (shown and
/// saved), the lists of co-applicants and companies, filing. Every dossier is reached through the
/// object policy (another person's dossier: 404).
struct DossierController: RouteCollection {
    static let people: Access = .roles([.beneficiaire, .amo])
    static let readers: Access = .roles([.beneficiaire, .amo, .instructeur, .comite, .administrateur])

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "dossiers", access: Self.people, use: dashboard)
        routes.on(.GET, "dossiers", ":dossier", access: Self.readers, use: show)
        // One route per step (a `:step` parameter would lose to the constant segments of
        // `pieces/:key/fichier` or `codemandeurs/ajout` in the router).
        for step in DossierStep.allCases {
            routes.on(.GET, "dossiers", ":dossier", .constant(step.rawValue), access: Self.readers) { req in
                try await self.step(req: req, step)
            }
            guard Self.saved.contains(step) else { continue }
            routes.on(.POST, "dossiers", ":dossier", .constant(step.rawValue), access: Self.people) { req in
                try await self.save(req: req, step)
            }
        }
        routes.on(.POST, "dossiers", ":dossier", "codemandeurs", "ajout", access: Self.people, use: addCoApplicant)
        routes.on(
            .POST, "dossiers", ":dossier", "codemandeurs", ":index", "retrait", access: Self.people,
            use: removeCoApplicant)
        routes.on(
            .POST, "dossiers", ":dossier", "plan-de-financement", "entreprises", access: Self.people, use: addCompany)
        routes.on(
            .POST, "dossiers", ":dossier", "plan-de-financement", "entreprises", ":siret", "retrait",
            access: Self.people, use: removeCompany)
        routes.on(.POST, "dossiers", ":dossier", "depot", access: Self.people, use: file)
        routes.on(
            .POST, "dossiers", ":dossier", "plan-de-financement", "calcul", access: Self.people, use: computePlan)
    }

    /// A dossier reached through the policy, with who looks at it.
    struct Loaded: Sendable {
        let dossier: DossierRecord
        let principal: Principal
        let amo: OrganisationRecord?
        var path: String { "/dossiers/\(dossier.id.uuidString)" }
        var viewerIsBeneficiary: Bool { principal.user.id == dossier.beneficiaryID }
        var viewerIsTheAMO: Bool { dossier.amoID.map(principal.organisations(for: .amo).contains) ?? false }
    }

    static func load(_ req: Request, _ action: ObjectPolicy.Action) async throws -> Loaded {
        guard let id = req.parameters.get("dossier", as: DossierID.self),
            let d = try await DossierStore().find(id: id, on: req.db)
        else { throw Abort(.notFound) }
        try req.require(action, .dossier(d))
        let p = try req.signedIn()
        // The viewer's own AMO was read with the session; another is read here.
        var amo = d.amoID.flatMap { id in p.organisationRecords.first { $0.id == id } }
        if amo == nil, let id = d.amoID { amo = try await OrganisationStore().find(id: id, on: req.db) }
        return Loaded(dossier: d, principal: p, amo: amo)
    }

    /// The version read with the form: a save checks it (another change since: 409).
    static func version(_ values: [String: String], _ d: DossierRecord) throws -> Int {
        guard let v = values["version"].flatMap({ Int($0) }) else {
            throw ChangedMeanwhile(subjectKind: DossierRecord.subjectKind, id: d.id.rawValue)
        }
        return v
    }

    static func actor(_ req: Request, _ l: Loaded) -> DossierService.Actor {
        let p = l.principal
        var audit = AuditService.Actor.of(req)
        if l.viewerIsBeneficiary {
            audit = .init(
                id: audit.id, label: p.user.displayName, role: audit.role, clientAddress: audit.clientAddress,
                userAgent: audit.userAgent)
            return .init(audit: audit, userID: p.user.id, onBehalfOf: nil)
        }
        let name = l.amo?.name ?? "AMO"
        audit = .init(
            id: audit.id, label: "AMO « \(name) » (\(p.user.displayName))", role: Role.amo.rawValue,
            clientAddress: audit.clientAddress, userAgent: audit.userAgent)
        return .init(audit: audit, userID: p.user.id, onBehalfOf: l.dossier.beneficiaryName)
    }

    static func base(_ req: Request, _ l: Loaded, state: FormState) -> DossierSteps.Base {
        let d = l.dossier
        let acting = !l.viewerIsBeneficiary && l.viewerIsTheAMO ? "Pour le compte de \(d.beneficiaryName)" : nil
        let context = DossierContext(
            reference: d.reference, href: l.path, beneficiary: d.beneficiaryName, state: d.state.french,
            amo: l.amo.map { "\($0.name) – \(d.mandate.french)" }, actingFor: acting)
        let mayAct = req.policy.allows(l.principal, .act, .dossier(d))
        return DossierSteps.Base(
            context: context, path: l.path, version: d.version, state: state, editable: d.state.isEditable && mayAct,
            amoWarning: l.viewerIsBeneficiary && d.mandate == .accepted)
    }

    func service(_ req: Request) -> DossierService { req.application.dossierService(db: req.db) }

    /// The task list and the history.
    func show(req: Request) async throws -> Response {
        let l = try await Self.load(req, .see)
        let e = try await service(req).evaluate(l.dossier, on: Self.referenceDay(req, l.dossier))
        let history = try await TransitionStore.history(
            kind: DossierRecord.subjectKind, id: l.dossier.id.rawValue, on: req.db)
        let receipt = l.dossier.receiptFileID.map { _ in "\(l.path)/accuse.pdf" }
        let model = DossierOverview.taskList(
            Self.base(req, l, state: req.formState()), progress: e.progress, history: Self.lines(history),
            receiptURL: receipt, instruction: try await Self.instructionBlocks(req, l, history: history))
        return .html(DossierPage.render(req.page(), model))
    }

    /// A dossier's history as its pages show it, the latest first (the motive of a decision is
    /// already in its line's text).
    static func lines(_ history: [HistoryRecord]) -> [DossierOverview.HistoryLine] {
        let paris = AppClock.parisFormatter("dd/MM/yyyy HH:mm")
        return history.reversed().map {
            DossierOverview.HistoryLine(
                at: paris.string(from: $0.at),
                who: $0.actor.label + ($0.actor.onBehalfOf.map { " pour le compte de \($0)" } ?? ""), text: $0.text)
        }
    }

    /// Today for a draft; the filing date once filed (the decision stands as filed).
    static func referenceDay(_ req: Request, _ d: DossierRecord) -> Day {
        d.filedAt.map { Day(instant: $0, in: AppClock.paris) } ?? req.application.clock.today
    }

    /// What instruction adds to the dossier's page (issue #13): the points to correct, the
    /// agreement to sign (the beneficiary alone), the files made, the messages, the review link.
    static func instructionBlocks(
        _ req: Request, _ l: Loaded, history: [HistoryRecord]
    ) async throws
        -> [InfoPageModel.Block]
    {
        let d = l.dossier
        var out: [InfoPageModel.Block] = []
        if d.state == .toCorrect {
            let last = history.last { $0.toState == DossierState.toCorrect.rawValue }
            let items = (last?.motive ?? "").components(separatedBy: " ; ").filter { !$0.isEmpty }
            out += DossierOverview.corrections(items, path: l.path)
        }
        if d.state == .awaitingSignature {
            out.append(
                l.viewerIsBeneficiary
                    ? .links([("Lire et signer la convention", "\(l.path)/signature")])
                    : .notice(.info, SignatureController.amoCannotSign))
        }
        var links: [(String, String)] = []
        if let i = try await InstructionStore().find(d.id, on: req.db) {
            if i.agreementFileID != nil { links.append(("Convention (PDF)", "\(l.path)/convention.pdf")) }
            if i.signedFileID != nil { links.append(("Convention signée (PDF)", "\(l.path)/convention-signee.pdf")) }
            if i.refusalFileID != nil { links.append(("Lettre de refus (PDF)", "\(l.path)/lettre-refus.pdf")) }
        }
        if d.state != .draft { links.append(("Messages du dossier", "\(l.path)/messages")) }
        if req.policy.allows(l.principal, .instruct, .dossier(d))
            || (l.principal.roles.contains(where: \.isStaff)
                && d.state != .draft)
        {
            links.append(("Instruire ce dossier", "/instruction/dossiers/\(d.id.uuidString)"))
        }
        if !links.isEmpty { out.append(.links(links)) }
        return out
    }
}
