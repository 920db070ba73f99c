import Crypto
import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence
import Vapor

/// The demonstration's renovation dossiers (issue #12): for the two demo beneficiaries and the
/// two demo AMOs, a dossier just created, one half filled with its AMO mandated, one whose
/// mandate waits for the AMO, and one filed (documents, decision, receipt), so that a newcomer
/// sees the journey at once; and dossiers in every state of instruction (`DemoInstruction`, issue
/// #13). Made once: a database that has them keeps them.
struct DemoDossiers {
    let app: Application
    let tx: any Database

    var service: DossierService {
        DossierService(
            db: tx, clock: app.clock, notifier: app.notifier, reference: app.referenceData, parameters: app.parameters)
    }

    func seed(amos: [OrganisationID]) async throws {
        let users = UserStore()
        guard let claire = try await users.find(email: "beneficiaire@demo.guichet.invalid", on: tx),
            let bernard = try await users.find(email: "beneficiaire2@demo.guichet.invalid", on: tx),
            amos.count == 2, try await DossierStore().list(beneficiary: claire.id, on: tx).isEmpty
        else { return }
        let now = app.clock.now()
        try await CivilStatusStore().put(Self.civilStatus("Démo", "Bénédicte"), user: claire.id, at: now, on: tx)
        try await CivilStatusStore().put(Self.civilStatus("Démo", "Bernard"), user: bernard.id, at: now, on: tx)

        // Just created from the test, no AMO yet (a landlord's second dwelling).
        _ = try await create(claire, Self.answers(.landlord, address: "3 place Neuve"), amo: nil, mandate: .none)
        // Half filled, its AMO mandated.
        var half = Self.answers(.ownerOccupier, address: "12 rue des Lilas")
        half.applicant.occupation = Self.occupation
        _ = try await create(claire, half, amo: amos[0], mandate: .accepted)
        // An SCI's dossier whose mandate waits for the second AMO.
        _ = try await create(
            bernard, Self.answers(.sci, address: "8 avenue Alsace-Lorraine"), amo: amos[1], mandate: .requested)
        // Complete, its documents given, filed.
        let filed = try await create(
            bernard, Self.complete(address: "21 chemin des Vignes"), amo: amos[0], mandate: .accepted)
        try await registerCompany(by: bernard.id)
        try await documents(of: filed, by: bernard.id)
        let actor = DossierService.Actor(audit: .shell("démonstration"), userID: bernard.id, onBehalfOf: nil)
        let (result, _) = try await service.file(dossier: filed.id, version: filed.version, by: actor)
        if case .failure(let refusal) = result {
            app.logger.warning("dossier de démonstration non déposé : \(refusal)")
        }
        try await seedInstruction(claire, bernard, amo: amos[0])
    }

    func create(
        _ user: UserRecord, _ answers: DossierAnswers, amo: OrganisationID?, mandate: MandateStatus
    ) async throws
        -> DossierRecord
    {
        try await DossierStore().create(
            .init(
                beneficiaryID: user.id, beneficiaryName: user.displayName, amoID: amo, mandate: mandate,
                createdByAMO: false, answers: answers),
            year: app.clock.today.year, now: app.clock.now(), on: tx)
    }

    /// The demonstration's works company in the registry, with its bank details.
    func registerCompany(by user: UserID) async throws {
        guard let siret = Siret("73282932000074"), case .success(let iban) = Iban.check("FR7630006000011234567890189"),
            let bic = Bic("AGRIFRPP")
        else { return }
        try await WorksCompanyStore().registerIfAbsent(
            .init(
                siret: siret, name: "Isol'Est Démo", representative: "Jean Démo", accountHolder: "Isol'Est Démo",
                iban: iban,
                bic: bic),
            by: user, at: app.clock.now(), on: tx)
    }

    /// A small PDF for each required document (its name and « démonstration »), dated ten days
    /// ago when dated.
    func documents(of d: DossierRecord, by user: UserID) async throws {
        let files = app.files
        let dated = app.clock.today.adding(days: -10)
        for r in RequiredDocuments.list(d.answers) {
            // A real one-page PDF, so that the instructor's preview shows it.
            let pdf = PDFWriter(title: r.kind.french, footer: "Guichet – démonstration").render([
                .title("\(r.holderLabel) – \(r.kind.french)"),
                .paragraph("Document fictif de démonstration : aucune donnée réelle."),
            ])
            let sha = SHA256.hash(data: pdf).hex
            let file = try await files.put(
                name: "\(r.key).pdf", contentType: "application/pdf", sha256: sha, data: pdf, now: app.clock.now(),
                on: tx)
            try await DossierDocumentStore().put(
                .init(
                    key: r.key, kind: r.kind, fileID: file, fileName: "\(r.key).pdf", contentType: "application/pdf",
                    size: pdf.count, sha256: sha, documentDate: r.kind.maxAgeMonths == nil ? nil : dated),
                dossier: d.id, company: DossierService.company(r), by: user, at: app.clock.now(), on: tx)
        }
    }

    static func civilStatus(_ name: String, _ first: String) -> CivilStatus {
        CivilStatus(
            usageName: name, firstName: first, birthName: name, familySituation: .married,
            birthDate: Day(year: 1980, month: 3, day: 12) ?? Day(ordinal: 0), birthCountry: "France", birthTown: "Lyon",
            birthPostalCode: "69001")
    }

    static let occupation = Occupation(
        employment: .privateSector, companyName: "Boulangerie Démo", sector: "Commerce",
        companySiret: Siret("73282932000074"))

    /// The answers of an eligible test in Bourg-en-Bresse, with an address.
    static func answers(_ kind: ApplicantKind, address: String) -> DossierAnswers {
        var c = RenovationCase()
        c.applicant.kind = kind
        c.applicant.ownership = .full
        let household = Household(employment: .privateSector, householdSize: 3, referenceTaxIncome: .euros(25_000))
        if kind == .sci {
            c.sci = SCI(partnersAllNaturalPersons: true, majorityPartner: household)
        } else {
            c.applicant.household = household
        }
        if kind.isLandlord { c.tenant = Tenant(inPlace: false) }
        c.dwelling = Dwelling(insee: InseeCode("01053"), postalCode: PostalCode("01000"), principalResidence: true)
        c.works = Works(insulation: true)
        var a = DossierAnswers(fromTest: c)
        a.dwelling.address = address
        a.applicant.contact = ContactDetails(email: "demo@demo.guichet.invalid", mobile: "06 00 00 00 00")
        return a
    }

    /// Every step answered: an owner-occupier with one RGE company.
    static func complete(address: String) -> DossierAnswers {
        var a = answers(.ownerOccupier, address: address)
        a.applicant.occupation = occupation
        a.plan.loanWanted = false
        a.plan.amoFee = .euros(1_000)
        if let siret = Siret("73282932000074") {
            a.plan.companies = [
                DossierCompany(
                    siret: siret, name: "Isol'Est Démo", rge: true, mainWorkType: .atticInsulation,
                    mainWorks: .euros(12_000),
                    inducedWorks: .euros(500))
            ]
        }
        return a
    }
}
