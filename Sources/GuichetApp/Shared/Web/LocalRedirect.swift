/// Where a person may be sent after signing in (`?suite=`): only a path of this site, as a
/// browser will read it (issue #9). Browsers drop tabs and newlines inside a URL and read `\` as
/// `/`, so `/\t/evil.example` and `/\evil.example` both mean `//evil.example`: anything that is
/// not printable ASCII, any backslash and any `//` is refused, and the account page is used.
enum LocalRedirect {
    static let fallback = "/compte"

    static func target(_ candidate: String?) -> String {
        guard let candidate, isLocalPath(candidate) else { return fallback }
        return candidate
    }

    static func isLocalPath(_ s: String) -> Bool {
        guard s.utf8.first == UInt8(ascii: "/"), s.utf8.count <= 2_000 else { return false }
        guard s.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }) else { return false }
        return !s.contains("//")
    }
}
