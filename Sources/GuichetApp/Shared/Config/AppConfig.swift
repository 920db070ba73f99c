import Foundation
import GuichetDomain
import GuichetPersistence
import GuichetViews

/// The whole configuration, read once at start-up from the environment (and an optional
/// `.env` file). Every faulty setting is named at once, in French and English.
public struct AppConfig: Sendable {
    public enum DatabaseKind: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }
    public struct Mail: Sendable, Equatable {
        public var from: String
        public var smtpHost: String?
        public var smtpPort: Int
        public var smtpUsername: String?
        public var smtpPassword: String?
        public var startTLS: Bool
        public var caFile: String?
        /// Show sent messages at `/dev/mailbox` (development only).
        public var devMailbox: Bool
    }

    public struct SMS: Sendable, Equatable {
        public var providerURL: String?
        public var providerToken: String?
    }

    public var database: DatabaseKind
    public var sms: SMS
    /// Run the outbox worker inside `serve` (off when a separate `guichet outbox run` does it).
    public var outboxWorker: Bool
    public var dataDirectory: URL
    public var baseURL: URL
    /// Whether `GUICHET_BASE_URL` was set; otherwise `serve` derives it from its address.
    public var baseURLIsExplicit: Bool
    public var mail: Mail
    public var autoMigrate: Bool
    /// Seconds of inactivity after which a session ends (issue #3).
    public var sessionIdleTimeout: Int
    /// Largest upload accepted, in bytes.
    public var maxUploadBytes: Int
    /// Where files' bytes go (`GUICHET_FILE_STORAGE`: `database`, the default, or `directory`,
    /// under the data directory's `files/`).
    public var fileBackend: FileBackend
    /// What one organisation's files may take (`GUICHET_ORGANISATION_QUOTA_MB`, default 1 024).
    public var organisationQuotaBytes: Int64
    /// Addresses of reverse proxies whose `X-Forwarded-For` is trusted.
    public var trustedProxies: [String]
    /// Who runs this instance, for the legal notice, personal data, accessibility and help pages
    /// (`GUICHET_PUBLISHER`, `GUICHET_PUBLISHER_ADDRESS`, `GUICHET_PUBLICATION_DIRECTOR`,
    /// `GUICHET_HOST_NAME`, `GUICHET_HOST_ADDRESS`, `GUICHET_DPO_CONTACT`, `GUICHET_CONTACT`,
    /// `GUICHET_CONTACT_PHONE`).
    public var operatorInfo = PublicServicePages.Operator()
    /// Largest supporting document of a dossier (`GUICHET_MAX_DOCUMENT_MB`, default 10).
    public var maxDocumentBytes = 10 * 1_048_576
    /// Where ClamAV's daemon listens (`GUICHET_CLAMD`: `unix:/run/clamav/clamd.ctl`,
    /// `tcp:127.0.0.1:3310`), or nil when scanning is off (`off`, the default for development:
    /// the documents page says so).
    public var clamd: ClamdEndpoint?
    /// Above this amount (subsidy and loan, in euros), a dossier's validation needs a second
    /// instructor (issue #13, `GUICHET_FOUR_EYES_ABOVE_EUROS`, default 15 000).
    public var fourEyesAbove = Money.euros(15_000)
    /// The agreement's signing certificate and key (PEM files, `GUICHET_SIGNING_CERT` and
    /// `GUICHET_SIGNING_KEY`); without them, a self-signed pair is made in `secrets/`.
    public var signingFiles: (certificate: String, key: String)?

    public var isSecure: Bool { baseURL.scheme == "https" }

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public let setting: String
        public let french: String
        public let english: String
        public var description: String { "  - \(setting) : \(french)\n    (\(english))" }
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let problems: [Problem]
        public var description: String {
            "Configuration invalide / invalid configuration:\n" + problems.map(\.description).joined(separator: "\n")
        }
    }

    /// Reads the settings from `environment`, falling back to `dotEnv` (the `.env` file's pairs).
    public static func load(
        environment: [String: String], dotEnv: [String: String] = [:],
        workingDirectory: URL
    ) -> Result<AppConfig, Invalid> {
        let r = SettingsReader(environment: environment, dotEnv: dotEnv)
        let dataSetting = r.get("GUICHET_DATA_DIR") ?? "var"
        let dataDir =
            (dataSetting.hasPrefix("/")
            ? URL(fileURLWithPath: dataSetting)
            : workingDirectory.appendingPathComponent(dataSetting)).standardizedFileURL
        let baseURL = r.baseURL()
        let mail = r.mail(baseURL: baseURL)
        var config = AppConfig(
            database: r.database(dataDir: dataDir), sms: r.sms(),
            outboxWorker: r.bool("GUICHET_OUTBOX_WORKER", default: true), dataDirectory: dataDir, baseURL: baseURL,
            baseURLIsExplicit: r.get("GUICHET_BASE_URL") != nil, mail: mail,
            autoMigrate: r.bool("GUICHET_AUTO_MIGRATE", default: true),
            sessionIdleTimeout: r.int("GUICHET_SESSION_IDLE_MINUTES", default: 120, range: 5...1440) * 60,
            maxUploadBytes: r.int("GUICHET_MAX_UPLOAD_MB", default: 20, range: 1...200) * 1_048_576,
            fileBackend: r.fileBackend(dataDir: dataDir),
            organisationQuotaBytes: Int64(r.int("GUICHET_ORGANISATION_QUOTA_MB", default: 1024, range: 1...1_048_576))
                * 1_048_576,
            trustedProxies: (r.get("GUICHET_TRUSTED_PROXIES") ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty })
        config.operatorInfo = r.operatorInfo()
        config.maxDocumentBytes = r.int("GUICHET_MAX_DOCUMENT_MB", default: 10, range: 1...100) * 1_048_576
        config.clamd = r.clamd()
        config.fourEyesAbove = .euros(
            Int64(r.int("GUICHET_FOUR_EYES_ABOVE_EUROS", default: 15_000, range: 0...1_000_000)))
        config.signingFiles = r.signingFiles()
        return r.problems.isEmpty ? .success(config) : .failure(Invalid(problems: r.problems))
    }

    /// Without `GUICHET_BASE_URL`, links in e-mails point where `serve` listens
    /// (`--hostname`, `--port`), a wildcard address being shown as 127.0.0.1.
    public mutating func deriveBaseURL(hostname: String?, port: Int?) {
        guard !baseURLIsExplicit, hostname != nil || port != nil else { return }
        var host = hostname ?? "127.0.0.1"
        if host == "0.0.0.0" || host == "::" || host == "[::]" { host = "127.0.0.1" }
        if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
        if let url = URL(string: "http://\(host):\(port ?? 8080)") { baseURL = url }
    }

    static func parseDatabaseURL(_ raw: String) -> DatabaseKind? {
        if raw.hasPrefix("sqlite://") {
            let path = String(raw.dropFirst("sqlite://".count))
            return path.isEmpty ? nil : .sqlite(path: path)
        }
        guard let u = URLComponents(string: raw), let scheme = u.scheme, ["postgres", "postgresql"].contains(scheme),
            let host = u.host, !host.isEmpty, u.path.count > 1
        else { return nil }
        if let port = u.port, !(1...65535).contains(port) { return nil }
        return .postgres(url: raw)
    }

    /// Hides the password of a database URL in messages.
    static func redact(_ raw: String) -> String {
        guard var u = URLComponents(string: raw), u.password != nil else { return raw }
        u.password = "***"
        return u.string ?? raw
    }
}

