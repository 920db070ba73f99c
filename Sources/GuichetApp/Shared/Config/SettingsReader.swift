import Foundation
import GuichetPersistence
import GuichetViews

/// Reads the settings one group at a time, collecting every problem (French and English) so
/// that `AppConfig.load` names them all at once.
final class SettingsReader {
    typealias Problem = AppConfig.Problem
    let environment: [String: String]
    let dotEnv: [String: String]
    private(set) var problems: [Problem] = []

    init(environment: [String: String], dotEnv: [String: String]) {
        self.environment = environment
        self.dotEnv = dotEnv
    }

    func get(_ key: String) -> String? {
        let v = environment[key] ?? dotEnv[key]
        return v?.isEmpty == true ? nil : v
    }

    func problem(_ setting: String, _ french: String, _ english: String) {
        problems.append(Problem(setting: setting, french: french, english: english))
    }

    func bool(_ key: String, default d: Bool) -> Bool {
        guard let v = get(key)?.lowercased() else { return d }
        switch v {
        case "1", "true", "yes", "oui", "on": return true
        case "0", "false", "no", "non", "off": return false
        default:
            problem(
                key, "valeur « \(v) » non reconnue, attendu true ou false",
                "unrecognised value \"\(v)\", expected true or false")
            return d
        }
    }

    func int(_ key: String, default d: Int, range: ClosedRange<Int>) -> Int {
        guard let v = get(key) else { return d }
        guard let n = Int(v), range.contains(n) else {
            problem(
                key, "« \(v) » n'est pas un entier entre \(range.lowerBound) et \(range.upperBound)",
                "\"\(v)\" is not an integer between \(range.lowerBound) and \(range.upperBound)")
            return d
        }
        return n
    }

    /// Both signing files or neither.
    func signingFiles() -> (certificate: String, key: String)? {
        switch (get("GUICHET_SIGNING_CERT"), get("GUICHET_SIGNING_KEY")) {
        case (let certificate?, let key?): return (certificate, key)
        case (nil, nil): return nil
        default:
            problem(
                "GUICHET_SIGNING_CERT / GUICHET_SIGNING_KEY", "indiquez les deux fichiers (certificat et clé) ou aucun",
                "set both files (certificate and key) or neither")
            return nil
        }
    }

    func database(dataDir: URL) -> AppConfig.DatabaseKind {
        let fallback = AppConfig.DatabaseKind.sqlite(path: dataDir.appendingPathComponent("guichet.sqlite").path)
        guard let raw = get("DATABASE_URL") else { return fallback }
        if let kind = AppConfig.parseDatabaseURL(raw) { return kind }
        let shown = AppConfig.redact(raw)
        problem(
            "DATABASE_URL",
            "« \(shown) » n'est pas une adresse postgres://utilisateur:motdepasse@hôte:port/base ni sqlite:///chemin",
            "\"\(shown)\" is neither postgres://user:password@host:port/database nor sqlite:///path")
        return fallback
    }

    func baseURL() -> URL {
        let local = URL(string: "http://127.0.0.1:8080") ?? URL(fileURLWithPath: "/")
        guard let raw = get("GUICHET_BASE_URL") else { return local }
        if let u = URL(string: raw), let scheme = u.scheme, ["http", "https"].contains(scheme), u.host != nil {
            return u
        }
        problem(
            "GUICHET_BASE_URL", "« \(raw) » n'est pas une adresse http(s) complète",
            "\"\(raw)\" is not a full http(s) URL")
        return local
    }

    func mail(baseURL: URL) -> AppConfig.Mail {
        let from = get("GUICHET_MAIL_FROM") ?? "Guichet Action Logement <ne-pas-repondre@guichet.invalid>"
        if !from.contains("@") {
            problem("GUICHET_MAIL_FROM", "adresse d'expédition sans « @ »", "sender address has no \"@\"")
        }
        let mail = AppConfig.Mail(
            from: from, smtpHost: get("SMTP_HOST"), smtpPort: int("SMTP_PORT", default: 587, range: 1...65535),
            smtpUsername: get("SMTP_USERNAME"), smtpPassword: get("SMTP_PASSWORD"),
            startTLS: bool("SMTP_STARTTLS", default: true), caFile: get("SMTP_CA_FILE"),
            devMailbox: bool("GUICHET_DEV_MAILBOX", default: false))
        if mail.devMailbox && baseURL.scheme == "https" {
            problem(
                "GUICHET_DEV_MAILBOX",
                "la boîte de développement montre les liens de réinitialisation : interdite quand "
                    + "GUICHET_BASE_URL est en https (production)",
                "the development mailbox shows reset links: refused when GUICHET_BASE_URL is https (production)")
        }
        if let ca = mail.caFile, !FileManager.default.fileExists(atPath: ca) {
            problem("SMTP_CA_FILE", "fichier « \(ca) » introuvable", "file \"\(ca)\" not found")
        }
        if mail.smtpUsername != nil && mail.smtpPassword == nil {
            problem("SMTP_PASSWORD", "requis quand SMTP_USERNAME est défini", "required when SMTP_USERNAME is set")
        }
        return mail
    }

    func sms() -> AppConfig.SMS {
        let url = get("SMS_PROVIDER_URL")
        if let u = url, URL(string: u)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            problem("SMS_PROVIDER_URL", "« \(u) » n'est pas une adresse http(s)", "\"\(u)\" is not an http(s) URL")
        }
        return AppConfig.SMS(providerURL: url, providerToken: get("SMS_PROVIDER_TOKEN"))
    }

    func fileBackend(dataDir: URL) -> FileBackend {
        switch get("GUICHET_FILE_STORAGE")?.lowercased() {
        case nil, "database", "base": return .database
        case "directory", "repertoire", "répertoire": return .directory(dataDir.appendingPathComponent("files"))
        case let other?:
            problem(
                "GUICHET_FILE_STORAGE", "« \(other) » : attendu database ou directory",
                "\"\(other)\": expected database or directory")
            return .database
        }
    }

    func operatorInfo() -> PublicServicePages.Operator {
        PublicServicePages.Operator(
            publisher: get("GUICHET_PUBLISHER"), publisherAddress: get("GUICHET_PUBLISHER_ADDRESS"),
            publicationDirector: get("GUICHET_PUBLICATION_DIRECTOR"), host: get("GUICHET_HOST_NAME"),
            hostAddress: get("GUICHET_HOST_ADDRESS"), dpoContact: get("GUICHET_DPO_CONTACT"),
            serviceContact: get("GUICHET_CONTACT"), servicePhone: get("GUICHET_CONTACT_PHONE"))
    }
}
