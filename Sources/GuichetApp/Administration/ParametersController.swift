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

    static let editable: [(id: String, label: String, kind: String)] = [
        ("P-S-PO", "Plafond de subvention, propriétaire occupant", "euros"),
        ("P-S-PB", "Plafond de subvention, bailleur ou SCI", "euros"),
        ("P-L-MAX", "Montant maximum du prêt", "euros"), ("P-L-DUR", "Durée maximum du prêt (mois)", "entier"),
        ("P-L-DEF", "Différé maximum (mois)", "entier"), ("P-L-RATE", "Taux plancher du prêt (%)", "taux"),
        ("P-ANNEX", "Enveloppe des frais annexes (% du plafond)", "entier"),
        ("P-RAC", "Reste à charge déclenchant le prêt", "euros"),
        ("P-ACOMPTE", "Acompte maximum (% de la part de l'entreprise)", "entier"),
        ("P-ENDET", "Taux d'endettement signalé (%)", "entier"),
    ]

    func parametersPage(
        _ req: Request, state: FormState? = nil, livretState: FormState? = nil, anahState: FormState? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let p = try await req.application.parameters.current(on: req.db)
        let reference = p.effectiveReference(req.application.referenceData)
        var rows: [[String]] = []
        func add<V>(_ s: DatedSeries<V>, _ show: (V) -> String) {
            for e in s.entries { rows.append([s.id, s.label, e.validFrom.french, show(e.value), e.source]) }
        }
        add(p.subsidyCeilingOwnerOccupier) { $0.formatted(dropZeroCents: true) }
        add(p.subsidyCeilingLandlord) { $0.formatted(dropZeroCents: true) }
        add(p.loanMaximum) { $0.formatted(dropZeroCents: true) }
        add(p.loanMaximumMonths) { "\($0) mois" }
        add(p.deferralMaximumMonths) { "\($0) mois" }
        add(p.loanRateFloor) { $0.frenchPercent }
        add(p.amoCaps) {
            "cas 1 : \($0.ownerOccupierAlone.formatted(dropZeroCents: true)) ; cas 2 : \($0.ownerOccupierWithAid.formatted(dropZeroCents: true)) ; cas 3 : \($0.landlordAlone.formatted(dropZeroCents: true)) ; cas 4 : \($0.landlordWithAid.formatted(dropZeroCents: true))"
        }
        add(p.annexEnvelopePercent) { "\($0) %" }
        add(p.remainingCostThreshold) { $0.formatted(dropZeroCents: true) }
        add(p.depositPercent) { "\($0) %" }
        add(p.debtRatioAlertPercent) { "\($0) %" }
        let history = try await ParameterStore().all(on: req.db).map {
            ["v\($0.number)", $0.createdAt.map(AccountController.frenchDate) ?? "", $0.author, $0.note]
        }
        let form = FormPageModel(
            heading: "Nouvelle valeur à partir d'une date",
            intro: [
                "Chaque modification crée une nouvelle version des paramètres ; les calculs indiquent la version utilisée."
            ],
            action: "/admin/parametres",
            fields: [
                .select(
                    name: "series", label: "Paramètre",
                    choices: Self.editable.map { Choice($0.id, "\($0.id) — \($0.label)") }),
                .input(name: "valid_from", label: "En vigueur à partir du", hint: "JJ/MM/AAAA"),
                .input(name: "value", label: "Valeur", hint: "Montant en euros, nombre entier, ou taux en % (1,5)"),
                .input(name: "source", label: "Source", hint: "Texte ou décision qui fixe cette valeur"),
            ],
            submit: "Enregistrer la nouvelle version", state: state ?? req.formState())
        let livretForm = FormPageModel(
            heading: "Nouveau taux du Livret A",
            intro: ["P-L-RATE : le prêt prend le taux en vigueur au 31 décembre de l'année précédente, 1 % au moins."],
            action: "/admin/parametres/livret-a",
            fields: [
                .input(name: "effective", label: "En vigueur à partir du", hint: "JJ/MM/AAAA"),
                .input(name: "rate", label: "Taux (%)", hint: "Par exemple 1,5"),
                .input(name: "reference", label: "Texte de référence", hint: "Arrêté, avis au Journal officiel…"),
            ],
            submit: "Ajouter le taux", state: livretState ?? req.formState())
        let anahForm = FormPageModel(
            heading: "Plafonds de ressources Anah d'une année",
            intro: [
                "P-ANAH : plafonds annuels (revenu fiscal de référence, en euros) ; une année déjà connue est remplacée."
            ],
            action: "/admin/parametres/anah",
            fields: [
                .input(name: "year", label: "Année"),
                .select(
                    name: "region", label: "Région",
                    choices: [
                        Choice("hors_ile_de_france", "Hors Île-de-France"), Choice("ile_de_france", "Île-de-France"),
                    ]),
                .select(
                    name: "category", label: "Catégorie",
                    choices: [
                        Choice("tres_modeste", "Très modeste"), Choice("modeste", "Modeste"),
                        Choice("intermediaire", "Intermédiaire"),
                    ]),
                .input(name: "p1", label: "1 personne"), .input(name: "p2", label: "2 personnes"),
                .input(name: "p3", label: "3 personnes"),
                .input(name: "p4", label: "4 personnes"), .input(name: "p5", label: "5 personnes"),
                .input(name: "extra", label: "Par personne supplémentaire"),
                .input(name: "source", label: "Source"),
            ],
            submit: "Enregistrer les plafonds", state: anahState ?? req.formState())
        let livretRows = reference.livretA.reversed().map {
            [$0.effective.french, $0.rate.frenchPercent, $0.reference]
        }
        let anahRows = reference.anahCeilings.sorted {
            ($0.year, $0.region.rawValue, $0.category.rawValue) > ($1.year, $1.region.rawValue, $1.category.rawValue)
        }
        .map { c in
            [
                String(c.year), c.region == .ileDeFrance ? "Île-de-France" : "hors Île-de-France", c.category.rawValue,
                c.persons.map { FrenchFormat.integer($0) }.joined(separator: " / "),
                FrenchFormat.integer(c.perExtraPerson),
            ]
        }
        return .html(
            InfoPage.render(
                req.page(title: "Paramètres"),
                InfoPageModel(
                    heading: "Paramètres de l'aide à la rénovation (\(p.version))",
                    blocks: [
                        .table(
                            caption: "Valeurs datées", headers: ["Id", "Paramètre", "À partir du", "Valeur", "Source"],
                            rows: rows),
                        .form(form),
                        .table(
                            caption: "Taux du Livret A (P-L-RATE)", headers: ["À partir du", "Taux", "Référence"],
                            rows: livretRows),
                        .form(livretForm),
                        .table(
                            caption: "Plafonds Anah (P-ANAH)",
                            headers: [
                                "Année", "Région", "Catégorie", "1 à 5 personnes (€)", "Par personne en plus (€)",
                            ], rows: anahRows),
                        .form(anahForm),
                        .table(caption: "Versions", headers: ["Version", "Date", "Auteur", "Note"], rows: history),
                    ])), status: status)
    }

    func parameters(req: Request) async throws -> Response { try await parametersPage(req) }

    func publish(_ req: Request, _ p: RenovationParameters, note: String) async throws -> Response {
        let label = try await req.application.parameters.publish(
            p, author: try req.signedIn().user.email, note: note, on: req.db)
        try await req.audit.record(
            "paramètres.version", by: .of(req), object: ("paramètres", label), detail: note, on: req.db)
        return Flash.redirect(req, to: "/admin/parametres", .success, "Version \(label) enregistrée.")
    }

    func addLivretA(req: Request) async throws -> Response {
        let v = try req.formValues()
        var errors: [FormState.FieldError] = []
        let day = Day(french: (v["effective"] ?? "").trimmingCharacters(in: .whitespaces))
        if day == nil { errors.append(.init(field: "effective", message: "Date invalide : format JJ/MM/AAAA.")) }
        let rate = Rate(frenchPercent: v["rate"] ?? "")
        if rate.map { $0.tenThousandths > 2_000 } ?? true {
            errors.append(
                .init(
                    field: "rate",
                    message: "Taux illisible : un pourcentage avec au plus deux décimales, par exemple 1,5."))
        }
        let reference = (v["reference"] ?? "").trimmingCharacters(in: .whitespaces)
        if reference.isEmpty {
            errors.append(.init(field: "reference", message: "Indiquez le texte qui fixe ce taux."))
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
            req, p, note: "Plafonds Anah \(year) \(region.rawValue) \(category.rawValue) (\(source))")
    }

    func addParameter(req: Request) async throws -> Response {
        let v = try req.formValues()
        var errors: [FormState.FieldError] = []
        let series = Self.editable.first { $0.id == v["series"] }
        if series == nil { errors.append(.init(field: "series", message: "Choisissez un paramètre.")) }
        let day = Day(french: (v["valid_from"] ?? "").trimmingCharacters(in: .whitespaces))
        if day == nil { errors.append(.init(field: "valid_from", message: "Date invalide : format JJ/MM/AAAA.")) }
        let source = (v["source"] ?? "").trimmingCharacters(in: .whitespaces)
        if source.isEmpty { errors.append(.init(field: "source", message: "Indiquez la source de la valeur.")) }
        let raw = (v["value"] ?? "").trimmingCharacters(in: .whitespaces)
        var p = try await req.application.parameters.current(on: req.db)
        if let series, let day, errors.isEmpty {
            let ok: Bool
            switch series.kind {
            case "euros":
                if let m = FrenchInput.euros(raw), m.cents > 0 {
                    let d = Dated(from: day, m, source: source)
                    switch series.id {
                    case "P-S-PO": p.subsidyCeilingOwnerOccupier = p.subsidyCeilingOwnerOccupier.adding(d)
                    case "P-S-PB": p.subsidyCeilingLandlord = p.subsidyCeilingLandlord.adding(d)
                    case "P-L-MAX": p.loanMaximum = p.loanMaximum.adding(d)
                    default: p.remainingCostThreshold = p.remainingCostThreshold.adding(d)
                    }
                    ok = true
                } else {
                    ok = false
                }
            case "taux":
                if let r = Rate(
                    decimal: raw.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: "")
                        .trimmingCharacters(in: .whitespaces), percent: true)
                {
                    p.loanRateFloor = p.loanRateFloor.adding(Dated(from: day, r, source: source))
                    ok = true
                } else {
                    ok = false
                }
            default:
                if let n = Int(raw), (0...1000).contains(n) {
                    let d = Dated(from: day, n, source: source)
                    switch series.id {
                    case "P-L-DUR": p.loanMaximumMonths = p.loanMaximumMonths.adding(d)
                    case "P-L-DEF": p.deferralMaximumMonths = p.deferralMaximumMonths.adding(d)
                    case "P-ANNEX": p.annexEnvelopePercent = p.annexEnvelopePercent.adding(d)
                    case "P-ACOMPTE": p.depositPercent = p.depositPercent.adding(d)
                    default: p.debtRatioAlertPercent = p.debtRatioAlertPercent.adding(d)
                    }
                    ok = true
                } else {
                    ok = false
                }
            }
            if !ok {
                errors.append(.init(field: "value", message: "Valeur illisible pour \(series.id) (\(series.kind))."))
            }
        }
        guard errors.isEmpty, let series, let day else {
            return try await parametersPage(req, state: req.formState(v, errors: errors), status: .unprocessableEntity)
        }
        return try await publish(req, p, note: "\(series.id) à partir du \(day.french) : \(raw) (\(source))")
    }
}
