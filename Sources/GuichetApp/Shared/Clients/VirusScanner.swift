import Foundation
import NIOCore
import NIOPosix

/// What the antivirus says of a file.
enum ScanVerdict: Sendable, Equatable {
    case clean
    /// The signature's name (« Eicar-Test-Signature »).
    case infected(String)
}

/// Scans every uploaded document before anything is stored (issue #12).
protocol VirusScanner: Sendable {
    /// False when scanning is switched off (development): the pages say so.
    var isEnabled: Bool { get }
    func scan(_ data: Data) async throws -> ScanVerdict
}

/// Scanning switched off by configuration (`GUICHET_CLAMD=off`): every file passes, and the
/// documents page says it is not scanned.
struct NoVirusScanner: VirusScanner {
    var isEnabled: Bool { false }
    func scan(_ data: Data) async throws -> ScanVerdict { .clean }
}

/// ClamAV's daemon over its socket (Debian `clamav-daemon`), command `zINSTREAM`: the file in
/// chunks, each preceded by its length on four bytes (network order), a zero length to end; the
/// reply is `stream: OK` or `stream: <signature> FOUND`, ended by a NUL byte.
struct ClamdScanner: VirusScanner {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let endpoint: ClamdEndpoint
    var timeout: TimeAmount = .seconds(30)
    var chunkSize = 64 * 1024
    var group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    var isEnabled: Bool { true }

    func scan(_ data: Data) async throws -> ScanVerdict {
        let bootstrap = ClientBootstrap(group: group).connectTimeout(.seconds(5))
        let initializer: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<ByteBuffer, ByteBuffer>> = { ch in
            ch.eventLoop.makeCompletedFuture { try NIOAsyncChannel(wrappingChannelSynchronously: ch) }
        }
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        switch endpoint {
        case .unix(let path):
            channel = try await bootstrap.connect(unixDomainSocketPath: path, channelInitializer: initializer)
        case .tcp(let host, let port):
            channel = try await bootstrap.connect(host: host, port: port, channelInitializer: initializer)
        }
        let deadline = channel.channel.eventLoop.scheduleTask(in: timeout) { channel.channel.close(promise: nil) }
        defer { deadline.cancel() }
        let reply = try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: "zINSTREAM\0"))
            var offset = data.startIndex
            while offset < data.endIndex {
                let end = data.index(offset, offsetBy: chunkSize, limitedBy: data.endIndex) ?? data.endIndex
                var buffer = ByteBuffer()
                buffer.writeInteger(UInt32(end - offset), endianness: .big)
                buffer.writeBytes(data[offset..<end])
                try await outbound.write(buffer)
                offset = end
            }
            var end = ByteBuffer()
            end.writeInteger(UInt32(0), endianness: .big)
            try await outbound.write(end)
            var reply = ""
            for try await var chunk in inbound {
                reply += chunk.readString(length: chunk.readableBytes) ?? ""
                if reply.contains("\0") || reply.count > 4096 { break }
            }
            return reply
        }
        return try Self.verdict(reply)
    }

    /// `stream: OK`, `stream: Eicar-Test-Signature FOUND`, or an error (`… ERROR`, nothing).
    static func verdict(_ reply: String) throws -> ScanVerdict {
        let text =
            reply.split(separator: "\0").first.map(String.init)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.hasSuffix("OK") { return .clean }
        if text.hasSuffix("FOUND") {
            let body = text.hasPrefix("stream: ") ? text.dropFirst(8) : Substring(text)
            return .infected(String(body.dropLast(5)).trimmingCharacters(in: .whitespaces))
        }
        throw Failure(description: "réponse de clamd : « \(text.prefix(200)) »")
    }
}
