import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import GuichetViews
import Testing
import VaporTesting

@testable import GuichetApp

/// The landlord's filing, end to end (`AMI-B`, `AMI-X`, `AMI-K`), with an injected clock around
/// the 2024 deadline (30/09/2024 23:59 Paris = 21:59 UTC).
@Suite struct AMIFilingTests {
    static func utc(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
    static let siren = "732829320"

    /// The 2024 campaign (dates of the sources, example parameters).
    static func campaign2024(_ app: Application) async throws {
        _ = try await CampaignStore().save(
            DemoSeeder.demoCampaigns(today: Day(year: 2024, month: 5, day: 1)!)[0], now: app.clock.now(), on: app.db)
    }

    /// A signed-in landlord of a registered organisation, accepted by an administrator.
    static func landlord(_ app: Application, email: String = "bailleur@hlm.test") async throws -> Browser {
        let b = try await SessionSecurityTests.signedIn(app, email: email)
        try await register(b, email: email)
        try await acceptAll(app)
        return b
    }

    /// What an administrator does on `/admin/bailleurs`: every pending registration accepted.
    static func acceptAll(_ app: Application) async throws {
        for org in try await OrganisationStore().list(kind: .landlord, status: .pending, on: app.db) {
            #expect(
                try await LandlordService(app: app).decide(
                    id: org.id, accept: true, reason: "", actor: .system, adminID: UserID()))
        }
    }

    static func register(_ b: Browser, email: String) async throws {
        let res = try await b.post(
            "/ami/bailleur/inscription",
            [
                "name": "Habitat Réunion", "siren": siren, "kind": "ESH", "address": "1 rue de Paris",
                "postal_code": "97400",
                "city": "Saint-Denis", "contact_name": "Marie Curie", "contact_email": email,
                "contact_phone": "0262 12 34 56",
            ])
        #expect(res.status == .seeOther)
    }

    @Test func landlordRegistrationChecksTheSirenAndAddsMembers() async throws {
        try await TestApp.run { app in
            let b = try await SessionSecurityTests.signedIn(app, email: "bailleur@hlm.test")
            #expect(try await b.get("/ami").body.string.contains("/ami/bailleur/inscription"))
            let bad = try await b.post(
                "/ami/bailleur/inscription",
                [
                    "name": "Habitat Réunion", "siren": "732829321", "kind": "ESH", "address": "",
                    "postal_code": "97400", "city": "Saint-Denis", "contact_name": "M",
                    "contact_email": "bailleur@hlm.test", "contact_phone": "0262123456",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("SIREN invalide"))
            #expect(bad.text.contains("Indiquez l&#39;adresse") || bad.text.contains("Indiquez l'adresse"))
            #expect(bad.text.contains(#"value="Habitat Réunion""#), "what was typed is kept")

            try await Self.register(b, email: "bailleur@hlm.test")
            let landlord = b
            let page = try await landlord.get("/ami/organisation")
            #expect(
                page.text.contains("Entreprise sociale pour l&#39;habitat (ESH)")
                    || page.text.contains("Entreprise sociale pour l'habitat (ESH)"))
            #expect(
                page.text.contains("en attente d&#39;examen") || page.text.contains("en attente d'examen"),
                "issue #9: registration is reviewed")
            #expect(
                try await landlord.get("/ami").text.contains("pas encore acceptée"),
                "a pending organisation cannot file")

