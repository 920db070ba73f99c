import Fluent

/// Every migration, in order. The list only grows (additive schema).
public enum GuichetMigrations {
    public static var all: [any Migration] {
        [
            CreateParameterVersions(),
            CreateAccounts(),
            CreateOutboxAndAudit(),
            CreateAMI(),
            CreateLandlordInvitations(),
            MakeAuditAppendOnly(),
            AddLifecycleHistory(),
            CreateJobs(),
            AddHotIndexes(),
            AddFileChunks(),
            CreateRenovationDossiers(),
            CreateWorksCompanies(),
            AddDossierSearchIndexes(),
            AddDossierInstruction(),
        ]
    }
}
