import Foundation

extension Sequence<UInt8> {
    /// Lowercase hexadecimal (SHA-256 digests, signatures).
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

extension Data {
    /// Bytes from lowercase or uppercase hexadecimal; nil for anything else.
    init?(hex: String) {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(chars.count / 2)
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 65...70: c - 55
            case 97...102: c - 87
            default: nil
            }
        }
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            bytes.append(hi << 4 | lo)
            i += 2
        }
        self.init(bytes)
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await f(self)
    }

    func asyncFlatMap<T>(_ f: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await f(self)
    }
}
