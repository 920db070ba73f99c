import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence
import SQLKit
import Vapor

/// Issue #13's benchmark: the instructor's queue with 100 000 filed dossiers on PostgreSQL, under
/// 100 ms at the 95th percentile with 20 clients at once (`DossierPagesBenchmark`'s method). The
/// instructor's scope is a region (Auvergne-Rhône-Alpes, R84): twelve of the twenty departments
/// the dossiers are spread over, so that the queue reads most of the table's rows by its index.
public enum InstructionQueueBenchmark {
    public static let target = 100.0

    static let departments = [
        "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",  // R84
        "13", "33", "35", "59", "67", "75", "971", "974",
    ]

    public static func run(
        postgresURL: String, dossiers: Int = 100_000, perClient: Int = 20
    ) async throws
        -> [PagesBenchmark.Figures]
    {
        try await PagesBenchmark.withApp(postgresURL: postgresURL, connectionsPerEventLoop: 8) { app in
            let (cookie, cursor) = try await seed(app, dossiers: dossiers)
            let warm = "/instruction/dossiers"
            _ = try await DossierPagesBenchmark.measure(app, label: "", path: warm, cookie: cookie, perClient: 2)
            var out: [PagesBenchmark.Figures] = []
            for (label, path) in [
                ("File, tous les états", "/instruction/dossiers"),
                ("File, déposés", "/instruction/dossiers?etat=depos%C3%A9"),
                ("File, recherche", "/instruction/dossiers?q=CELINE+GARNIER"),
                ("File, filtres", "/instruction/dossiers?departement=69&montant_min=12+000&age=30"),
                ("File, page 50", "/instruction/dossiers?apres=\(cursor)"),
            ] {
                let alone = try await PagesBenchmark.measure(
                    app, label: label, path: path, cookie: cookie, requests: 50)
                var figures = try await DossierPagesBenchmark.measure(
                    app, label: label, path: path, cookie: cookie, perClient: perClient)
                figures.alone = alone.median
                out.append(figures)
            }
            return out
        }
    }

    /// The dossiers, filed over the last months in every state of instruction; an instructor of
    /// R84 signed in. Returns their session cookie and the cursor of their queue's 50th page.
    static func seed(_ app: Application, dossiers: Int) async throws -> (String, String) {
        guard let sql = app.db as? any SQLDatabase else { throw Abort(.internalServerError) }
        let answers = try String(
            decoding: JSONEncoder().encode(DemoDossiers.complete(address: "1 rue du Banc")), as: UTF8.self)
        let states = InstructionFilter.states.map { "'\($0.rawValue)'" }.joined(separator: ",")
        let departmentList = Self.departments.map { "'\($0)'" }.joined(separator: ",")
        let name =
            "\(DossierPagesBenchmark.pick(DossierPagesBenchmark.firstNames, "g / 10")) || ' ' || "
            + DossierPagesBenchmark.pick(DossierPagesBenchmark.surnames, "g / 300")
        try await sql.raw(
            """
            INSERT INTO renovation_dossiers (id, reference, beneficiary_id, amo_id, mandate, created_by_amo, status,
                version, answers, insee, address_key, beneficiary_name, created_at, updated_at, filed_at,
                department, granted_cents, search_text)
            SELECT gen_random_uuid(), 'RENO-2026-' || lpad(g::text, 8, '0'), gen_random_uuid(), NULL, 'aucun', false,
                   (ARRAY[\(unsafeRaw: states)])[1 + g % 8], 1, \(bind: answers), '01053', g::text || ' RUE DU BANC',
                   \(unsafeRaw: name), now() - make_interval(secs => g * 60), now() - make_interval(secs => g * 60),
                   now() - make_interval(secs => g * 60), (ARRAY[\(unsafeRaw: departmentList)])[1 + g % 20],
                   500000 + (g * 7919) % 2500000,
                   lower(\(unsafeRaw: name)) || ' | ' || g::text || ' rue du banc | 73282932000074'
            FROM generate_series(1, \(unsafeRaw: String(dossiers))) AS g
            """
        ).run()
        // The names were written with accents: fold them as the application does.
        try await fold(sql)
        try await sql.raw("VACUUM ANALYZE renovation_dossiers").run()
        let now = app.clock.now()
        let user = try await UserStore().create(
            email: "instructeur@bench.invalid", passwordHash: "x", displayName: "Instructeur", on: app.db)
        try await UserStore().activate(id: user.id, at: now, on: app.db)
        _ = try await UserStore().grant(userID: user.id, role: .instructeur, scope: ["R84"], on: app.db)
        let token = Tokens.random()
        _ = try await SessionStore().create(
            tokenHash: Tokens.digest(token), userID: user.id, csrfToken: Tokens.random(), now: now,
            expiresAt: now.addingTimeInterval(3600), on: app.db)
        var filter = InstructionFilter(scope: Set(Self.departments.prefix(12)))
        filter.state = nil
        let page = try await InstructionQueueStore().rows(filter, after: nil, limit: 50 * 50, on: app.db)
        guard let last = page.last, let filed = last.filedAt else { throw Abort(.internalServerError) }
        let cursor = TimeCursor(at: filed, id: last.id.rawValue).text
        return (token, cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    /// The accented letters of the seeded names folded as `SearchText.fold` does.
    static func fold(_ sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE renovation_dossiers SET search_text =
              translate(search_text, 'éèêëàâäîïôöûüùçÉÈÊËÀÂÎÏÔÛÙÇ', 'eeeeaaaiioouuuceeeeaaiioouuc')
            """
        ).run()
    }
}
