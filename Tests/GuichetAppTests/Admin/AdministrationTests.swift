import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import SQLKit
import Testing
import VaporTesting

@testable import GuichetApp

@Suite struct AdministrationTests {
    /// An administrator created from the shell path, signed in through the link it received.
    static func admin(_ app: Application) async throws -> Browser {
        let created = try await StaffService(app: app, db: app.db).createStaff(
            email: "adele@al.test", name: "Adèle", roles: [.administrateur], scope: [], actor: .shell())
        guard case .created(let c) = created else {
            Issue.record("staff refused")
            throw Abort(.internalServerError)
        }
        let b = Browser(app)
        let path = String(c.activationLink.dropFirst("http://127.0.0.1:8080".count))
        let pw = "Mot de passe administrateur 1"
        #expect(try await b.post(path, ["password": pw, "password_confirm": pw]).status == .seeOther)
        #expect(try await b.post("/connexion", ["email": "adele@al.test", "password": pw]).status == .seeOther)
        return b
    }

    @Test func administratorCreatesScopedStaff() async throws {
        try await TestApp.run { app in
            let b = try await Self.admin(app)
            let refused = try await b.post(
                "/admin/comptes", ["name": "Ivan", "email": "ivan@al.test", "role": "instructeur", "scope": "01, 99X"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Codes inconnus : 99X"))
            #expect(refused.body.string.contains(#"value="ivan@al.test""#))
            #expect(
                try await b.post(
                    "/admin/comptes",
                    ["name": "Ivan", "email": "ivan@al.test", "role": "instructeur", "scope": "01, R84, 974"]
                ).status == .seeOther)
            let ivan = try #require(try await UserStore().find(email: "ivan@al.test", on: app.db))
            let grants = try await UserStore().grants(userID: ivan.id, on: app.db)
            #expect(grants.map(\.role) == [.instructeur])
            #expect(grants.first?.scope == ["01", "R84", "974"])
            #expect(try await b.lastEmail(to: "ivan@al.test")?.subject == "Votre accès à Guichet")
            let denied = try await b.post(
                "/admin/comptes", ["name": "B", "email": "b@al.test", "role": "beneficiaire", "scope": ""])
            #expect(denied.status == .unprocessableEntity, "staff roles only")
        }
    }

    @Test func amoRequestReviewedThenListedInTheDirectory() async throws {
        try await TestApp.run { app in
            let visitor = Browser(app)
            let form: [String: String] = [
                "siret": "732 829 320 00074", "company_name": "Rénov'Conseil", "department": "01",
                "legal_civility": "Madame",
                "legal_usage_name": "Alice Martin", "legal_birth_name": "Durand", "legal_birth_date": "12/03/1975",
                "legal_birth_city": "Lyon",
                "contact_name": "Bruno Petit", "contact_email": "bruno@renov.test", "contact_phone": "06 12 34 56 78",
            ]
            let missingCheckbox = try await visitor.post("/amo/demande", form)
            #expect(missingCheckbox.status == .unprocessableEntity)
            #expect(missingCheckbox.body.string.contains("entreprises de travaux"))
            #expect(missingCheckbox.body.string.contains(#"value="Rénov&#39;Conseil""#))
            var ok = form
            ok["not_works_company"] = "oui"
            #expect(try await visitor.post("/amo/demande", ok).status == .ok)
            #expect(
                try await visitor.post("/amo/demande", ok).status == .unprocessableEntity, "one live request per SIRET")
            #expect(
                !(try await visitor.get("/amo/annuaire").body.string.contains("73282932000074")),
                "not listed before acceptance")

            let admin = try await Self.admin(app)
            let list = try await admin.get("/admin/amo")
            #expect(list.body.string.contains("Rénov&#39;Conseil") || list.body.string.contains("Rénov'Conseil"))
            let org = try #require(try await OrganisationStore().list(kind: .amo, status: .pending, on: app.db).first)
            #expect(
                try await admin.post("/admin/amo/\(org.id.uuidString)/decision", ["decision": "accept"]).status
                    == .seeOther)
            #expect(
                try await admin.post("/admin/amo/\(org.id.uuidString)/decision", ["decision": "accept"]).status
                    == .notFound, "decided once")
            let mail = try #require(try await admin.lastEmail(to: "bruno@renov.test"))
            #expect(mail.subject == "Votre compte AMO est ouvert")
            let bruno = try #require(try await UserStore().find(email: "bruno@renov.test", on: app.db))
            #expect(try await UserStore().grants(userID: bruno.id, on: app.db).first?.organisationID == org.id)

            let dir = try await visitor.get("/amo/annuaire?q=renov&departement=01")
            #expect(dir.body.string.contains("73282932000074"))
            // Issue #11: the contact it gave, words without apostrophes, digits only as a prefix.
            for shown in ["Bruno Petit", "bruno@renov.test", "06 12 34 56 78", "01 – Ain"] {
                #expect(dir.body.string.contains(shown), "\(shown)")
            }
            for query in ["r%C3%A9nov+conseil", "RENOV%27CONSEIL", "732+829", "73282932000074", "conseil"] {
                #expect(
                    try await visitor.get("/amo/annuaire?q=\(query)").body.string.contains("73282932000074"), "\(query)"
                )
            }
            for query in ["zzz1", "2932", "conseils+renov+plus", "00074"] {
                #expect(
                    !(try await visitor.get("/amo/annuaire?q=\(query)").body.string.contains("73282932000074")),
                    "\(query)")
            }
            #expect(!(try await visitor.get("/amo/annuaire?departement=974").body.string.contains("73282932000074")))
        }
    }

    @Test func auditTrailIsChainedVerifiableAndExportable() async throws {
        try await TestApp.run { app in
            let admin = try await Self.admin(app)
            // The page checks the head against the signed checkpoint; the whole chain on demand.
            #expect(try await admin.get("/admin/journal").body.string.contains("Journal d'audit"))
            let page = try await admin.get("/admin/journal/verification")
            #expect(page.body.string.contains("Chaînage vérifié"))
            let csv = try await admin.get("/admin/journal.csv")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.string.hasPrefix("\u{FEFF}n°;date (Europe/Paris);acteur"))
            #expect(csv.body.string.contains("connexion.réussie"))

            let all = try await AuditStore().all(on: app.db)
            #expect(AuditService.verify(all).firstBroken == nil)
            #expect(all.allSatisfy { !$0.clientAddress.isEmpty && !$0.actorRole.isEmpty })
            // Tampering with an entry is detected (by someone who removed the append-only triggers).
            let sql = try #require(app.db as? any SQLDatabase)
            try await AuditTrailTests.dropTriggers(app)
            try await sql.raw("UPDATE audit_log SET detail = 'falsifié' WHERE seq = 2").run()
            let check = AuditService.verify(try await AuditStore().all(on: app.db))
            #expect(check.firstBroken == 2)
            #expect((try await admin.get("/admin/journal/verification")).body.string.contains("ALERTE"))
            // Deleting one is detected too.
            try await sql.raw("DELETE FROM audit_log WHERE seq = 3").run()
            #expect(AuditService.verify(try await AuditStore().all(on: app.db)).firstBroken != nil)
        }
    }

    @Test func parametersAreEditedAsNewVersions() async throws {
        try await TestApp.run { app in
            let admin = try await Self.admin(app)
            let bad = try await admin.post(
                "/admin/parametres", ["series": "P-S-PO", "valid_from": "31/02/2027", "value": "douze", "source": ""])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Date invalide"))
            #expect(bad.body.string.contains("Indiquez la source"))
            #expect(bad.body.string.contains("Valeur illisible pour P-S-PO"), "every error at once (issue #11)")
            let percent = try await admin.post(
                "/admin/parametres", ["series": "P-ACOMPTE", "valid_from": "01/01/2027", "value": "300", "source": "x"])
            #expect(percent.status == .unprocessableEntity, "a percentage is at most 100")
            #expect(
                try await admin.post(
                    "/admin/parametres",
                    ["series": "P-S-PO", "valid_from": "01/01/2027", "value": "22 000", "source": "Délibération test"]
                ).status == .seeOther)
            #expect(
                try await admin.post(
                    "/admin/parametres",
                    ["series": "P-L-RATE", "valid_from": "01/01/2027", "value": "1,25", "source": "Délibération test"]
                ).status == .seeOther)
            let p = try await app.parameters.current(on: app.db)
            #expect(p.version == "v3")
            #expect(p.subsidyCeilingOwnerOccupier.entries.last?.value == .euros(22_000))
            #expect(p.loanRateFloor.entries.last?.value == Rate(tenThousandths: 125))
            let page = try await admin.get("/admin/parametres")
            #expect(page.body.string.contains("v3"))
            #expect(page.body.string.contains("Délibération test"))

            // P-L-RATE and P-ANAH: new Livret A rate and new Anah ceilings without redeploying.
            let badRate = try await admin.post(
                "/admin/parametres/livret-a", ["effective": "01/02/2027", "rate": "beaucoup", "reference": ""])
            #expect(badRate.status == .unprocessableEntity)
            #expect(
                try await admin.post(
                    "/admin/parametres/livret-a",
                    ["effective": "01/08/2026", "rate": "3,25", "reference": "Arrêté test"]
                ).status == .seeOther)
            let badAnah = try await admin.post(
                "/admin/parametres/anah",
                [
                    "year": "2026", "region": "hors_ile_de_france", "category": "modeste",
                    "p1": "30 000", "p2": "20 000", "p3": "25 000", "p4": "26 000", "p5": "27 000", "extra": "3",
                    "source": "s",
                ])
            #expect(badAnah.status == .unprocessableEntity)
            #expect(badAnah.body.string.contains("croître"))
            #expect(
                try await admin.post(
                    "/admin/parametres/anah",
                    [
                        "year": "2026", "region": "hors_ile_de_france", "category": "modeste",
                        "p1": "22 500", "p2": "32 900", "p3": "39 600", "p4": "46 200", "p5": "52 900",
                        "extra": "6 700", "source": "Circulaire test",
                    ]
                ).status == .seeOther)
            let v5 = try await app.parameters.current(on: app.db)
            #expect(v5.version == "v5")
            let body =
                #"{"reference_date":"2027-03-01","applicant":{"kind":"owner_occupier","employment":"private_sector","household_size":3,"reference_tax_income":3960000},"dwelling":{"insee_code":"01001"},"plan":{"companies":[{"siret":"73282932000074","rge":true,"main_works":1000000}],"loan_only_works":2000000,"loan":{"amount":500000,"months":60}}}"#
            let res = try await app.testing().sendRequest(
                .POST, "api/v1/renovation/simulations", headers: .json, body: .json(body))
            #expect(
                res.body.string.contains(#""annual_rate":"0.0325""#),
                "Livret A on 31/12/2026 is the administrator's 3,25 %")
            #expect(
                res.body.string.contains("plafond modeste 2026 hors Île-de-France pour 3 personnes : 39"),
                "2026 ceilings from the administrator")
            #expect(res.body.string.contains(#""parameters_version":"v5""#))
        }
    }

    @Test func demoModeSeedsEveryRoleButRefusesRealData() async throws {
        try await TestApp.run { app in
            let accounts = try await DemoSeeder(app: app).seed()
            #expect(Set(accounts.map(\.1)) == Set(Role.allCases))
            let (email, _, password) = try #require(accounts.first { $0.1 == .amo })
            let b = Browser(app)
            #expect(try await b.post("/connexion", ["email": email, "password": password]).status == .seeOther)
            app.isDemo = true
            #expect(try await b.get("/").body.string.contains("DÉMONSTRATION"))
            // Seeding again renews the one-time passwords.
            _ = try await DemoSeeder(app: app).seed()
            _ = try await UserStore().create(
                email: "vrai@example.fr", passwordHash: "x", displayName: "Vrai", on: app.db)
            await #expect(throws: DemoSeeder.Refused.self) { _ = try await DemoSeeder(app: app).seed() }
        }
    }

    /// Issue #13: the demonstration holds a dossier in every state of instruction, one awaiting
    /// the demo beneficiary's signature and one signed with a valid signature.
    @Test func demoDossiersCoverEveryStateOfInstruction() async throws {
        try await TestApp.run { app in
            _ = try await DemoSeeder(app: app).seed()
            let sql = try #require(app.db as? any SQLDatabase)
            let states = Set(
                try await sql.raw("SELECT status FROM renovation_dossiers").all().map {
                    try $0.decode(column: "status", as: String.self)
                })
            for state in [
                DossierState.draft, .filed, .inInstruction, .toCorrect, .awaitingSignature, .agreementSigned,
                .refused, .cancelled,
            ] {
                #expect(states.contains(state.rawValue), "\(state)")
            }
            let claire = try #require(
                try await UserStore().find(email: "beneficiaire@demo.guichet.invalid", on: app.db))
            #expect(
                try await DossierStore().list(beneficiary: claire.id, on: app.db).contains {
                    $0.state == .awaitingSignature
                })
            let signed = try await sql.raw("SELECT id FROM renovation_dossiers WHERE signed_file_id IS NOT NULL").all()
            let id = try #require(signed.first.map { DossierID(try $0.decode(column: "id", as: UUID.self)) })
            let file = try #require(try await InstructionStore().find(id, on: app.db)?.signedFileID)
            let data = try #require(try await app.files.get(id: file, on: app.db)?.data)
            #expect(await PDFSignatureVerifier.verify(data).isValid)
        }
    }
}

