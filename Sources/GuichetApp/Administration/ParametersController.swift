import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Vapor

/// `/admin/parametres`: the renovation aid's dated parameters (issue #4), each change a new
/// version.
struct ParametersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "admin", "parametres", access: .admin, use: parameters)
        routes.on(.POST, "admin", "parametres", access: .admin, use: addParameter)
        routes.on(.POST, "admin", "parametres", "livret-a", access: .admin, use: addLivretA)
        routes.on(.POST, "admin", "parametres", "anah", access: .admin, use: addAnah)
    }

    func parametersPage(
        _ req: Request, state: FormState? = nil, livretState: FormState? = nil, anahState: FormState? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let p = try await req.application.parameters.current(on: req.db)
        let reference = p.effectiveReference(req.application.referenceData)
        let versions = try await ParameterStore().all(on: req.db).map {
            ParametersPage.Version(number: $0.number, createdAt: $0.createdAt, author: $0.author, note: $0.note)
        }
        let model = ParametersPage.Model(
            parameters: p, livretA: reference.livretA, anahCeilings: reference.anahCeilings, versions: versions,
            seriesForm: state ?? req.formState(), livretForm: livretState ?? req.formState(),
            anahForm: anahState ?? req.formState())
        return .html(ParametersPage.render(req.page(), model), status: status)
    }

    func parameters(req: Request) async throws -> Response { try await parametersPage(req) }

    func publish(_ req: Request, _ p: RenovationParameters, note: String) async throws -> Response {
        let label = try await req.application.parameters.publish(
            p, author: try req.signedIn().user.email, note: note, on: req.db)
        try await req.audit.record(
            "paramètres.version", by: .of(req), object: ("paramètres", label), detail: note, on: req.db)
        return Flash.redirect(req, to: "/admin/parametres", .parametersSaved(version: label))
    }

    func addLivretA(req: Request) async throws -> Response {
        let v = try req.formValues()
        var errors: [FormState.FieldError] = []
        let day = Day(french: (v["effective"] ?? "").trimmingCharacters(in: .whitespaces))
        if day == nil { errors.append(.init(field: "effective", message: "Date invalide : format JJ/MM/AAAA.")) }
        let rate = Rate(frenchPercent: v["rate"] ?? "")
        if rate.map({ $0.tenThousandths > 2_000 }) ?? true {
            errors.append(
                .init(
                    field: "rate",
                    message: "Taux illisible : un pourcentage avec au plus deux décimales, par exemple 1,5."))
        }
        let reference = (v["reference"] ?? "").trimmingCharacters(in: .whitespaces)
        if reference.isEmpty {
            errors.append(.init(field: "reference", message: "Indiquez le texte qui fixe ce taux."))
        } else if let long = TextLimits.problem(reference, field: "reference", label: "Texte", max: TextLimits.line) {
            errors.append(long)
        }
        guard errors.isEmpty, let day, let rate else {
            return try await parametersPage(
                req, livretState: req.formState(v, errors: errors), status: .unprocessableEntity)
        }
        var p = try await req.application.parameters.current(on: req.db)
        p.livretAAdditions =
            p.livretAAdditions.filter { $0.effective != day } + [
                LivretARate(effective: day, rate: rate, reference: reference)
            ]
        return try await publish(
            req, p, note: "Livret A \(rate.frenchPercent) à partir du \(day.french) (\(reference))")
    }

    func addAnah(req: Request) async throws -> Response {
        let v = try req.formValues()
        var errors: [FormState.FieldError] = []
        let year = Int((v["year"] ?? "").trimmingCharacters(in: .whitespaces))
        if !(year.map { (2019...2100).contains($0) } ?? false) {
            errors.append(.init(field: "year", message: "Année invalide (2019 à 2100)."))
        }
        let region = AnahCeiling.Region(rawValue: v["region"] ?? "")
        if region == nil { errors.append(.init(field: "region", message: "Choisissez la région.")) }
        let category = AnahCeiling.Category(rawValue: v["category"] ?? "")
        if category == nil { errors.append(.init(field: "category", message: "Choisissez la catégorie.")) }
        var amounts: [Int64] = []
        for (k, label) in [
            ("p1", "1 personne"), ("p2", "2 personnes"), ("p3", "3 personnes"), ("p4", "4 personnes"),
            ("p5", "5 personnes"), ("extra", "personne supplémentaire"),
        ] {
            if let m = FrenchInput.euros(v[k] ?? ""), m.cents > 0, m.cents % 100 == 0 {
                amounts.append(m.cents / 100)
            } else {
                errors.append(.init(field: k, message: "Plafond « \(label) » : un montant entier en euros."))
            }
        }
        if amounts.count == 6, zip(amounts.prefix(5), amounts.prefix(5).dropFirst()).contains(where: { $0 >= $1 }) {
            errors.append(.init(field: "p2", message: "Les plafonds doivent croître avec la taille du foyer."))
        }
        let source = (v["source"] ?? "").trimmingCharacters(in: .whitespaces)
        if source.isEmpty { errors.append(.init(field: "source", message: "Indiquez la source des plafonds.")) }
        if let long = TextLimits.problem(source, field: "source", label: "Source", max: TextLimits.line) {
            errors.append(long)
        }
        guard errors.isEmpty, let year, let region, let category else {
            return try await parametersPage(
                req, anahState: req.formState(v, errors: errors), status: .unprocessableEntity)
        }
        var p = try await req.application.parameters.current(on: req.db)
        let ceiling = AnahCeiling(
            year: year, region: region, category: category, persons: Array(amounts.prefix(5)),
            perExtraPerson: amounts[5], source: source)
        p.anahAdditions =
            p.anahAdditions.filter { !($0.year == year && $0.region == region && $0.category == category) } + [ceiling]
        return try await publish(
            req, p, note: "Plafonds Anah \(year) \(region.french), catégorie \(category.french) (\(source))")
    }

    func addParameter(req: Request) async throws -> Response {
        let v = try req.formValues()
        var errors: [FormState.FieldError] = []
        let series = ParametersPage.editable.first { $0.id == v["series"] }
        if series == nil { errors.append(.init(field: "series", message: "Choisissez un paramètre.")) }
        let day = Day(french: (v["valid_from"] ?? "").trimmingCharacters(in: .whitespaces))
        if day == nil { errors.append(.init(field: "valid_from", message: "Date invalide : format JJ/MM/AAAA.")) }
        let source = (v["source"] ?? "").trimmingCharacters(in: .whitespaces)
        if source.isEmpty { errors.append(.init(field: "source", message: "Indiquez la source de la valeur.")) }
        if let long = TextLimits.problem(source, field: "source", label: "Source", max: TextLimits.line) {
            errors.append(long)
        }
        let raw = (v["value"] ?? "").trimmingCharacters(in: .whitespaces)
        var p = try await req.application.parameters.current(on: req.db)
        // The value is read even when other fields are wrong: every problem at once (issue #11).
        if let series, !ParameterEdit.apply(series, raw: raw, from: day ?? ParameterEdit.anyDay, source: source, to: &p)
        {
            errors.append(
                .init(field: "value", message: "Valeur illisible pour \(series.id) (\(series.kind.french))."))
        }
        guard errors.isEmpty, let series, let day else {
            return try await parametersPage(req, state: req.formState(v, errors: errors), status: .unprocessableEntity)
        }
        return try await publish(req, p, note: "\(series.id) à partir du \(day.french) : \(raw) (\(source))")
    }
}
