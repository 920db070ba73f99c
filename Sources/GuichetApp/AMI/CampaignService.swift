import Fluent
import Foundation
import GuichetDomain
import GuichetPersistence

/// Creating and changing AMI DROM campaigns (`AMI-K`) without breaking what landlords filed
/// (issue #9): a year is created once; a department with filings stays; moving the closing
/// instant needs a motive, is audited and e-mailed to every landlord with a draft filing. A
/// receipt already sent keeps the values in force when it was sent (it is a stored PDF).
struct CampaignService: Sendable {
    let clock: AppClock
    let audit: AuditService
    let notifier: Notifier

    /// A refusal tied to the form field it concerns.
    struct Refusal: Error, Sendable, Equatable {
        let field: String
        let message: String
    }

    func create(
        _ campaign: Campaign, by actor: AuditService.Actor, on db: any Database
    ) async throws -> Result<Void, Refusal> {
        try await db.write(refusable: { tx in
            if try await CampaignStore().find(year: campaign.year, on: tx) != nil {
                return .failure(
                    Refusal(
                        field: "year",
                        message:
                            "La campagne \(campaign.year) existe déjà : modifiez-la depuis sa page plutôt que d'en "
                            + "créer une nouvelle (AMI-K)."
                    ))
            }
            _ = try await CampaignStore().save(campaign, now: clock.now(), on: tx)
            try await audit.record(
                "ami.campagne.création", by: actor, object: ("ami_campagne", String(campaign.year)),
                detail: Self.summary(campaign), on: tx)
            return .success(())
        })
    }

    func update(
        _ record: CampaignRecord, to campaign: Campaign, motive rawMotive: String, by actor: AuditService.Actor,
        on db: any Database
    ) async throws -> Result<Void, Refusal> {
        let old = record.campaign
        let motive = rawMotive.trimmingCharacters(in: .whitespacesAndNewlines)
        guard campaign.year == old.year else {
            return .failure(
                Refusal(field: "year", message: "L'année d'une campagne ne change pas : créez une nouvelle campagne."))
        }
        let closingMoved = campaign.window.closes != old.window.closes
        if closingMoved && motive.isEmpty {
            return .failure(
                Refusal(
                    field: "motive",
                    message: "Indiquez le motif du changement de clôture : il est envoyé aux bailleurs concernés."))
        }
        if let long = TextLimits.problem(motive, field: "motive", label: "Motif", max: TextLimits.text) {
            return .failure(Refusal(field: long.field, message: long.message))
        }
        return try await db.write(refusable: { tx in
            let filings = try await FilingStore().list(campaignID: record.id, on: tx)
            let kept = Set(campaign.departments)
            if let lost = filings.first(where: { !kept.contains($0.department) }) {
                return .failure(
                    Refusal(
                        field: "dep_\(lost.department)",
                        message: "Le département \(lost.department) a déjà des dépôts : il reste dans la campagne."))
            }
            _ = try await CampaignStore().save(campaign, now: clock.now(), on: tx)
            var detail = Self.summary(campaign)
            if closingMoved {
                detail +=
                    " ; clôture déplacée du \(old.window.closes.french) au \(campaign.window.closes.french) : \(motive)"
                try await notifyDrafts(
                    filings.filter { $0.state == .draft }, campaign: campaign, old: old, motive: motive, on: tx)
            }
            try await audit.record(
                "ami.campagne.modification", by: actor, object: ("ami_campagne", String(campaign.year)),
                detail: detail, on: tx)
            return .success(())
        })
    }

    /// Every member of every organisation with a draft filing learns the new closing instant.
    private func notifyDrafts(
        _ drafts: [FilingRecord], campaign: Campaign, old: Campaign, motive: String, on db: any Database
    ) async throws {
        let organisations = Set(drafts.map(\.organisationID))
        let subject = "AMI DROM \(campaign.year) : nouvelle date de clôture"
        let body = """
            Bonjour,

            La clôture de l'AMI DROM \(campaign.year) passe du \(old.window.closes.french) \
            au \(campaign.window.closes.french) (heure de Paris).
            Motif : \(motive)

            Votre dépôt est en brouillon : \(notifier.link("/ami"))
            """
        var sent: Set<String> = []
        for organisation in organisations {
            for member in try await LandlordService.members(of: organisation, on: db)
            where sent.insert(member.email).inserted {
                try await notifier.email(to: member.email, subject: subject, body: body, on: db)
            }
        }
    }

    static func summary(_ c: Campaign) -> String {
        "départements \(c.departments.joined(separator: ", ")) ; du \(c.window.opens.french) au "
            + "\(c.window.closes.french)"
    }
}
