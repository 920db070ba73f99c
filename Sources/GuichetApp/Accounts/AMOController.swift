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
        func t(_ k: String) -> String { (v[k] ?? "").trimmingCharacters(in: .whitespaces) }
        var errors: [FormState.FieldError] = []
        let siret = Siret(t("siret"))
        if siret == nil {
            errors.append(
                .init(field: "siret", message: "SIRET invalide : 14 chiffres avec une clé de contrôle valide."))
        }
        if t("company_name").isEmpty {
            errors.append(.init(field: "company_name", message: "Indiquez la raison sociale."))
        }
        if req.application.referenceData.departments[t("department")] == nil {
            errors.append(.init(field: "department", message: "Choisissez un département."))
        }
        if !["Madame", "Monsieur"].contains(t("legal_civility")) {
            errors.append(.init(field: "legal_civility", message: "Indiquez la civilité du représentant légal."))
        }
        for (k, label) in [
            ("legal_usage_name", "le nom d'usage"), ("legal_birth_name", "le nom de naissance"),
            ("legal_birth_city", "la ville de naissance"), ("contact_name", "le nom du contact"),
        ] where t(k).isEmpty {
            errors.append(.init(field: k, message: "Indiquez \(label)."))
        }
        if let birth = Day(french: t("legal_birth_date")) {
            if birth > req.application.clock.today.adding(months: -12 * 18) {
                errors.append(.init(field: "legal_birth_date", message: "Le représentant légal doit être majeur."))
            }
        } else {
            errors.append(.init(field: "legal_birth_date", message: "Date de naissance invalide : format JJ/MM/AAAA."))
        }
        let email = AccountService.normalise(t("contact_email"))
        if let p = AccountService.emailProblem(email) { errors.append(.init(field: "contact_email", message: p)) }
        let phoneDigits = t("contact_phone").filter(\.isNumber)
        if !(10...15).contains(phoneDigits.count) {
            errors.append(.init(field: "contact_phone", message: "Numéro de téléphone invalide (10 chiffres)."))
        }
        errors += TextLimits.problems(
            v.mapValues { $0.trimmingCharacters(in: .whitespaces) },
            [
                ("company_name", "Raison sociale", TextLimits.organisation),
                ("legal_usage_name", "Nom d'usage", TextLimits.name),
                ("legal_birth_name", "Nom de naissance", TextLimits.name),
                ("legal_birth_city", "Ville de naissance", TextLimits.name),
                ("contact_name", "Nom du contact", TextLimits.name),
            ])
        if t("not_works_company") != "oui" {
            errors.append(
                .init(
                    field: "not_works_company",
                    message:
                        "Les entreprises de travaux ne peuvent pas avoir de compte AMO : cochez la case pour "
                        + "certifier que ce n'est pas le cas."
                ))
        }
        // Every problem at once: the SIRET already known is said with the others (issue #11).
        if let siret,
            try await OrganisationStore().find(kind: .amo, identifier: siret.value, on: req.db).contains(where: {
                $0.status != .refused
            })
        {
            errors.append(.init(field: "siret", message: "Une demande pour ce SIRET est déjà en cours ou acceptée."))
        }
        let now = req.application.clock.now()
        let quota = MailQuota(kind: "amo-request")
        if errors.isEmpty, try await !quota.clientAllowed(req.clientAddress, now: now, on: req.db) {
            errors.append(.init(field: "siret", message: MailQuota.tooManyMessage))
        }
        guard errors.isEmpty, let siret else {
            return requestPage(req, req.formState(v, errors: errors), status: .unprocessableEntity)
        }
        let request = AMORequest(
            siret: siret.value, companyName: t("company_name"), department: t("department"),
            legalCivility: t("legal_civility"),
            legalUsageName: t("legal_usage_name"), legalBirthName: t("legal_birth_name"),
            legalBirthDate: t("legal_birth_date"),
            legalBirthCity: t("legal_birth_city"), contactName: t("contact_name"), contactEmail: email,
            contactPhone: t("contact_phone"))
        try await req.db.write { tx in
            let org = try await OrganisationStore().create(
                kind: .amo, name: request.companyName, identifier: siret.value,
                department: request.department, status: .pending, details: request.encoded(), on: tx)
            if try await quota.targetAllowed(email, now: now, on: tx) {
                try await req.notifier.email(
                    to: email, subject: "Demande de compte AMO reçue",
                    body:
                        "Bonjour \(request.contactName),\n\nNous avons bien reçu la demande de compte AMO de "
                        + "\(request.companyName) (SIRET \(siret.value)). Action Logement vous contactera par "
                        + "e-mail avec la liste des pièces justificatives à fournir.",
                    on: tx)
            }
            try await quota.count(client: req.clientAddress, target: email, now: now, on: tx)
            try await req.notifier.reviewersOfFirstPending(
                kind: .amo, organisation: org.id,
                what: "demandes de compte AMO", path: "/admin/amo", on: tx)
            try await req.audit.record(
                "amo.demande", by: .of(req), object: ("organisation", org.id.uuidString), detail: siret.value, on: tx)
        }
        return .html(
            AMOPages.requestSent(req.page(), company: request.companyName, email: email))
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
