import GuichetDomain
import GuichetPersistence
import Vapor

/// The reference tables, loaded once at start-up and shared by every request.
struct ReferenceDataKey: StorageKey { typealias Value = ReferenceData }
struct ClockKey: StorageKey { typealias Value = AppClock }
struct ConfigKey: StorageKey { typealias Value = AppConfig }
struct VirusScannerKey: StorageKey { typealias Value = any VirusScanner }

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

    /// The antivirus that scans every document (issue #12): ClamAV when configured.
    var virusScanner: any VirusScanner {
        get {
            if let scanner = storage[VirusScannerKey.self] { return scanner }
            return guichetConfig.clamd.map { ClamdScanner(endpoint: $0) } ?? NoVirusScanner()
        }
        set { storage[VirusScannerKey.self] = newValue }
    }

    /// The storage of files, as configured (issue #10).
    var files: FileStore {
        FileStore(backend: guichetConfig.fileBackend, quotaBytes: guichetConfig.organisationQuotaBytes)
    }
}