            // Members join by consent: the same answer whatever the address, nothing granted yet.
            let known = try await SessionSecurityTests.signedIn(app, email: "collegue@hlm.test")
            let invited = try await landlord.post("/ami/organisation/membres", ["email": "collegue@hlm.test"])
            let unknown = try await landlord.post("/ami/organisation/membres", ["email": "nouveau@hlm.test"])
            #expect(invited.status == .seeOther && unknown.status == .seeOther)
            let invitedNotice = try await landlord.get("/ami/organisation").text
            #expect(invitedNotice.contains("Invitations en attente") && invitedNotice.contains("nouveau@hlm.test"))
            let collegueGrants = try #require(try await UserStore().find(email: "collegue@hlm.test", on: app.db)).id
            #expect(
                try await UserStore().grants(userID: collegueGrants, on: app.db).allSatisfy { $0.role != .bailleur },
                "no right before consent")

            // The known person accepts with their account.
            let mail = try #require(try await landlord.lastEmail(to: "collegue@hlm.test"))
            let link = try #require(landlord.link(in: mail.body, path: "/ami/invitations/"))
            let invitationPage = try await known.get(link).text
            #expect(
                invitationPage.contains("Accepter l&#39;invitation") || invitationPage.contains("Accepter l'invitation")
            )
            #expect(try await known.post(link, [:]).status == .seeOther)
            #expect(try await landlord.get("/ami/organisation").text.contains("collegue@hlm.test"))
            #expect(try await known.post(link, [:]).status == .notFound, "an invitation serves once")

            // The unknown person creates an account on acceptance.
            let mail2 = try #require(try await landlord.lastEmail(to: "nouveau@hlm.test"))
            let link2 = try #require(landlord.link(in: mail2.body, path: "/ami/invitations/"))
            let anonymous = Browser(app)
            #expect(try await anonymous.get(link2).text.contains("Créer mon compte"))
            let weak = try await anonymous.post(
                link2, ["name": "Paul Nouveau", "password": "court", "password_confirm": "court"])
            #expect(weak.status == .unprocessableEntity)
            let joined = try await anonymous.post(
                link2,
                [
                    "name": "Paul Nouveau", "password": AccountFlowTests.password,
                    "password_confirm": AccountFlowTests.password,
                ])
            #expect(joined.status == .seeOther)
            #expect(try await landlord.get("/ami/organisation").text.contains("nouveau@hlm.test"))

            // Staff accounts are never landlord members.
            let admin = try await UserStore().create(
                email: "admin@al.test", passwordHash: "x", displayName: "Admin", activatedAt: Date(), on: app.db)
            try await UserStore().grant(userID: admin.id, role: .administrateur, on: app.db)
            _ = try await landlord.post("/ami/organisation/membres", ["email": "admin@al.test"])
            let mail3 = try #require(try await landlord.lastEmail(to: "admin@al.test"))
            let link3 = try #require(landlord.link(in: mail3.body, path: "/ami/invitations/"))
            let org = try #require(try await OrganisationStore().list(kind: .landlord, on: app.db).first)
            let token = String(link3.dropFirst("/ami/invitations/".count))
            #expect(
                try await LandlordService(app: app).accept(token: token, userID: admin.id, actor: .system)
                    == .refused(LandlordService.staffRefusal))
            #expect(try await UserStore().grants(userID: admin.id, on: app.db).allSatisfy { $0.role != .bailleur })

            // A member removes another, leaves; the last one cannot leave.
            let members = try await LandlordService.members(of: org.id, on: app.db)
            #expect(members.count == 3)
            let paul = try #require(members.first { $0.email == "nouveau@hlm.test" })
            #expect(
                try await landlord.post("/ami/organisation/membres/\(paul.id.uuidString)/retrait", [:]).status
                    == .seeOther)
            #expect(
                try await known.post("/ami/organisation/membres/\(collegueGrants.uuidString)/retrait", [:]).status
                    == .seeOther)
            #expect(try await LandlordService.members(of: org.id, on: app.db).count == 1)
            let me = try #require(try await UserStore().find(email: "bailleur@hlm.test", on: app.db))
            _ = try await landlord.post("/ami/organisation/membres/\(me.id.uuidString)/retrait", [:])
            #expect(try await LandlordService.members(of: org.id, on: app.db).count == 1, "never the last member")

            // A SIREN already registered goes to review instead of being blocked.
            let other = try await SessionSecurityTests.signedIn(app, email: "autre@hlm.test")
            let dup = try await other.post(
                "/ami/bailleur/inscription",
                [
                    "name": "Copie", "siren": Self.siren, "kind": "OPH", "address": "2 rue",
                    "postal_code": "97400", "city": "Saint-Denis", "contact_name": "A",
                    "contact_email": "autre@hlm.test", "contact_phone": "0262123456",
                ])
            #expect(dup.status == .seeOther)
            let pending = try await OrganisationStore().list(kind: .landlord, status: .pending, on: app.db)
            #expect(pending.count == 2, "both registrations of the SIREN wait for the administrator")
        }
    }

    /// Issue #9: a member of one organisation cannot remove a member of another (404), and an
    /// invitation sent to one address cannot be accepted by another account.
    @Test func anotherOrganisationsMembersAreOutOfReach() async throws {
        try await TestApp.run { app in
            let a = try await Self.landlord(app, email: "a@hlm.test")
            let b = try await SessionSecurityTests.signedIn(app, email: "b@autre.test")
            #expect(
                try await b.post(
                    "/ami/bailleur/inscription",
                    [
                        "name": "Autre Habitat", "siren": "552100554", "kind": "OPH", "address": "2 rue",
                        "postal_code": "97400",
                        "city": "Saint-Denis", "contact_name": "B", "contact_email": "b@autre.test",
                        "contact_phone": "0262123456",
                    ]
                ).status == .seeOther)
            let other = try #require(try await UserStore().find(email: "b@autre.test", on: app.db))
            let res = try await a.post("/ami/organisation/membres/\(other.id.uuidString)/retrait", [:])
            #expect(res.status == .notFound)
            #expect(try await UserStore().grants(userID: other.id, on: app.db).contains { $0.role == .bailleur })

            _ = try await a.post("/ami/organisation/membres", ["email": "invite@hlm.test"])
            let mail = try #require(try await a.lastEmail(to: "invite@hlm.test"))
            let link = try #require(a.link(in: mail.body, path: "/ami/invitations/"))
            #expect(try await b.post(link, [:]).status == .seeOther)
            #expect(
                try await UserStore().grants(userID: other.id, on: app.db).filter { $0.role == .bailleur }.count == 1,
                "the invitation of another address grants nothing")
        }
    }

    /// Issue #9: staff accounts cannot register a landlord organisation.
    @Test func staffCannotRegisterALandlord() async throws {
        try await TestApp.run { app in
            let b = try await SessionSecurityTests.signedIn(app, email: "instructeur@al.test")
            let user = try #require(try await UserStore().find(email: "instructeur@al.test", on: app.db))
            try await UserStore().grant(userID: user.id, role: .instructeur, scope: ["974"], on: app.db)
            let res = try await b.post(
                "/ami/bailleur/inscription",
                [
                    "name": "Habitat Réunion", "siren": Self.siren, "kind": "ESH", "address": "1 rue de Paris",
                    "postal_code": "97400",
                    "city": "Saint-Denis", "contact_name": "Marie Curie", "contact_email": "instructeur@al.test",
                    "contact_phone": "0262 12 34 56",
                ])
            #expect(res.status == .unprocessableEntity)
            #expect(try await OrganisationStore().list(kind: .landlord, on: app.db).isEmpty)
        }
    }

    @Test func uploadReplaceAndSendAtTheLastSecond() async throws {
        let clock = TestClock(Self.utc("2024-09-30T21:00:00Z"))
        try await TestApp.run(clock: clock.appClock) { app in
            app.checksUploadsInline = true
            try await Self.campaign2024(app)
            let b = try await Self.landlord(app)
            let base = "/ami/campagnes/2024/974"
            #expect(try await b.get(base).text.contains("enctype=\"multipart/form-data\""))

            // A table with errors: every one reported with its cell, nothing sendable.
            var broken = AMIFixtures.operation(2)
            broken[.dwellings] = .text("douze")
            broken[.insee] = .text("97105")
            let first = try await b.upload(
                "\(base)/tableau", fileName: "programmation v1.xlsx",
                data: try AMIFixtures.table([AMIFixtures.operation(1), broken]))
            #expect(first.status == .seeOther)
            let resultPath = try #require(first.headers.first(name: .location))
            let result = try await b.get(resultPath)
            #expect(result.text.contains("2 erreurs"))
            #expect(result.text.contains("F3"), "the cell of the bad dwellings count")
            #expect(result.text.contains("douze"))
            #expect(
                result.text.contains("n&#39;est pas dans le département 974")
                    || result.text.contains("n'est pas dans le département 974"))
            let json = try await b.get(resultPath + "/resultat.json")
            #expect(json.text.contains(#""cell":"F3""#) || json.text.contains(#""cell": "F3""#))
            let refused = try await b.post(
                "\(base)/envoi",
                [
                    "operations": "1", "dwellings": "10", "cost_price": "2 000 000", "loan_requested": "300 000",
                    "certify": "oui",
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("erreur"))

            // The corrected table replaces it; the first stays in the history.
            let second = try await b.upload(
                "\(base)/tableau", fileName: "programmation v2.xlsx",
                data: try AMIFixtures.table([
                    AMIFixtures.operation(1), AMIFixtures.operation(2, kind: .rehabilitation, dwellings: 30),
                    AMIFixtures.operation(3, kind: .demolition, product: nil, dwellings: 5, loan: 100_000),
                ]))
            #expect(second.status == .seeOther)
            let page = try await b.get(base)
            #expect(page.text.contains("remplacé"))
            #expect(page.text.contains("programmation v1.xlsx") && page.text.contains("programmation v2.xlsx"))
            let firstFile = try await b.get(resultPath + "/fichier")
            #expect(
                firstFile.status == .ok && firstFile.body.readableBytes > 1000,
                "the replaced table can still be downloaded")
            #expect(firstFile.headers.first(name: .contentDisposition)?.contains("programmation%20v1.xlsx") == true)
            #expect(
                page.text.contains(#"name="dwellings""#) && page.text.contains(#"value="45""#),
                "synthesis pre-filled from the file")

            // A synthesis that differs from the file is refused, and what was typed is kept.
            let wrong = try await b.post(
                "\(base)/envoi",
                [
                    "operations": "3", "dwellings": "44", "cost_price": "6 000 000,00", "loan_requested": "700 000,00",
                    "certify": "oui",
                ])
            #expect(wrong.status == .unprocessableEntity)
            // Issue #11: the field that differs, next to it, with the table's figure.
            #expect(wrong.text.contains("Nombre de logements : 44 saisi, le tableau déposé indique 45."))
            #expect(wrong.text.contains(#"id="champ-ami-campagnes-2024-974-envoi-dwellings-erreur""#))
            #expect(!wrong.text.contains("champ-ami-campagnes-2024-974-envoi-operations-erreur"))
            #expect(wrong.text.contains(#"value="44""#))
            let unticked = try await b.post(
                "/ami/campagnes/2024/974/envoi",
                [
                    "operations": "3", "dwellings": "4x", "cost_price": "6 000 000,00", "loan_requested": "700 000,00",
                ])
            #expect(unticked.status == .unprocessableEntity)
            #expect(unticked.text.contains("champ-ami-campagnes-2024-974-envoi-dwellings-erreur"))
            #expect(unticked.text.contains("champ-ami-campagnes-2024-974-envoi-certify-erreur"), "every error at once")

            clock.advance(59 * 60 + 59)  // 30/09/2024 23:59:59 in Paris
            let sent = try await b.post(
                "\(base)/envoi",
                [
                    "operations": "3", "dwellings": "45", "cost_price": "6 000 000,00", "loan_requested": "700 000,00",
                    "certify": "oui",
                ])
            #expect(sent.status == .seeOther)
            let after = try await b.get(base)
            #expect(after.text.contains("envoyé le 30/09/2024 23:59:59"))
            #expect(!after.text.contains("multipart/form-data"), "a sent filing cannot be replaced")
            let mail = try #require(try await b.lastEmail(to: "bailleur@hlm.test"))
            #expect(mail.subject.contains("accusé de réception"))
            #expect(mail.body.contains("\(base)/accuse.pdf"))
            let pdf = try await b.get("\(base)/accuse.pdf")
            #expect(pdf.headers.contentType?.description == "application/pdf")
            #expect(pdf.body.string.hasPrefix("%PDF-1.4"))
            #expect(PDFCheck.qpdfProblem(Data(buffer: pdf.body)) == nil, "every generated PDF passes qpdf --check")
            #expect(
                try await b.upload(
                    "\(base)/tableau", fileName: "v3.xlsx", data: try AMIFixtures.table([AMIFixtures.operation(1)])
                ).status == .unprocessableEntity)
            let history = try await b.get(base)
            #expect(history.text.contains("Dépôt envoyé : 3 opérations, 45 logements"))
        }
    }

    @Test func nothingAfterTheDeadline() async throws {
        let clock = TestClock(Self.utc("2024-09-30T21:59:30Z"))
        try await TestApp.run(clock: clock.appClock) { app in
            app.checksUploadsInline = true
            try await Self.campaign2024(app)
            let b = try await Self.landlord(app)
            let base = "/ami/campagnes/2024/974"
            #expect(
                try await b.upload(
                    "\(base)/tableau", fileName: "t.xlsx", data: try AMIFixtures.table([AMIFixtures.operation(1)])
                ).status == .seeOther)
            clock.advance(30)  // 01/10/2024 00:00:00 in Paris
            let late = try await b.upload(
                "\(base)/tableau", fileName: "t2.xlsx", data: try AMIFixtures.table([AMIFixtures.operation(1)]))
            #expect(late.status == .unprocessableEntity)
            #expect(late.text.contains("close depuis le 30/09/2024 à 23:59"))
            #expect(late.text.contains("AMI-K"))
            let send = try await b.post(
                "\(base)/envoi",
                [
                    "operations": "1", "dwellings": "10", "cost_price": "2 000 000", "loan_requested": "300 000",
                    "certify": "oui",
                ])
            #expect(send.status == .unprocessableEntity)
            #expect(send.text.contains("AMI-K"))
            let org = try #require(
                try await OrganisationStore().find(kind: .landlord, identifier: Self.siren, on: app.db).first)
            let filing = try #require(try await FilingStore().list(organisationID: org.id, on: app.db).first)
            #expect(filing.state == .draft)
        }
    }

    @Test func progressIsShownWhileTheTableIsChecked() async throws {
        try await TestApp.run(clock: TestClock(Self.utc("2024-06-01T08:00:00Z")).appClock) { app in
            try await Self.campaign2024(app)
            let b = try await Self.landlord(app)
            let org = try #require(
                try await OrganisationStore().find(kind: .landlord, identifier: Self.siren, on: app.db).first)
            let campaign = try #require(try await CampaignStore().find(year: 2024, on: app.db))
            let user = try #require(try await UserStore().find(email: "bailleur@hlm.test", on: app.db))
            // An upload recorded by another instance, not yet checked.
            let data = try AMIFixtures.table((1...1200).map { AMIFixtures.operation($0) })
            let filing = try await FilingStore().findOrCreate(
                campaignID: campaign.id, organisationID: org.id, department: "974", now: app.clock.now(), on: app.db)
            let file = try await FileStore().put(
                name: "gros.xlsx", contentType: "x", sha256: "0", data: data, now: app.clock.now(), on: app.db)
            let upload = try await UploadStore().create(
                filingID: filing.id, fileID: file, fileName: "gros.xlsx", by: user.id, now: app.clock.now(), on: app.db)
            let pending = try await b.get("/ami/campagnes/2024/974/tableaux/\(upload.id)")
            #expect(pending.text.contains("<progress"))
            // Issue #11: no meta refresh; an inline script allowed by its hash, and a button without it.
            #expect(!pending.text.contains("http-equiv"))
            #expect(pending.text.contains("<script>" + InlineScript.progress.source + "</script>"))
            #expect(
                pending.text.contains(
                    #"data-progress-url="/ami/campagnes/2024/974/tableaux/\#(upload.id)/progression.json""#))
            #expect(pending.text.contains(">Actualiser</button>"))
            let csp = try #require(pending.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains(try #require(SecurityHeadersMiddleware.scriptHashes.first)))
            let first = try await b.get("/ami/campagnes/2024/974/tableaux/\(upload.id)/progression.json")
            #expect(first.status == .ok)
            #expect(first.headers.first(name: .cacheControl) == "no-store")
            #expect(first.text.contains(#""status":"checking""#) && first.text.contains(#""permille":0"#))
            // Progress written by the checker is what the page shows.
            let claimed = try #require(
                try await UploadStore().claim(worker: "w", now: app.clock.now(), lease: 60, on: app.db))
            #expect(claimed.id == upload.id)
            try await UploadStore().progress(
                id: upload.id, worker: "w", stage: "Contrôle des lignes : 600 sur 1 200", done: 750, total: 1000,
                leaseUntil: app.clock.now().addingTimeInterval(60), on: app.db)
            let halfway = try await b.get("/ami/campagnes/2024/974/tableaux/\(upload.id)")
            #expect(halfway.text.contains(#"value="750""#))
            let json = try await b.get("/ami/campagnes/2024/974/tableaux/\(upload.id)/progression.json")
            #expect(json.text.contains(#""permille":750"#) && json.text.contains("600 sur 1 200"))
            #expect(halfway.text.contains("600 sur 1 200") || halfway.text.contains("600 sur 1\u{202F}200"))
            // The lease of the stopped instance expires; a worker resumes the check.
            let later = UploadCheckRunner(app: app, workerID: "other")
            #expect(try await later.runOnce() == false, "the lease still holds")
            try await UploadStore().progress(
                id: upload.id, worker: "w", stage: "", done: 750, total: 1000,
                leaseUntil: app.clock.now().addingTimeInterval(-1), on: app.db)
            #expect(try await later.runOnce() == true)
            let done = try await b.get("/ami/campagnes/2024/974/tableaux/\(upload.id)")
            #expect(!done.text.contains("<progress") && !done.text.contains("<script"))
            let finished = try await b.get("/ami/campagnes/2024/974/tableaux/\(upload.id)/progression.json")
            #expect(finished.text.contains(#""status":"checked""#) && finished.text.contains(#""permille":1000"#))
            #expect(done.text.contains("Aucune erreur"))
            #expect(done.text.contains("les 500 premières sur 1\u{00A0}200"))
        }
    }

    @Test func templateDownloadAndAccess() async throws {
        try await TestApp.run { app in
            try await Self.campaign2024(app)
            let res = try await app.testing().sendRequest(.GET, "/ami/campagnes/2024/974/modele.xlsx")
            #expect(res.status == .ok)
            #expect(
                res.headers.first(name: .contentDisposition)?.contains("tableau-programmation-ami-drom-2024-974.xlsx")
                    == true)
            let wb = try XLSXReader().read(Data(buffer: res.body))
            #expect(wb.sheets.map(\.name) == ["Programmation", "Données pour formulaire", "Listes"])
            let lists = try #require(wb.sheet(named: "Listes"))
            let insee = lists.rows.values.compactMap {
                if case .text(let t)? = $0[5] { return t }
                return nil
            }
            #expect(insee.contains("97411") && !insee.contains("97105"), "the communes of the department only")
            #expect(
                try await app.testing().sendRequest(.GET, "/ami/campagnes/2024/975/modele.xlsx").status == .notFound)
            // Another landlord's upload is not visible.
            let a = try await Self.landlord(app)
            _ = a
            let stranger = try await SessionSecurityTests.signedIn(app, email: "x@y.test")
            #expect(try await stranger.get("/ami/campagnes/2024/974").status == .forbidden)
        }
    }
}
