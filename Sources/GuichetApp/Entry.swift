import Foundation
import GuichetDomain
import Logging
import Vapor

/// `guichet`: `serve` (default), `migrate [--revert]`, `simulate [FILE]`, and the commands of the
/// other issues. Configuration problems and an unreachable database end the process with a
/// clear message and a non-zero status, never a stack trace.
public enum GuichetMain {
    public static func run() async -> Int32 {
        var env: Environment
        do { env = try Environment.detect() } catch {
            FileHandle.standardError.write(Data("Arguments invalides : \(error)\n".utf8))
            return 2
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var config: AppConfig
        switch AppConfig.load(
            environment: ProcessInfo.processInfo.environment, dotEnv: DotEnv.load(from: cwd), workingDirectory: cwd)
        {
        case .success(let c): config = c
        case .failure(let invalid):
            FileHandle.standardError.write(Data((invalid.description + "\n").utf8))
            return 1
        }
        let args = env.arguments
        let command = args.count > 1 && !args[1].hasPrefix("-") ? args[1] : "serve"
        if command == "ami" {
            let outcome = AMICheckCommand.run(
                Array(args.dropFirst(2)), maxFileBytes: config.maxUploadBytes, reference: CommuneIndex.loadBundled)
            FileHandle.standardOutput.write(Data(outcome.output.utf8))
            if !outcome.error.isEmpty { FileHandle.standardError.write(Data((outcome.error + "\n").utf8)) }
            return outcome.code
        }
        // `guichet simulate` without FILE reads standard input.
        if command == "simulate" && args.count == 2 { env.arguments.append("/dev/stdin") }
        let serving = command == "serve"
        if serving {
            config.deriveBaseURL(
                hostname: Self.option(["--hostname", "-H"], in: args),
                port: Self.option(["--port", "-p"], in: args).flatMap { Int($0) })
        }
        // `serve --demo` (never the default): demonstration accounts and banner.
        let demo = serving && env.arguments.contains("--demo")
        env.arguments.removeAll { $0 == "--demo" }
        bootstrapLogging(serving: serving, env: &env)

        let app: Application
        do { app = try await Application.make(env) } catch {
            FileHandle.standardError.write(Data("Démarrage impossible : \(error)\n".utf8))
            return 1
        }
        var options = ConfigureOptions()
        options.migrate = (config.autoMigrate && command != "migrate") || demo
        options.runOutboxWorker = serving
        if serving { printStartBanner(config) }
        return await start(app, config: config, options: options, demo: demo, serving: serving)
    }
}

extension GuichetMain {
    /// The value of `--name VALUE` or `--name=VALUE`.
    static func option(_ names: [String], in args: [String]) -> String? {
        for (i, a) in args.enumerated() {
            for n in names {
                if a == n, i + 1 < args.count { return args[i + 1] }
                if a.hasPrefix(n + "=") { return String(a.dropFirst(n.count + 1)) }
            }
        }
        return nil
    }

    static func bootstrapLogging(serving: Bool, env: inout Environment) {
        if serving {
            try? LoggingSystem.bootstrap(from: &env)
            return
        }
        // Commands print their result on standard output: logs go to standard error.
        let level = Logger.Level(rawValue: ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "") ?? .warning
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = level
            return h
        }
    }

    static func printStartBanner(_ config: AppConfig) {
        print("Guichet \(GuichetVersion.current) — données : \(config.dataDirectory.path)")
        print("Base de données : \(config.databaseDescription)")
        print("Adresse publique (liens des e-mails) : \(config.baseURL.absoluteString)")
        if config.mail.devMailbox {
            print(
                "ATTENTION : boîte de développement active (/dev/mailbox, administrateurs ou démonstration) : "
                    + "jamais en production.")
        }
        fflush(nil)
    }

    /// `serve --demo`: the demonstration accounts, each password printed once.
    static func seedDemo(_ app: Application) async throws {
        app.isDemo = true
        let accounts = try await DemoSeeder(app: app).seed()
        print("DÉMONSTRATION — comptes de démonstration (mots de passe à usage de test, affichés une seule fois) :")
        for (email, role, password) in accounts {
            print("  \(role.french.padding(toLength: 18, withPad: " ", startingAt: 0)) \(email)  \(password)")
        }
        fflush(nil)
    }

    /// Configures, seeds the demonstration when asked, starts and waits for the stop.
    static func start(
        _ app: Application, config: AppConfig, options: ConfigureOptions, demo: Bool, serving: Bool
    ) async -> Int32 {
        do {
            try await configure(app, config: config, options: options)
            // The agreements' signing identity read, or made once, before the first request
            // (issue #13): a bad PEM file stops start-up with its message.
            if serving { _ = try await app.agreementSigningKey.identity() }
            if demo { try await seedDemo(app) }
            try await app.startup()
            if serving, let address = app.http.server.shared.localAddress {
                let host = address.ipAddress.map { $0.contains(":") ? "[\($0)]" : $0 } ?? "127.0.0.1"
                print("Prêt : ouvrez http://\(host):\(address.port ?? 8080)  (Ctrl-C pour arrêter)")
                fflush(nil)
            }
            try await app.running?.onStop.get()
            try await app.asyncShutdown()
            return 0
        } catch let exit as CommandExit {
            try? await app.asyncShutdown()
            return exit.code
        } catch {
            FileHandle.standardError.write(Data((StartupFailure.describe(error, config: config) + "\n").utf8))
            try? await app.asyncShutdown()
            return 1
        }
    }
}

/// A command's chosen exit status (for example `simulate` on a refused request).
struct CommandExit: Error {
    let code: Int32

    /// Writes a French message on standard error and ends the command with `code`.
    static func failing(_ message: String, code: Int32) -> CommandExit {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return CommandExit(code: code)
    }
}

enum StartupFailure {
    static func describe(_ error: any Error, config: AppConfig) -> String {
        let text = String(describing: error)
        if text.contains("connect") || text.contains("Connection") || text.contains("PSQLError")
            || text.contains("NIOConnectionError")
            || text.contains("unable to open") || text.contains("SQLiteError")
        {
            return """
                Base de données injoignable (\(config.databaseDescription)).
                Vérifiez DATABASE_URL et que le serveur de base de données est démarré.
                (Database unreachable: check DATABASE_URL and that the database server is running.)
                Détail : \(text.prefix(300))
                """
        }
        return "Erreur au démarrage / start-up error : \(text.prefix(500))"
    }
}
