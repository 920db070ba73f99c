import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321) on SwiftNIO: EHLO, STARTTLS (RFC 3207), AUTH PLAIN or LOGIN
/// (RFC 4954), one message per connection, UTF-8 subject (RFC 2047) and base64 body.
struct SMTPClient: Sendable {
    struct Settings: Sendable {
        var host: String
        var port: Int
        var username: String?
        var password: String?
        var startTLS: Bool
        /// PEM file of an extra trusted certificate (a private CA, or a test server's own certificate).
        var caFile: String?
        var heloName = "guichet.localhost"
        var timeout: TimeAmount = .seconds(30)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// True for errors worth retrying (4xx, network); false for permanent refusals (5xx).
        let transient: Bool
    }

    struct Message: Sendable {
        var from: String
        var to: String
        var subject: String
        var body: String
        var date: Date
        var messageID: String
    }

    let settings: Settings
    let group: any EventLoopGroup

    func send(_ m: Message) async throws {
        let handler = SMTPReplyHandler()
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(settings.timeout)
            .channelInitializer { ch in
                ch.eventLoop.makeCompletedFuture { try ch.pipeline.syncOperations.addHandler(handler) }
            }
            .connect(host: settings.host, port: settings.port).get()
        do {
            try await conversation(m, channel: channel, handler: handler)
            channel.close(promise: nil)
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    private func conversation(_ m: Message, channel: any Channel, handler: SMTPReplyHandler) async throws {
        func reply() async throws -> SMTPReply {
            try await channel.eventLoop.flatSubmit { handler.next(on: channel.eventLoop) }
                .withTimeout(settings.timeout, on: channel.eventLoop).get()
        }
        func command(_ line: String, expect codes: Set<Int>, redacted: String? = nil) async throws -> SMTPReply {
            try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
            let r = try await reply()
            guard codes.contains(r.code) else {
                throw Failure(description: "\(redacted ?? line) → \(r.code) \(r.text)", transient: r.code < 500)
            }
            return r
        }

        let greeting = try await reply()
        guard greeting.code == 220 else {
            throw Failure(description: "accueil \(greeting.code) \(greeting.text)", transient: greeting.code < 500)
        }
        var ehlo = try await command("EHLO \(settings.heloName)", expect: [250])
        if settings.startTLS {
            guard ehlo.lines.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                throw Failure(description: "le serveur ne propose pas STARTTLS", transient: false)
            }
            _ = try await command("STARTTLS", expect: [220])
            var tls = TLSConfiguration.makeClientConfiguration()
            if let ca = settings.caFile {
                tls.trustRoots = .file(ca)
            }
            let context = try NIOSSLContext(configuration: tls)
            // SNI and name checks use the host name; an IP literal is checked against the certificate's IP.
            let isIP = (try? SocketAddress(ipAddress: settings.host, port: 0)) != nil
            let sslHandler = try NIOSSLClientHandler(context: context, serverHostname: isIP ? nil : settings.host)
            try await channel.pipeline.addHandler(sslHandler, position: .first).get()
            ehlo = try await command("EHLO \(settings.heloName)", expect: [250])
        }
        if let user = settings.username, let password = settings.password {
            let mechanisms = ehlo.lines.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased() ?? ""
            if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
                let token = Data("\u{0}\(user)\u{0}\(password)".utf8).base64EncodedString()
                _ = try await command("AUTH PLAIN \(token)", expect: [235], redacted: "AUTH PLAIN ***")
            } else {
                _ = try await command("AUTH LOGIN", expect: [334])
                _ = try await command(Data(user.utf8).base64EncodedString(), expect: [334], redacted: "(utilisateur)")
                _ = try await command(
                    Data(password.utf8).base64EncodedString(), expect: [235], redacted: "(mot de passe)")
            }
        }
        _ = try await command("MAIL FROM:<\(Self.address(m.from))>", expect: [250])
        _ = try await command("RCPT TO:<\(Self.address(m.to))>", expect: [250, 251])
        _ = try await command("DATA", expect: [354])
        _ = try await command(Self.render(m) + "\r\n.", expect: [250], redacted: "(message)")
        _ = try? await command("QUIT", expect: [221])
    }

    /// `Nom <a@b>` → `a@b`.
    static func address(_ s: String) -> String {
        if let l = s.lastIndex(of: "<"), let r = s.lastIndex(of: ">"), l < r { return String(s[s.index(after: l)..<r]) }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// The message as sent after DATA (dot-stuffed, CRLF line ends).
    static func render(_ m: Message) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Paris")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        func encodedWord(_ s: String) -> String {
            s.allSatisfy { $0.isASCII && !$0.isNewline } ? s : "=?UTF-8?B?\(Data(s.utf8).base64EncodedString())?="
        }
        func displayName(_ s: String) -> String {
            guard let l = s.lastIndex(of: "<") else { return s }
            let name = s[..<l].trimmingCharacters(in: .whitespaces)
            return name.isEmpty ? s : "\(encodedWord(name)) <\(address(s))>"
        }
        let body = Data(
            m.body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8
        )
        .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let headers = [
            "From: \(displayName(m.from))", "To: \(displayName(m.to))",
            "Subject: \(encodedWord(m.subject.replacingOccurrences(of: "\n", with: " ")))",
            "Date: \(f.string(from: m.date))", "Message-ID: <\(m.messageID)>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64",
        ]
        return (headers + ["", body]).joined(separator: "\r\n")
            .split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    }
}

struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]
    var text: String { lines.joined(separator: " ") }
}

/// Collects reply lines (`250-…` continuations, `250 …` last line) and hands complete replies
/// to waiting readers. Touched only on its channel's event loop.
final class SMTPReplyHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    private var partial = ""
    private var current: [String] = []
    private var ready: [SMTPReply] = []
    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var failure: (any Error)?

    func next(on loop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        if !ready.isEmpty { return loop.makeSucceededFuture(ready.removeFirst()) }
        if let failure { return loop.makeFailedFuture(failure) }
        let p = loop.makePromise(of: SMTPReply.self)
        waiting.append(p)
        return p.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        partial += buffer.readString(length: buffer.readableBytes) ?? ""
        while let nl = partial.range(of: "\r\n") ?? partial.range(of: "\n") {
            let line = String(partial[..<nl.lowerBound])
            partial.removeSubrange(..<nl.upperBound)
            guard line.count >= 3, let code = Int(line.prefix(3)) else { continue }
            let rest = line.count > 4 ? String(line.dropFirst(4)) : ""
            current.append(rest)
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                let reply = SMTPReply(code: code, lines: current)
                current = []
                if waiting.isEmpty { ready.append(reply) } else { waiting.removeFirst().succeed(reply) }
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPClient.Failure(description: "connexion fermée par le serveur", transient: true))
        context.fireChannelInactive()
    }

    private func fail(_ error: any Error) {
        failure = failure ?? error
        let w = waiting
        waiting = []
        for p in w { p.fail(error) }
    }
}

extension EventLoopFuture {
    func withTimeout(_ t: TimeAmount, on loop: any EventLoop) -> EventLoopFuture<Value> {
        let p = loop.makePromise(of: Value.self)
        let task = loop.scheduleTask(in: t) {
            p.fail(SMTPClient.Failure(description: "délai dépassé", transient: true))
        }
        self.whenComplete { r in
            task.cancel()
            p.completeWith(r)
        }
        return p.futureResult
    }
}
