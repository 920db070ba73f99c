/// At most `limit` test databases open at once on PostgreSQL: each app holds a pool of
/// connections, and hundreds of tests start together, more than a server's `max_connections`.
/// A test already inside the gate (an app started from another's body) does not wait again.
public actor TestGate {
    public static let postgres = TestGate(limit: 16)
    @TaskLocal static var inside = false

    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { available = limit }

    func enter() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func leave() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` within the gate when `enabled` (PostgreSQL) and not already inside it.
    static func run<T>(enabled: Bool, _ body: () async throws -> T) async throws -> T {
        guard enabled, !inside else { return try await body() }
        await postgres.enter()
        do {
            let result = try await $inside.withValue(true) { try await body() }
            await postgres.leave()
            return result
        } catch {
            await postgres.leave()
            throw error
        }
    }
}
