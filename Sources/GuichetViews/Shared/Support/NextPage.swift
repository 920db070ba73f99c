import Foundation

/// A link to the next page of a list that grows (keyset pagination): the query string that
/// resumes after the last row shown.
public struct NextPage: Sendable, Equatable {
    public let label: String
    public let href: String

    public init(label: String = "Page suivante", href: String) {
        self.label = label
        self.href = href
    }

    /// RFC 3986's unreserved characters: everything else in a value is percent-encoded.
    private static let unreserved = CharacterSet(charactersIn: "-._~").union(
        CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))

    /// `path?name=value`, the value percent-encoded.
    public static func after(_ path: String, _ name: String, _ value: String) -> NextPage {
        let encoded = value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        return NextPage(href: "\(path)?\(name)=\(encoded)")
    }
}
