import Fluent
import GuichetDomain
import Vapor

// The services built from the application (the composition root), for the controllers. The
// services themselves take their dependencies explicitly and know nothing of Vapor (issue #10).

extension AccountService {
    init(app: Application, db: Database) {
        self.init(
            db: db, clock: app.clock, bcryptCost: app.bcryptCost, notifier: app.notifier,
            passwordPolicy: app.passwordPolicy)
    }
}

extension StaffService {
    init(app: Application, db: Database) {
        self.init(clock: app.clock, notifier: app.notifier, bcryptCost: app.bcryptCost, db: db)
    }
}

extension UploadCheckRunner {
    init(app: Application, workerID: String = "checker-\(UUID().uuidString.prefix(8))") {
        self.init(
            db: app.db, clock: app.clock, reference: app.referenceData,
            maxUploadBytes: app.guichetConfig.maxUploadBytes, files: app.files,
            workerID: workerID)
    }
}

extension LandlordService {
    init(app: Application) {
        self.init(db: app.db, clock: app.clock, notifier: app.notifier, reference: app.referenceData)
    }
}

extension Application {
    func dossierService(db: Database) -> DossierService {
        DossierService(db: db, clock: clock, notifier: notifier, reference: referenceData, parameters: parameters)
    }

    func instructionService(db: Database) -> InstructionService {
        InstructionService(db: db, clock: clock, notifier: notifier, fourEyesAbove: guichetConfig.fourEyesAbove)
    }

    func agreementJobs(db: Database) -> AgreementJobs {
        AgreementJobs(dossiers: dossierService(db: db), instruction: instructionService(db: db), files: files)
    }

    func signatureService(db: Database) -> SignatureService {
        SignatureService(
            db: db, clock: clock, notifier: notifier, files: files, instruction: instructionService(db: db),
            signingKey: agreementSigningKey, codeKey: signatureCodeKey)
    }
}

struct BcryptCostKey: StorageKey { typealias Value = Int }
struct PasswordPolicyKey: StorageKey { typealias Value = PasswordPolicy }
extension Application {
    var bcryptCost: Int {
        get { storage[BcryptCostKey.self] ?? 12 }
        set { storage[BcryptCostKey.self] = newValue }
    }
    var passwordPolicy: PasswordPolicy {
        get { storage[PasswordPolicyKey.self] ?? PasswordPolicy(common: []) }
        set { storage[PasswordPolicyKey.self] = newValue }
    }
}

struct InlineChecksKey: StorageKey { typealias Value = Bool }
extension Application {
    /// Tests check uploads before the upload request returns.
    var checksUploadsInline: Bool {
        get { storage[InlineChecksKey.self] ?? false }
        set { storage[InlineChecksKey.self] = newValue }
    }
}
