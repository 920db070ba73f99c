import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// AMO account requests (public form, reviewed by an administrator) and the public directory
/// of accepted AMOs.
struct AMOController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "amo", "demande", access: .everyone, use: requestForm)
        routes.on(.POST, "amo", "demande", access: .everyone, use: submit)
        routes.on(.GET, "amo", "annuaire", access: .everyone, use: directory)
    }

    func requestPage(_ req: Request, _ state: FormState, status: HTTPResponseStatus = .ok) -> Response {
        let departments = req.application.referenceData.departments.values.sorted { $0.code < $1.code }
            .map { (code: $0.code, name: $0.name) }
        return .html(
            AMOPages.request(req.page(), departments: departments, state), status: status)
    }

    func requestForm(req: Request) async throws -> Response {
        requestPage(req, req.formState())
    }

    func submit(req: Request) async throws -> Response {
        let v = try req.formValues()
        let form = AMORequestForm.read(
            v, today: req.application.clock.today, departments: req.application.referenceData.departments)
        var errors = form.problems
        if let siret = form.siret,
            try await OrganisationStore().find(kind: .amo, identifier: siret.value, on: req.db).contains(where: {
                $0.status != .refused
            })
        {
            // Every problem at once: the SIRET already known is said with the others (issue #11).
            errors.append(.init(field: "siret", message: "Une demande pour ce SIRET est déjà en cours ou acceptée."))
        }
        let now = req.application.clock.now()
        let quota = MailQuota(kind: "amo-request")
        if errors.isEmpty, try await !quota.clientAllowed(req.clientAddress, now: now, on: req.db) {
            errors.append(.init(field: "siret", message: MailQuota.tooManyMessage))
        }
        guard errors.isEmpty, let request = form.request else {
            return requestPage(req, req.formState(v, errors: errors), status: .unprocessableEntity)
        }
        try await record(request, quota: quota, now: now, req: req)
        return .html(
            AMOPages.requestSent(req.page(), company: request.companyName, email: request.contactEmail))
    }

    /// The request stored for review, its acknowledgement e-mailed, the reviewers told, audited.
    func record(_ request: AMORequest, quota: MailQuota, now: Date, req: Request) async throws {
        let email = request.contactEmail
        try await req.db.write { tx in
            let org = try await OrganisationStore().create(
                kind: .amo, name: request.companyName, identifier: request.siret,
                department: request.department, status: .pending, details: request.encoded(), on: tx)
            if try await quota.targetAllowed(email, now: now, on: tx) {
                try await req.notifier.email(
                    to: email, subject: "Demande de compte AMO reçue",
                    body:
                        "Bonjour \(request.contactName),\n\nNous avons bien reçu la demande de compte AMO de "
                        + "\(request.companyName) (SIRET \(request.siret)). Action Logement vous contactera par "
                        + "e-mail avec la liste des pièces justificatives à fournir.",
                    on: tx)
            }
            try await quota.count(client: req.clientAddress, target: email, now: now, on: tx)
            try await req.notifier.reviewersOfFirstPending(
                kind: .amo, organisation: org.id,
                what: "demandes de compte AMO", path: "/admin/amo", on: tx)
            try await req.audit.record(
                "amo.demande", by: .of(req), object: ("organisation", org.id.uuidString), detail: request.siret, on: tx)
        }
    }

    func directory(req: Request) async throws -> Response {
        let q = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let dep = String(
            (req.query[String.self, at: "departement"] ?? "").trimmingCharacters(in: .whitespaces).uppercased()
                .prefix(3))
        let search = DirectorySearch(q)
        let all = try await OrganisationStore().list(kind: .amo, status: .accepted, on: req.db)
        let hits = all.filter { o in
            search.matches(name: o.name, siret: o.identifier) && (dep.isEmpty || o.department == dep)
        }
        let departments = req.application.referenceData.departments
        let entries = FrenchText.sorted(hits, by: \.name).map { o in
            let contact = AMORequest.decode(o.details)
            return AMOPages.Entry(
                name: o.name, siret: o.identifier, department: o.department,
                departmentName: departments[o.department]?.name ?? "", contactName: contact.contactName,
                contactEmail: contact.contactEmail, contactPhone: contact.contactPhone)
        }
        return .html(
            AMOPages.directory(req.page(), query: q, department: dep, entries: entries))
    }
}