/// How to reach ClamAV's daemon.
public enum ClamdEndpoint: Sendable, Equatable {
    case unix(String)
    case tcp(host: String, port: Int)

    /// `unix:/run/clamav/clamd.ctl`, `tcp:127.0.0.1:3310`; nil for anything else.
    public init?(_ text: String) {
        if text.hasPrefix("unix:"), text.count > 5 {
            self = .unix(String(text.dropFirst(5)))
            return
        }
        guard text.hasPrefix("tcp:") else { return nil }
        let rest = text.dropFirst(4)
        guard let colon = rest.lastIndex(of: ":"), colon > rest.startIndex,
            let port = Int(rest[rest.index(after: colon)...]), (1...65535).contains(port)
        else { return nil }
        self = .tcp(host: String(rest[..<colon]), port: port)
    }
}

extension SettingsReader {
    func clamd() -> ClamdEndpoint? {
        let raw = get("GUICHET_CLAMD") ?? "off"
        if raw == "off" { return nil }
        guard let endpoint = ClamdEndpoint(raw) else {
            problem(
                "GUICHET_CLAMD", "« unix:/chemin/du/socket », « tcp:hôte:port » ou « off » attendu",
                "expected unix:/socket/path, tcp:host:port or off")
            return nil
        }
        return endpoint
    }
}