@Suite struct APITokenTests {
    @Test func amoCreatesUsesAndRevokesAToken() async throws {
        try await TestApp.run { app in
            let (email, password) = ("amo@renov.test", "Phrase de passe AMO 2026")
            let user = try await UserStore().create(
                email: email, passwordHash: try Passwords(cost: 4).hash(password), displayName: "AMO",
                activatedAt: Date(), on: app.db)
            try await UserStore().grant(userID: user.id, role: .amo, on: app.db)
            let b = Browser(app)
            #expect(try await b.post("/connexion", ["email": email, "password": password]).status == .seeOther)
            let created = try await b.post("/compte/jetons", ["name": "Logiciel"])
            let html = created.body.string
            let start = try #require(html.range(of: "<code>gui_"))
            let token = String(html[start.upperBound...].prefix { $0 != "<" }).replacingOccurrences(of: "", with: "")
            let full = "gui_" + token
            let me = try await app.testing().sendRequest(
                .GET, "/api/v1/moi", headers: ["Authorization": "Bearer \(full)"])
            #expect(me.status == .ok)
            #expect(me.body.string.contains(#""roles":["amo"]"#))
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/moi").status == .unauthorized)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/moi", headers: ["Authorization": "Bearer faux"])
                    .status == .unauthorized)
            let stored = try await TokenStore().apiTokens(userID: user.id, on: app.db)
            #expect(stored.count == 1)
            #expect(try await b.post("/compte/jetons/\(stored[0].id.uuidString)/revocation", [:]).status == .seeOther)
            #expect(
                try await app.testing().sendRequest(.GET, "/api/v1/moi", headers: ["Authorization": "Bearer \(full)"])
                    .status == .unauthorized)
            // Only the digest is stored.
            let sql = try #require(app.db as? any SQLDatabase)
            let rows = try await sql.raw("SELECT token_hash FROM api_tokens").all()
            #expect(try rows.first?.decode(column: "token_hash", as: String.self) == Tokens.digest(full))
        }
    }
}
