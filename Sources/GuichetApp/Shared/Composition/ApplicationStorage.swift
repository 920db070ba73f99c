import GuichetDomain
import GuichetPersistence
import Vapor

/// The reference tables, loaded once at start-up and shared by every request.
struct ReferenceDataKey: StorageKey { typealias Value = ReferenceData }
struct ClockKey: StorageKey { typealias Value = AppClock }
struct ConfigKey: StorageKey { typealias Value = AppConfig }

extension Application {
    public var referenceData: ReferenceData {
        get { storage[ReferenceDataKey.self]! }
        set { storage[ReferenceDataKey.self] = newValue }
    }
    public var clock: AppClock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }
    public var guichetConfig: AppConfig {
        get { storage[ConfigKey.self]! }
        set { storage[ConfigKey.self] = newValue }
    }

    /// The storage of files, as configured (issue #10).
    var files: FileStore {
        FileStore(backend: guichetConfig.fileBackend, quotaBytes: guichetConfig.organisationQuotaBytes)
    }
}
