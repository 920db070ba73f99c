import Foundation
import GuichetAppTestSupport
import GuichetDomain
import GuichetFormats
import Testing
import Vapor
import VaporTesting

@testable import GuichetApp
@testable import GuichetPersistence

/// A clock the test moves (the code's ten minutes, the resend throttle).
final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = Date()
    func advance(_ seconds: TimeInterval) { lock.withLock { now += seconds } }
    var clock: AppClock { AppClock(now: { self.lock.withLock { self.now } }) }
}

/// Issue #13, end to end on SQLite and PostgreSQL: filed → in instruction → sent back →
/// corrected and refiled (changes shown) → validated with four eyes → agreement generated →
/// signed by code; five wrong codes lock, an expired code is refused, the AMO cannot sign, a
/// beneficiary of another dossier and an instructor outside the scope get 404.
@Suite struct InstructionJourneyTests {
    /// A dossier built and filed by its AMO (`DossierJourneyTests`' journey).
    static func filed(_ app: Application) async throws -> (amo: Browser, path: String, id: DossierID) {
        let (amo, path) = try await DossierJourneyTests.created(app)
        let amoPage = try await amo.get(path + "/amo")
        _ = try await amo.post(path + "/amo/choix", ["version": DossierFixtures.version(amoPage.body.string)])
        try await DossierJourneyTests.fill(amo, path)
        try await DossierJourneyTests.uploadAll(amo, path)
        let ready = try await amo.get(path + "/recapitulatif")
        #expect(
            try await amo.post(path + "/depot", ["version": DossierFixtures.version(ready.body.string)]).status
                == .seeOther)
        let id = try #require(DossierID(uuidString: String(path.dropFirst("/dossiers/".count))))
        return (amo, path, id)
    }

    static func instructor(_ app: Application, _ email: String, scope: [String]) async throws -> Browser {
        let hash = try Passwords(cost: app.bcryptCost).hash(DossierFixtures.password)
        let user = try await UserStore().create(
            email: email, passwordHash: hash, displayName: email.components(separatedBy: "@")[0].capitalized,
            activatedAt: Date(), on: app.db)
        try await UserStore().grant(userID: user.id, role: .instructeur, scope: scope, on: app.db)
        let b = Browser(app)
        #expect(
            try await b.post("/connexion", ["email": email, "password": DossierFixtures.password]).status == .seeOther)
        return b
    }

    /// Claire, whose account her AMO opened, chooses her password and signs in.
    static func claire(_ app: Application) async throws -> Browser {
        let user = try #require(try await UserStore().find(email: "claire@exemple.fr", on: app.db))
        try await UserStore().setPassword(
            id: user.id, hash: try Passwords(cost: app.bcryptCost).hash(DossierFixtures.password), on: app.db)
        try await UserStore().activate(id: user.id, at: Date(), on: app.db)
        let b = Browser(app)
        #expect(
            try await b.post("/connexion", ["email": "claire@exemple.fr", "password": DossierFixtures.password]).status
                == .seeOther)
        return b
    }

    static func state(_ app: Application, _ id: DossierID) async throws -> DossierState? {
        try await DossierStore().find(id: id, on: app.db)?.state
    }

    static func post(
        _ b: Browser, _ page: String, _ action: String, _ fields: [String: String] = [:]
    ) async throws
        -> TestingHTTPResponse
    {
        let html = try await b.get(page).body.string
        var form = fields
        form["version"] = DossierFixtures.version(html)
        return try await b.post(page + "/" + action, form)
    }

    @Test func fromFilingToTheSignedAgreement() async throws {
        let time = MovableClock()
        try await TestApp.run(clock: time.clock) { app in
            app.guichetConfig.fourEyesAbove = .euros(10_000)
            let (amo, path, id) = try await Self.filed(app)
            let review = "/instruction/dossiers/\(id.uuidString)"
            let first = try await Self.instructor(app, "ines@actionlogement.test", scope: ["01"])
            let second = try await Self.instructor(app, "yann@actionlogement.test", scope: ["R84"])
            let outsider = try await Self.instructor(app, "remi@actionlogement.test", scope: ["974"])

            // Outside the scope: 404 everywhere, and not in the queue.
            #expect(try await outsider.get(review).status == .notFound)
            #expect(try await Self.post(first, review, "instruction").status == .seeOther, "in instruction")
            #expect(try await outsider.post(review + "/validation", ["version": "1"]).status == .notFound)
            #expect(try await outsider.get("/instruction/dossiers?q=martin").body.string.contains("Aucun dossier"))
            let queue = try await first.get("/instruction/dossiers?q=CLAIRE+MARTIN")
            #expect(queue.body.string.contains("Claire Martin"), "found whatever the case")
            #expect(try await Self.state(app, id) == .inInstruction)

            try await Self.sendBackAndRefile(app, amo: amo, path: path, instructor: first, review: review, id: id)
            try await Self.fourEyes(app, first: first, second: second, review: review, id: id)
            try await Self.sign(app, amo: amo, path: path, id: id, time: time)
            try await Self.checkPDFs(app, id: id, staff: second)
        }
    }

    /// A document refused and a point to correct; the AMO corrects, replaces and refiles; the
    /// instructor sees what changed.
    static func sendBackAndRefile(
        _ app: Application, amo: Browser, path: String, instructor: Browser, review: String, id: DossierID
    ) async throws {
        let key = "entreprise-73282932000074.devis"
        let refused = try await Self.post(instructor, review, "pieces/\(key)", ["avis": "refusée"])
        #expect(refused.status == .unprocessableEntity, "a refusal needs its reason")
        #expect(refused.body.string.contains("Indiquez pourquoi"))
        _ = try await Self.post(instructor, review, "pieces/\(key)", ["avis": "refusée", "raison": "illisible"])
        let empty = try await Self.post(instructor, review, "correction", ["etape": "logement", "points": " "])
        #expect(empty.status == .seeOther, "the refused document alone is a point to correct")
        #expect(try await Self.state(app, id) == .toCorrect)
        let mail = try #require(try await Self.email(app, to: "bruno@renov.test") { $0.hasSuffix("à corriger") })
        #expect(mail.body.contains("illisible"))

        let page = try await amo.get(path)
        #expect(page.body.string.contains("À corriger avant de déposer à nouveau"))
        let dwelling = try await amo.get(path + "/logement")
        #expect(
            try await amo.post(
                path + "/logement",
                [
                    "version": DossierFixtures.version(dwelling.body.string), "address": "14 rue des Lilas",
                    "postal_code": "01000", "insee": "01053", "principal_residence": "oui",
                ]
            ).status == .seeOther)
        let pieces = try await amo.get(path + "/pieces")
        _ = try await amo.upload(
            path + "/pieces/" + key, fileName: "devis.pdf", data: DossierFixtures.pdf + Data(" lisible".utf8),
            contentType: "application/pdf",
            fields: ["version": DossierFixtures.version(pieces.body.string), "document_date": "02/11/2026"])
        let ready = try await amo.get(path + "/recapitulatif")
        #expect(
            try await amo.post(path + "/depot", ["version": DossierFixtures.version(ready.body.string)]).status
                == .seeOther)
        #expect(try await Self.state(app, id) == .filed)

        let changes = try await instructor.get(review).body.string
        #expect(changes.contains("Modifications depuis le dépôt précédent"))
        #expect(changes.contains("12 rue des Lilas") && changes.contains("14 rue des Lilas"), "field by field")
        #expect(
            changes.contains("Entreprise Isol&#39;Est – Devis") || changes.contains("Devis"), "document by document")
        _ = try await Self.post(instructor, review, "instruction")
    }

    /// Above the threshold, the first validation waits for a second instructor, another person.
    static func fourEyes(
        _ app: Application, first: Browser, second: Browser, review: String, id: DossierID
    )
        async throws
    {
        #expect(try await Self.post(first, review, "validation").status == .seeOther)
        #expect(try await Self.state(app, id) == .inInstruction, "a first validation only")
        let again = try await Self.post(first, review, "validation")
        #expect(again.status == .unprocessableEntity)
        #expect(again.body.string.contains("un autre instructeur doit la confirmer"))
        #expect(try await second.get(review).body.string.contains("Confirmer la validation"))
        #expect(try await Self.post(second, review, "validation").status == .seeOther)
        #expect(try await Self.state(app, id) == .awaitingSignature, "validated, the agreement made by its job")
        let agreement = try await first.get("/dossiers/\(id.uuidString)/convention.pdf")
        #expect(agreement.body.string.hasPrefix("%PDF"))
        #expect(try await Self.email(app, to: "claire@exemple.fr") { $0.hasSuffix("convention à signer") } != nil)
    }

    /// An e-mail to `to` whose subject matches (the test's clock stands still: several share an instant).
    static func email(_ app: Application, to: String, _ subject: (String) -> Bool) async throws -> OutboxRecord? {
        try await OutboxStore().recent(limit: 200, channel: .email, on: app.db).first {
            $0.recipient == to && subject($0.subject)
        }
    }

    /// The code of the latest code e-mail (the test moves its clock between sends).
    static func code(_ app: Application) async throws -> String {
        let mail = try #require(
            try await OutboxStore().recent(limit: 200, channel: .email, on: app.db).filter {
                $0.recipient == "claire@exemple.fr" && $0.subject.hasPrefix("Code de signature")
            }.max { $0.createdAt < $1.createdAt })
        let digits = mail.body.split(separator: " ").first {
            $0.count == 7 && $0.hasSuffix(".") && $0.dropLast().allSatisfy(\.isNumber)
        }
        return String(try #require(digits).dropLast())
    }

    /// The AMO cannot sign; Claire reads every page, accepts, gets codes; five wrong ones lock,
    /// an expired one is refused, the right one signs.
    static func sign(_ app: Application, amo: Browser, path: String, id: DossierID, time: MovableClock) async throws {
        let amoTry = try await Self.post(amo, path + "/signature", "signer", ["code": "123456"])
        #expect(amoTry.status == .forbidden)
        #expect(try await amo.get(path + "/signature/conditions").status == .forbidden)
        let claire = try await Self.claire(app)
        let paul = try await DossierFixtures.person(app, "paul@exemple.fr", .beneficiaire, name: "Paul")
        #expect(try await paul.get(path + "/signature").status == .notFound)
        #expect(
            try await paul.post(path + "/signature/signer", ["version": "1", "code": "123456"]).status == .notFound)

        let first = try await claire.get(path + "/signature")
        #expect(first.body.string.contains("Page 1 sur"))
        #expect(first.body.string.contains("Convention de subventionnement"))
        let early = try await claire.post(path + "/signature/conditions", ["accepte": "oui"])
        #expect(early.status == .unprocessableEntity, "every page read first")
        let count = try #require(
            Int(first.body.string.components(separatedBy: "Page 1 sur ")[1].prefix { $0.isNumber }))
        for page in 1...count { _ = try await claire.get(path + "/signature?page=\(page)") }
        #expect(try await claire.post(path + "/signature/conditions", ["accepte": "oui"]).status == .seeOther)
        #expect(try await claire.post(path + "/signature/envoi", ["canal": "email"]).status == .seeOther)
        #expect(
            try await claire.post(path + "/signature/envoi", ["canal": "sms"]).status == .tooManyRequests, "throttled")
        let version = DossierFixtures.version(
            try await claire.post(path + "/signature/recapitulatif", ["code": try await Self.code(app)]).body.string)
        for remaining in (0...4).reversed() {
            let wrong = try await claire.post(path + "/signature/signer", ["version": version, "code": "000000"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains(remaining == 0 ? "Cinq codes inexacts" : "il vous reste \(remaining)"))
        }
        let locked = try await claire.post(
            path + "/signature/signer", ["version": version, "code": try await Self.code(app)])
        #expect(locked.body.string.contains("Cinq codes inexacts"), "even the right code")

        time.advance(61)
        _ = try await claire.post(path + "/signature/envoi", ["canal": "email"])
        time.advance(11 * 60)
        let expired = try await claire.post(
            path + "/signature/signer", ["version": version, "code": try await Self.code(app)])
        #expect(expired.body.string.contains("expiré"))

        _ = try await claire.post(path + "/signature/envoi", ["canal": "email"])
        let recap = try await claire.post(path + "/signature/recapitulatif", ["code": try await Self.code(app)])
        #expect(recap.body.string.contains("Je signe la convention"))
        let signed = try await claire.post(
            path + "/signature/signer", ["version": version, "code": try await Self.code(app)])
        #expect(signed.status == .seeOther)
        #expect(try await Self.state(app, id) == .agreementSigned)
        try await Self.checkSigned(app, id: id, amo: amo, path: path)
    }

    /// The signed PDF verifies; the evidence lists every step; the companies no longer change.
    static func checkSigned(_ app: Application, id: DossierID, amo: Browser, path: String) async throws {
        let instruction = try #require(try await InstructionStore().find(id, on: app.db))
        let signedID = try #require(instruction.signedFileID)
        let signed = try #require(try await app.files.get(id: signedID, on: app.db))
        let report = await PDFSignatureVerifier.verify(
            signed.data, trusted: try await app.agreementSigningKey.identity())
        #expect(report.isValid, "\(report.problems)")
        let events = try await SignatureStore().events(of: id, on: app.db).map(\.kind)
        #expect(events.first == .viewed)
        #expect(events.suffix(2) == [.codeChecked, .signed])
        #expect(events.filter { $0 == .codeRefused }.count == 7, "five wrong, the locked one, the expired one")
        #expect(events.contains(.conditionsAccepted) && events.contains(.codeSent))
        let audit = try await AuditStore().all(on: app.db)
        #expect(audit.contains { $0.action == "dossier.preuve-signature" })
        let plan = try await amo.get(path + "/plan-de-financement")
        let change = try await amo.post(
            path + "/plan-de-financement/entreprises/73282932000074/retrait",
            ["version": DossierFixtures.version(plan.body.string)])
        #expect(
            try await DossierStore().find(id: id, on: app.db)?.answers.plan.companies.count == 1, "companies locked")
        #expect(change.status != .ok)
    }
}

