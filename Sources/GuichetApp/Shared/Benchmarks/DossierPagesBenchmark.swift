import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import SQLKit
import Vapor

/// Issue #12's benchmark: with 100 000 dossiers on PostgreSQL, the AMO dashboard and a dossier's
/// pages answer in under 50 ms at the 95th percentile with 20 clients at once; the financing plan
/// is recomputed on save in under 1 ms. Same method as `PagesBenchmark`: a fresh schema of the
/// database given (loopback only), requests through the whole middleware stack, in process.
public enum DossierPagesBenchmark {
    public static let target = 50.0
    public static let clients = 20

    public static func run(
        postgresURL: String, dossiers: Int = 100_000, perClient: Int = 20
    ) async throws
        -> [PagesBenchmark.Figures]
    {
        try await PagesBenchmark.withApp(postgresURL: postgresURL, connectionsPerEventLoop: 8) { app in
            let (cookie, dossier, cursor) = try await seed(app, dossiers: dossiers)
            // A running server's connection pool is open: one round of every client first, not
            // measured (otherwise the first page measured pays for opening the connections).
            _ = try await measure(app, label: "", path: "/dossiers", cookie: cookie, perClient: 2)
            var out: [PagesBenchmark.Figures] = []
            for (label, path) in [
                ("Tableau de bord AMO", "/dossiers"),
                ("Tableau de bord, recherche", "/dossiers?recherche=c%C3%A9line%20garnier"),
                ("Tableau de bord, page 50", "/dossiers?apres=\(cursor)"),
                ("Dossier, étapes", "/dossiers/\(dossier)"),
                ("Dossier, plan", "/dossiers/\(dossier)/plan-de-financement"),
                ("Dossier, récapitulatif", "/dossiers/\(dossier)/recapitulatif"),
            ] {
                let alone = try await PagesBenchmark.measure(
                    app, label: label, path: path, cookie: cookie, requests: 50)
                var figures = try await measure(app, label: label, path: path, cookie: cookie, perClient: perClient)
                figures.alone = alone.median
                out.append(figures)
            }
            return out
        }
    }

    /// Ten AMOs share the dossiers (10 000 each); the one measured signs in. Returns its session
    /// cookie, one of its dossiers and the cursor of its 50th page.
    static func seed(_ app: Application, dossiers: Int) async throws -> (String, String, String) {
        guard let sql = app.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        var amos: [OrganisationID] = []
        for n in 0..<10 {
            amos.append(
                try await OrganisationStore().create(
                    kind: .amo, name: "AMO \(n)", identifier: "bench\(n)", department: "01", status: .accepted,
                    details: "",
                    on: app.db
                ).id)
        }
        let answers = try String(
            decoding: JSONEncoder().encode(DemoDossiers.complete(address: "1 rue du Banc")), as: UTF8.self)
        let ids = amos.map { "'\($0.uuidString)'" }.joined(separator: ",")
        try await sql.raw(
            """
            INSERT INTO renovation_dossiers (id, reference, beneficiary_id, amo_id, mandate, created_by_amo, status,
                version, answers, insee, address_key, beneficiary_name, created_at, updated_at)
            SELECT gen_random_uuid(), 'RENO-2026-' || lpad(g::text, 8, '0'), gen_random_uuid(),
                   (ARRAY[\(unsafeRaw: ids)]::uuid[])[1 + g % 10], 'accepté', false, 'brouillon', 0,
                   \(bind: answers), '01053', g::text || ' RUE DU BANC',
                   \(unsafeRaw: Self.pick(Self.firstNames, "g / 10"))
                       || ' ' || \(unsafeRaw: Self.pick(Self.surnames, "g / 300")),
                   now() - make_interval(secs => g), now() - make_interval(secs => g)
            FROM generate_series(1, \(unsafeRaw: String(dossiers))) AS g
            """
        ).run()
        // As autovacuum leaves a table in use: statistics, and the trigram indexes' pending
        // entries merged (a GIN index fed by 100 000 inserts otherwise rereads them on each search).
        try await sql.raw("VACUUM ANALYZE renovation_dossiers").run()
        try await sql.raw("ANALYZE").run()
        let now = app.clock.now()
        let amo = try await UserStore().create(
            email: "amo@bench.invalid", passwordHash: "x", displayName: "AMO", on: app.db)
        try await UserStore().activate(id: amo.id, at: now, on: app.db)
        _ = try await UserStore().grant(userID: amo.id, role: .amo, organisationID: amos[0], on: app.db)
        let token = Tokens.random()
        _ = try await SessionStore().create(
            tokenHash: Tokens.digest(token), userID: amo.id, csrfToken: Tokens.random(), now: now,
            expiresAt: now.addingTimeInterval(3600), on: app.db)
        let page = try await DossierStore().summaries(amo: amos[0], after: nil, limit: 50 * 50, on: app.db)
        guard let first = page.first, let fiftieth = page.last else { throw Abort(.internalServerError) }
        let cursor =
            DossierStore.cursor(of: fiftieth).text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return (token, first.id.uuidString, cursor)
    }

