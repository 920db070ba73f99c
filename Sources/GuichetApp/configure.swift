import Fluent
import GuichetDomain
import GuichetPersistence
import Vapor

/// Options that tests and commands set; the server uses the defaults.
public struct ConfigureOptions: Sendable {
    public var clock: AppClock = .system
    /// Run migrations during configuration (tests, `serve` with auto-migrate).
    public var migrate: Bool = false
    /// The database, when it is not the configuration's (tests).
    public var databaseOverride: DatabaseTarget?
    /// bcrypt cost: 12 in production; tests may lower it to run fast.
    public var bcryptCost: Int = 12
    /// Run the outbox worker in this process (`serve`).
    public var runOutboxWorker: Bool = false
    /// PostgreSQL connections per event loop (tests run many apps at once and take fewer).
    public var connectionsPerEventLoop: Int = 4
    public init() {}
}

/// The composition root: one place where the app is put together.
public func configure(_ app: Application, config: AppConfig, options: ConfigureOptions = .init()) async throws {
    app.guichetConfig = config
    app.clock = options.clock

    // Reference tables: loaded once, before the first request.
    app.referenceData = try ReferenceDataCache.shared()
    app.passwordPolicy = try ReferenceDataCache.passwordPolicy()
    app.bcryptCost = options.bcryptCost

    try FileManager.default.createDirectory(at: config.dataDirectory, withIntermediateDirectories: true)
    let secrets = try Secrets.loadOrCreate(in: config.dataDirectory)
    app.auditCheckpoints = AuditCheckpoints(
        dataDirectory: config.dataDirectory, key: secrets.auditSigningKey, logger: app.logger)

    let clock = app.clock
    app.signatureCodeKey = secrets.signatureCodeKey
    app.queueCounts = QueueCountsCache()
    app.storage[AgreementSigningKeyKey.self] = AgreementSigningKey(
        dataDirectory: config.dataDirectory, configured: config.signingFiles, now: { clock.now() })

    let target = options.databaseOverride ?? config.databaseTarget
    let (factory, id) = try DatabaseSetup.factory(
        for: target, connectionsPerEventLoop: options.connectionsPerEventLoop)
    app.databases.use(factory, as: id)
    app.migrations.add(GuichetMigrations.all)

    if options.migrate {
        try await DatabaseSetup.prepare(app.db, target: target)
        try await app.autoMigrate()
        try await app.parameters.seedIfEmpty(on: app.db)
    }

    app.routes.defaultMaxBodySize = "64kb"
    try routes(app)

    // Middleware: security headers outermost, so that every answer carries them, error pages
    // included (issue #9); then errors, so that it catches what the others throw.
    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    var stages: [any AsyncMiddleware] = [
        SecurityHeadersMiddleware(secure: config.isSecure), ErrorPagesMiddleware(),
        MethodNotAllowedMiddleware(routes: app.routes.all),
    ]
    if let publicDir = Bundle.module.url(forResource: "Public", withExtension: nil) {
        stages.append(
            StaticFilesMiddleware(files: FileMiddleware(publicDirectory: publicDir.path + "/", defaultFile: nil)))
    }
    stages += [FlashMiddleware(), SessionMiddleware(), CSRFMiddleware(), AccessMiddleware()]
    app.middleware.use(RequestPipeline(stages: stages))
    app.asyncCommands.use(SimulateCommand(), as: "simulate")
    app.asyncCommands.use(AdminCommand(), as: "admin")
    app.asyncCommands.use(OutboxCommand(), as: "outbox")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(ConventionCommand(), as: "convention")
    if options.runOutboxWorker && config.outboxWorker {
        app.lifecycle.use(OutboxLifecycle())
    }
}

func routes(_ app: Application) throws {
    try app.register(collection: HomeController())
    try app.register(collection: InstructionController())
    try app.register(collection: DossierQueueController())
    try app.register(collection: DossierReviewController())
    try app.register(collection: DossierMessagesController())
    try app.register(collection: SignatureController())
    try app.register(collection: HealthController())
    try app.register(collection: SimulationAPIController())
    try app.register(collection: EligibilityTestController())
    try app.register(collection: DossierController())
    try app.register(collection: DossierMandateController())
    try app.register(collection: DossierStartController())
    try app.register(collection: DossierDocumentsController())
    try app.register(collection: DossierAPIController())
    try app.register(collection: AuthController())
    try app.register(collection: AccountController())
    try app.register(collection: AMOController())
    try app.register(collection: AdminDashboardController())
    try app.register(collection: StaffAccountsController())
    try app.register(collection: AMORequestsController())
    try app.register(collection: AuditJournalController())
    try app.register(collection: ParametersController())
    try app.register(collection: JobsController())
    try app.register(collection: MailboxController())
    try app.register(collection: AccountAPIController())
    try app.register(collection: LandlordController())
    try app.register(collection: AMIAdminController())
    try app.register(collection: AMIAPIController(uploadBodyLimit: app.guichetConfig.maxUploadBytes + 1_048_576))
    try app.register(collection: AMIFilingController(uploadBodyLimit: app.guichetConfig.maxUploadBytes + 1_048_576))
}

extension AppConfig {
    var databaseTarget: DatabaseTarget {
        switch database {
        case .sqlite(let path): .sqlite(path: path)
        case .postgres(let url): .postgres(url: url)
        }
    }
    /// Where the data lives, for the start-up lines.
    var databaseDescription: String {
        switch database {
        case .sqlite(let path): "SQLite, fichier \(path)"
        case .postgres(let url): "PostgreSQL, \(AppConfig.redact(url))"
        }
    }
}

/// The reference tables are immutable: one load per process, shared by every app (tests build
/// many apps in one process).
enum ReferenceDataCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var value: ReferenceData?

    nonisolated(unsafe) private static var policy: PasswordPolicy?

    /// The common-passwords list shipped with the reference data.
    static func passwordPolicy() throws -> PasswordPolicy {
        try lock.withLock {
            if let policy { return policy }
            var text = ""
            for name in ["common-passwords.txt", "common-passwords-fr.txt"] {
                guard let url = ReferenceData.bundledDirectory?.appendingPathComponent(name),
                    let data = FileManager.default.contents(atPath: url.path)
                else { throw ReferenceData.BundleError.missing(name) }
                text += String(decoding: data, as: UTF8.self) + "\n"
            }
            let loaded = PasswordPolicy(commonList: text)
            policy = loaded
            return loaded
        }
    }

    static func shared() throws -> ReferenceData {
        try lock.withLock {
            if let value { return value }
            let loaded = try ReferenceData.loadBundled()
            value = loaded
            return loaded
        }
    }
}
