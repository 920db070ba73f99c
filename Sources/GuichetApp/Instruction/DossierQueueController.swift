import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews
import Vapor

/// `/instruction/dossiers`: the instructor's workspace for renovation dossiers (issue #13), scoped
/// to their departments and regions (administrators and the committee see every department):
/// tabs by state, filters, accent-insensitive search, keyset pages, CSV and XLSX exports of the
/// filtered list, assignment and reminders in bulk.
struct DossierQueueController: RouteCollection {
    static let staff: Access = .roles([.instructeur, .comite, .administrateur])
    static let pageSize = 50
    /// The exports' bound (a larger list: narrow the filters).
    static let exportLimit = 20_000

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "instruction", "dossiers", access: Self.staff, use: queue)
        routes.on(.GET, "instruction", "dossiers", "export.csv", access: Self.staff) { req in
            try await self.export(req, xlsx: false)
        }
        routes.on(.GET, "instruction", "dossiers", "export.xlsx", access: Self.staff) { req in
            try await self.export(req, xlsx: true)
        }
        routes.on(.POST, "instruction", "dossiers", "selection", access: .roles([.instructeur]), use: selection)
    }

    /// The filters read from the query (every value bounded; a wrong one is ignored).
    struct Query {
        var filter: InstructionFilter
        var values: [String: String]

        init(_ req: Request, principal p: Principal) {
            let reference = req.application.referenceData
            filter = InstructionFilter(scope: SentFilings.departments(of: p.grants, reference: reference))
            var values: [String: String] = [:]
            for key in ["q", "departement", "amo", "montant_min", "montant_max", "age", "etat"] {
                // Bounded, control characters (a NUL byte PostgreSQL would refuse) turned into spaces.
                let raw = String((req.query[String.self, at: key] ?? "").prefix(TextLimits.name))
                values[key] = TextInput.withoutControlCharacters(raw)
            }
            for key in ["pieces_refusees", "pieces_expirees", "a_moi"] where req.query[String.self, at: key] == "oui" {
                values[key] = "oui"
            }
            self.values = values
            let v = { (key: String) in values[key].flatMap { $0.isEmpty ? nil : $0 } }
            filter.state = v("etat").flatMap(DossierState.init(rawValue:))
            filter.department = v("departement")
            filter.amo = v("amo").flatMap(UUID.init(uuidString:)).map { OrganisationID($0) }
            filter.minAmount = v("montant_min").flatMap(FrenchInput.euros)
            filter.maxAmount = v("montant_max").flatMap(FrenchInput.euros)
            if let days = v("age").flatMap(Int.init), (0...3650).contains(days) {
                filter.filedBefore = req.application.clock.now().addingTimeInterval(-Double(days) * 86_400)
            }
            filter.rejectedDocuments = values["pieces_refusees"] == "oui"
            if values["pieces_expirees"] == "oui" { filter.expiringOn = req.application.clock.today }
            if values["a_moi"] == "oui" { filter.assignedTo = p.user.id }
            filter.search = v("q")
        }

        /// The query string of these filters (with another state when given).
        func query(state: String? = nil) -> String {
            var items = values
            if let state { items["etat"] = state }
            var c = URLComponents()
            c.queryItems = items.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map {
                URLQueryItem(name: $0.key, value: $0.value)
            }
            return c.percentEncodedQuery ?? ""
        }
    }

    func queue(req: Request) async throws -> Response {
        let p = try req.signedIn()
        let q = Query(req, principal: p)
        let store = InstructionQueueStore()
        let cursor = req.query[String.self, at: "apres"].flatMap(TimeCursor.init(text:))
        let found = try await store.rows(q.filter, after: cursor, limit: Self.pageSize + 1, on: req.db)
        let filter = q.filter
        let scopeKey = filter.scope.map { $0.sorted().joined(separator: ",") } ?? "*"
        let counts = try await req.application.queueCounts.counts(
            key: scopeKey + "?" + q.query(state: "") + (filter.assignedTo.map { "&moi=\($0.uuidString)" } ?? ""),
            now: req.application.clock.now()
        ) { [db = req.db] in try await store.counts(filter, on: db) }
        let shown = Array(found.prefix(Self.pageSize))
        let next =
            found.count > Self.pageSize
            ? shown.last.flatMap { r in
                r.filedAt.map {
                    "/instruction/dossiers?\(q.query())&apres=\(TimeCursor(at: $0, id: r.id.rawValue).text)"
                }
            } : nil
        var tabs = [
            InstructionQueuePage.Tab(
                label: "Tous", count: counts.values.reduce(0, +), href: "/instruction/dossiers?\(q.query(state: ""))",
                current: q.filter.state == nil)
        ]
        tabs += InstructionFilter.states.map { s in
            .init(
                label: s.french, count: counts[s] ?? 0, href: "/instruction/dossiers?\(q.query(state: s.rawValue))",
                current: q.filter.state == s)
        }
        var model = InstructionQueuePage.Model(
            scope: scopeText(q.filter.scope, req), tabs: tabs, filters: req.formState(q.values),
            departments: departmentChoices(q.filter.scope, req), amos: try await amoChoices(req),
            rows: shown.map(Self.row), next: next, query: q.query(), csrf: req.csrfToken)
        model.mayAct = p.has(.instructeur)
        return .html(InstructionQueuePage.render(req.page(), model))
    }

    static func row(_ r: InstructionRow) -> InstructionQueuePage.Row {
        let day = AppClock.parisFormatter("dd/MM/yyyy")
        return .init(
            reference: r.reference, href: "/instruction/dossiers/\(r.id.uuidString)", id: r.id.uuidString,
            beneficiary: r.beneficiaryName, department: r.department ?? "—", state: r.state.french,
            amo: r.amoName ?? "—", amount: r.granted.map { FrenchFormat.money($0) } ?? "—",
            filed: r.filedAt.map(day.string) ?? "—", assignee: r.assignee ?? "—")
    }

    func scopeText(_ scope: Set<String>?, _ req: Request) -> String {
        guard let scope else { return "tous les départements" }
        if scope.isEmpty { return "aucun département (demandez à un administrateur de définir votre périmètre)" }
        let names = req.application.referenceData.departments
        return scope.sorted().map { "\($0) \(names[$0]?.name ?? "")" }.joined(separator: ", ")
    }

    func departmentChoices(_ scope: Set<String>?, _ req: Request) -> [Choice] {
        let all = req.application.referenceData.departments
        let codes = scope.map { Array($0) } ?? Array(all.keys)
        return codes.sorted().map { Choice($0, "\($0) \(all[$0]?.name ?? "")") }
    }

    func amoChoices(_ req: Request) async throws -> [Choice] {
        try await OrganisationStore().list(kind: .amo, status: .accepted, on: req.db).map {
            Choice($0.id.uuidString, $0.name)
        }
    }
}