    /// The beneficiaries' names: a first name and a surname among common French ones (a search
    /// for one person then finds a few dossiers, as it would in an AMO's real list).
    static let firstNames = [
        "Claire", "Bruno", "Nathalie", "Karim", "Sophie", "Thierry", "Isabelle", "Mohamed", "Céline", "Laurent",
        "Aurélie", "Pascal", "Sandrine", "Julien", "Émilie", "Nicolas", "Fatima", "Olivier", "Valérie", "Sébastien",
        "Hélène", "Christophe", "Marion", "Stéphane", "Nadia", "Frédéric", "Camille", "Yannick", "Léa", "Franck",
    ]
    static let surnames = [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
    ]
    /// SQL choosing a name of the list by a number (`ARRAY['Claire', …][1 + n % 30]`).
    static func pick(_ list: [String], _ n: String) -> String {
        "(ARRAY[\(list.map { "'\($0)'" }.joined(separator: ","))])[1 + (\(n)) % \(list.count)]"
    }

    /// `clients` clients at once, each sending `perClient` requests one after the other.
    static func measure(
        _ app: Application, label: String, path: String, cookie: String, perClient: Int
    ) async throws
        -> PagesBenchmark.Figures
    {
        // The responder a server builds once at start (`app.responder.current` builds it again).
        let responder = app.responder.current
        let samples = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var mine: [Double] = []
                    for _ in 0..<perClient {
                        let request = Request(
                            application: app, method: .GET, url: URI(string: path),
                            headers: ["Cookie": "\(GuichetCookies.session)=\(cookie)"], on: app.eventLoopGroup.next())
                        let start = DispatchTime.now().uptimeNanoseconds
                        let response = try await responder.respond(to: request).get()
                        mine.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
                        guard response.status == .ok else {
                            throw Abort(.internalServerError, reason: "\(path) : \(response.status.code)")
                        }
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }.sorted()
        }
        func at(_ q: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * q))] }
        return PagesBenchmark.Figures(label: label, median: at(0.5), p95: at(0.95), max: samples.last ?? 0)
    }

    /// « Enregistrer et calculer »: the plan's form read into the answers and the plan computed
    /// by the simulation engine, `runs` times; returns the median and the 95th percentile in µs.
    public static func planRecompute(runs: Int = 2_000) -> (median: Double, p95: Double) {
        let reference = (try? ReferenceData.loadBundled()) ?? nil
        guard let reference else { return (.infinity, .infinity) }
        let base = DemoDossiers.complete(address: "1 rue du Banc")
        let values = PlanForm.values(base)
        let today = Day(year: 2026, month: 12, day: 1) ?? Day(ordinal: 0)
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            var a = base
            _ = PlanForm.apply(values, to: &a)
            let result = RenovationSimulation.run(
                a.renovationCase, on: today, parameters: .builtIn, reference: reference)
            if result.financing == nil { return (.infinity, .infinity) }  // the plan must be computed
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
        }
        samples.sort()
        return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 95 / 100)])
    }
}
