import Foundation

/// The optional `.env` file: `KEY=value` lines, `#` comments, optional quotes. Values in the
/// real environment win over the file.
enum DotEnv {
    static func parse(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            var l = line.trimmingCharacters(in: .whitespaces)
            if l.isEmpty || l.hasPrefix("#") { continue }
            if l.hasPrefix("export ") { l = String(l.dropFirst(7)) }
            guard let eq = l.firstIndex(of: "=") else { continue }
            let key = l[..<eq].trimmingCharacters(in: .whitespaces)
            var value = l[l.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
                value = String(value.dropFirst().dropLast())
            }
            out[key] = value
        }
        return out
    }

    static func load(from directory: URL) -> [String: String] {
        let url = directory.appendingPathComponent(".env")
        guard let data = FileManager.default.contents(atPath: url.path) else { return [:] }
        return parse(String(decoding: data, as: UTF8.self))
    }
}
