import Vapor

/// Password hashing: bcrypt (cost ≥ 12 in production) over the SHA-256 digest of the password,
/// so that passwords longer than bcrypt's 72 bytes are never silently truncated.
struct Passwords: Sendable {
    let cost: Int

    static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }

    func hash(_ password: String) throws -> String {
        try Bcrypt.hash(Self.prehash(password), cost: cost)
    }

    func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(Self.prehash(password), created: hash)) ?? false
    }

    /// Spends the same time as a real check when the account does not exist (no timing oracle).
    func dummyVerify(_ password: String) {
        _ = verify(password, hash: Self.dummyHash)
    }
    static let dummyHash = (try? Bcrypt.hash("guichet-dummy", cost: 12)) ?? ""
}

/// Random secrets and their stored digests.
enum Tokens {
    /// 32 random bytes, URL-safe base64 without padding.
    static func random() -> String {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &g) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }

    /// A short one-time password for demo accounts (unambiguous characters).
    static func oneTimePassword(length: Int = 16) -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789")
        var g = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] })
    }
}