extension InstructionJourneyTests {
    /// Every PDF of the journey passes `qpdf --check`: the receipt, the agreement, the signed
    /// agreement and the evidence.
    static func checkPDFs(_ app: Application, id: DossierID, staff: Browser) async throws {
        let i = try #require(try await InstructionStore().find(id, on: app.db))
        let d = try #require(try await DossierStore().find(id: id, on: app.db))
        var files: [(String, Data)] = []
        for (name, fileID) in [
            ("accusé", d.receiptFileID), ("convention", i.agreementFileID), ("signée", i.signedFileID),
        ] {
            guard let fileID, let f = try await app.files.get(id: fileID, on: app.db) else {
                Issue.record("\(name) absent")
                continue
            }
            files.append((name, f.data))
        }
        let evidence = try await staff.get("/instruction/dossiers/\(id.uuidString)/preuve.pdf")
        #expect(evidence.status == .ok)
        files.append(("preuve", Data(buffer: evidence.body)))
        let json = try await staff.get("/instruction/dossiers/\(id.uuidString)/preuve.json")
        #expect(json.body.string.contains("\"signedSHA256\""))
        if let signed = files.first(where: { $0.0 == "signée" })?.1 {
            if let out = PDFCheck.run("pdfsig", [], on: signed) {
                #expect(out.contains("Signature is Valid"), "\(out)")
            }
            if let out = PDFCheck.run("python3", ["-c", PDFCheck.pyHankoScript], on: signed),
                !out.contains("No module named") || PDFCheck.required
            {
                #expect(out.contains("intact True valid True coverage ENTIRE_FILE"), "\(out)")
            }
        }
        // GUICHET_KEEP_PDFS=DIR keeps them, to look at them (pdftoppm, a viewer).
        if let dir = ProcessInfo.processInfo.environment["GUICHET_KEEP_PDFS"] {
            for (name, data) in files { try data.write(to: URL(fileURLWithPath: "\(dir)/\(name).pdf")) }
        }
        for (name, data) in files {
            #expect(data.starts(with: Data("%PDF".utf8)), "\(name)")
            #expect(PDFCheck.qpdfProblem(data) == nil, "\(name): \(PDFCheck.qpdfProblem(data) ?? "")")
        }
    }
}
