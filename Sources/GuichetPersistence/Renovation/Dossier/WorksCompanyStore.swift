import Fluent
import Foundation
import GuichetDomain

/// The shared registry of works companies, by SIRET (issue #12).
final class WorksCompanyModel: Model, @unchecked Sendable {
    static let schema = "works_companies"
    @ID(key: .id) var id: UUID?
    @Field(key: "siret") var siret: String
    @Field(key: "name") var name: String
    @Field(key: "representative") var representative: String
    @Field(key: "account_holder") var accountHolder: String
    @Field(key: "iban") var iban: String
    @Field(key: "bic") var bic: String
    @Field(key: "created_by") var createdBy: UserID
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

public struct WorksCompanyStore: Sendable {
    public init() {}

    /// The registered company; a stored IBAN or BIC that no longer reads is an error.
    public func find(siret: Siret, on db: Database) async throws -> WorksCompanyRegistration? {
        guard let m = try await WorksCompanyModel.query(on: db).filter(\.$siret == siret.value).first() else {
            return nil
        }
        guard case .success(let iban) = Iban.check(m.iban), let bic = Bic(m.bic) else {
            throw CorruptRecord(description: "entreprise \(m.siret) : coordonnées bancaires illisibles")
        }
        return WorksCompanyRegistration(
            siret: siret, name: m.name, representative: m.representative, accountHolder: m.accountHolder, iban: iban,
            bic: bic)
    }

    /// Registers a company unless its SIRET is already known (the first dossier's details stay).
    public func registerIfAbsent(
        _ c: WorksCompanyRegistration, by user: UserID, at now: Date, on db: Database
    )
        async throws
    {
        guard try await WorksCompanyModel.query(on: db).filter(\.$siret == c.siret.value).first() == nil else { return }
        let m = WorksCompanyModel()
        m.siret = c.siret.value
        m.name = c.name
        m.representative = c.representative
        m.accountHolder = c.accountHolder
        m.iban = c.iban.value
        m.bic = c.bic.value
        m.createdBy = user
        m.createdAt = now
        try await m.create(on: db)
    }
}

/// The registry of works companies: one row per SIRET.
struct CreateWorksCompanies: AsyncMigration {
    var name: String { "2026-12-02-create-works-companies" }

    func prepare(on db: Database) async throws {
        try await db.schema(WorksCompanyModel.schema).id()
            .field("siret", .string, .required).unique(on: "siret")
            .field("name", .string, .required).field("representative", .string, .required)
            .field("account_holder", .string, .required).field("iban", .string, .required)
            .field("bic", .string, .required).field("created_by", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on db: Database) async throws {
        try await db.schema(WorksCompanyModel.schema).delete()
    }
}
