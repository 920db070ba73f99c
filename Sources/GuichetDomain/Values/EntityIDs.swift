import Foundation
@_exported import Tagged

/// The identifiers of the main entities, each its own type (issue #10, « typed from the database to
/// the page »): a filing's id cannot be passed where an upload's or an organisation's is expected.
/// They are UUIDs underneath (`rawValue`), stored as such, and read from a route parameter or a
/// form field like a UUID (`UserID(uuidString:)`).
public enum EntityTag {
    public enum User {}
    public enum Organisation {}
    public enum Campaign {}
    public enum Filing {}
    public enum Upload {}
    public enum StoredFile {}
    public enum Job {}
    public enum OutboxMessage {}
    public enum APIToken {}
    public enum Invitation {}
    public enum Dossier {}
    public enum DossierDocument {}
}

public typealias UserID = Tagged<EntityTag.User, UUID>
public typealias OrganisationID = Tagged<EntityTag.Organisation, UUID>
public typealias CampaignID = Tagged<EntityTag.Campaign, UUID>
public typealias FilingID = Tagged<EntityTag.Filing, UUID>
public typealias UploadID = Tagged<EntityTag.Upload, UUID>
public typealias StoredFileID = Tagged<EntityTag.StoredFile, UUID>
public typealias JobID = Tagged<EntityTag.Job, UUID>
public typealias OutboxMessageID = Tagged<EntityTag.OutboxMessage, UUID>
public typealias APITokenID = Tagged<EntityTag.APIToken, UUID>
public typealias InvitationID = Tagged<EntityTag.Invitation, UUID>
public typealias DossierID = Tagged<EntityTag.Dossier, UUID>
public typealias DossierDocumentID = Tagged<EntityTag.DossierDocument, UUID>
