import Foundation
import GuichetDomain

public struct CampaignRecord: Sendable, Equatable {
    public let id: CampaignID
    public let campaign: Campaign
    public let updatedAt: Date
}

public struct FilingRecord: Sendable, Equatable {
    public let id: FilingID
    public let campaignID: CampaignID
    public let organisationID: OrganisationID
    public let department: String
    public let state: FilingState
    public let currentUploadID: UploadID?
    public let sentAt: Date?
    public let sentBy: UserID?
    public let receiptFileID: StoredFileID?
    public let createdAt: Date
    /// Checked and incremented by every transition (`TransitionStore.move`).
    public let version: Int

    /// The filing as its lifecycle moves it.
    public var subject: LifecycleSubject {
        LifecycleSubject(table: "ami_filings", kind: Self.subjectKind, id: id.rawValue, version: version)
    }
    public static let subjectKind = "ami_dépôt"
}

/// Where the check of an uploaded table stands.
public enum UploadStatus: String, Sendable, Equatable {
    case pending = "en_attente"
    case checking = "en_cours"
    case checked = "vérifié"
    case unreadable = "illisible"
}

public struct UploadRecord: Sendable, Equatable {
    public let id: UploadID
    public let filingID: FilingID
    public let fileID: StoredFileID
    public let fileName: String
    public let uploadedAt: Date
    public let uploadedBy: UserID
    public let status: UploadStatus
    public let stage: String
    public let progressDone: Int
    public let progressTotal: Int
    public let errorCount: Int
    public let operationCount: Int
    public let resultJSON: String?
    public let synthesis: FilingSynthesis?
    public let message: String?
    public let checkedAt: Date?
    public let supersededAt: Date?

    /// The summary the filing lifecycle decides on.
    public var summary: UploadSummary {
        switch status {
        case .pending, .checking: UploadSummary(check: .pending, synthesis: nil)
        case .unreadable: UploadSummary(check: .unreadable(message ?? ""), synthesis: nil)
        case .checked:
            UploadSummary(check: .checked(errors: errorCount, operations: operationCount), synthesis: synthesis)
        }
    }
}

public struct FilingEventRecord: Sendable, Equatable {
    public let at: Date
    public let actorLabel: String
    public let text: String
}
