import Foundation
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
        var problems: [Problem] = []
        func get(_ key: String) -> String? {
            let v = environment[key] ?? dotEnv[key]
            return v?.isEmpty == true ? nil : v
        }
        func bool(_ key: String, default d: Bool) -> Bool {
            guard let v = get(key)?.lowercased() else { return d }
            switch v {
            case "1", "true", "yes", "oui", "on": return true
            case "0", "false", "no", "non", "off": return false
            default:
                problems.append(
                    Problem(
                        setting: key, french: "valeur « \(v) » non reconnue, attendu true ou false",
                        english: "unrecognised value \"\(v)\", expected true or false"))
                return d
            }
        }
        func int(_ key: String, default d: Int, range: ClosedRange<Int>) -> Int {
            guard let v = get(key) else { return d }
            guard let n = Int(v), range.contains(n) else {
                problems.append(
                    Problem(
                        setting: key,
                        french: "« \(v) » n'est pas un entier entre \(range.lowerBound) et \(range.upperBound)",
                        english: "\"\(v)\" is not an integer between \(range.lowerBound) and \(range.upperBound)"))
                return d
            }
            return n
        }

        let dataSetting = get("GUICHET_DATA_DIR") ?? "var"
        let dataDir =
            (dataSetting.hasPrefix("/")
            ? URL(fileURLWithPath: dataSetting)
            : workingDirectory.appendingPathComponent(dataSetting)).standardizedFileURL

        var database = DatabaseKind.sqlite(path: dataDir.appendingPathComponent("guichet.sqlite").path)
        if let raw = get("DATABASE_URL") {
            if let kind = parseDatabaseURL(raw) {
                database = kind
            } else {
                problems.append(
                    Problem(
                        setting: "DATABASE_URL",
                        french:
                            "« \(redact(raw)) » n'est pas une adresse "
                            + "postgres://utilisateur:motdepasse@hôte:port/base ni sqlite:///chemin",
                        english:
                            "\"\(redact(raw))\" is neither postgres://user:password@host:port/database nor "
                            + "sqlite:///path"
                    ))
            }
        }

        var baseURL = URL(string: "http://127.0.0.1:8080")!
        if let raw = get("GUICHET_BASE_URL") {
            if let u = URL(string: raw), let scheme = u.scheme, ["http", "https"].contains(scheme), u.host != nil {
                baseURL = u
            } else {
                problems.append(
                    Problem(
                        setting: "GUICHET_BASE_URL", french: "« \(raw) » n'est pas une adresse http(s) complète",
                        english: "\"\(raw)\" is not a full http(s) URL"))
            }
        }

        let from = get("GUICHET_MAIL_FROM") ?? "Guichet Action Logement <ne-pas-repondre@guichet.invalid>"
        if !from.contains("@") {
            problems.append(
                Problem(
                    setting: "GUICHET_MAIL_FROM", french: "adresse d'expédition sans « @ »",
                    english: "sender address has no \"@\""))
        }
        let mail = Mail(
            from: from, smtpHost: get("SMTP_HOST"), smtpPort: int("SMTP_PORT", default: 587, range: 1...65535),
            smtpUsername: get("SMTP_USERNAME"), smtpPassword: get("SMTP_PASSWORD"),
            startTLS: bool("SMTP_STARTTLS", default: true), caFile: get("SMTP_CA_FILE"),
            devMailbox: bool("GUICHET_DEV_MAILBOX", default: false))
        if mail.devMailbox && baseURL.scheme == "https" {
            problems.append(
                Problem(
                    setting: "GUICHET_DEV_MAILBOX",
                    french:
                        "la boîte de développement montre les liens de réinitialisation : interdite quand "
                        + "GUICHET_BASE_URL est en https (production)",
                    english:
                        "the development mailbox shows reset links: refused when GUICHET_BASE_URL is https (production)"
                ))
        }
        if let ca = mail.caFile, !FileManager.default.fileExists(atPath: ca) {
            problems.append(
                Problem(
                    setting: "SMTP_CA_FILE", french: "fichier « \(ca) » introuvable",
                    english: "file \"\(ca)\" not found"))
        }
        let smsURL = get("SMS_PROVIDER_URL")
        if let u = smsURL, URL(string: u)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            problems.append(
                Problem(
                    setting: "SMS_PROVIDER_URL", french: "« \(u) » n'est pas une adresse http(s)",
                    english: "\"\(u)\" is not an http(s) URL"))
        }
        if mail.smtpUsername != nil && mail.smtpPassword == nil {
            problems.append(
                Problem(
                    setting: "SMTP_PASSWORD", french: "requis quand SMTP_USERNAME est défini",
                    english: "required when SMTP_USERNAME is set"))
        }

        var fileBackend = FileBackend.database
        switch get("GUICHET_FILE_STORAGE")?.lowercased() {
        case nil, "database", "base": break
        case "directory", "repertoire", "répertoire": fileBackend = .directory(dataDir.appendingPathComponent("files"))
        case let other?:
            problems.append(
                Problem(
                    setting: "GUICHET_FILE_STORAGE", french: "« \(other) » : attendu database ou directory",
                    english: "\"\(other)\": expected database or directory"))
        }

        let config = AppConfig(
            database: database, sms: SMS(providerURL: smsURL, providerToken: get("SMS_PROVIDER_TOKEN")),
            outboxWorker: bool("GUICHET_OUTBOX_WORKER", default: true), dataDirectory: dataDir, baseURL: baseURL,
            baseURLIsExplicit: get("GUICHET_BASE_URL") != nil, mail: mail,
            autoMigrate: bool("GUICHET_AUTO_MIGRATE", default: true),
            sessionIdleTimeout: int("GUICHET_SESSION_IDLE_MINUTES", default: 120, range: 5...1440) * 60,
            maxUploadBytes: int("GUICHET_MAX_UPLOAD_MB", default: 20, range: 1...200) * 1_048_576,
            fileBackend: fileBackend,
            organisationQuotaBytes: Int64(int("GUICHET_ORGANISATION_QUOTA_MB", default: 1024, range: 1...1_048_576))
                * 1_048_576,
            trustedProxies: (get("GUICHET_TRUSTED_PROXIES") ?? "").split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty })
        var withOperator = config
        withOperator.operatorInfo = PublicServicePages.Operator(
            publisher: get("GUICHET_PUBLISHER"), publisherAddress: get("GUICHET_PUBLISHER_ADDRESS"),
            publicationDirector: get("GUICHET_PUBLICATION_DIRECTOR"), host: get("GUICHET_HOST_NAME"),
            hostAddress: get("GUICHET_HOST_ADDRESS"), dpoContact: get("GUICHET_DPO_CONTACT"),
            serviceContact: get("GUICHET_CONTACT"), servicePhone: get("GUICHET_CONTACT_PHONE"))
        return problems.isEmpty ? .success(withOperator) : .failure(Invalid(problems: problems))
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
