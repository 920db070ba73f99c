import Fluent
import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// The renovation parameters in force: read from the database (latest version), cached for a few
/// seconds so that the simulation path does not query the database on every request, while an
/// edit made on another instance is seen within `ttl`.
public actor ParametersService {
    private let store = ParameterStore()
    private var cached: (parameters: RenovationParameters, loadedAt: ContinuousClock.Instant)?
    private let ttl: Duration

    public init(ttl: Duration = .seconds(5)) { self.ttl = ttl }

    /// Inserts version 1 from the built-in values when the table is empty.
    public func seedIfEmpty(on db: Database) async throws {
        guard try await store.latest(on: db) == nil else { return }
        do {
            try await store.append(
                payload: ParametersCodec.encode(.builtIn), author: "système",
                note: "Valeurs initiales des sources (directive, guide AMO)", on: db)
        } catch {
            // Another instance seeded at the same time: the unique number refused ours.
            guard try await store.latest(on: db) != nil else { throw error }
        }
    }

    public func current(on db: Database) async throws -> RenovationParameters {
        if let c = cached, ContinuousClock.now - c.loadedAt < ttl { return c.parameters }
        guard let stored = try await store.latest(on: db) else {
            throw ParametersNotInitialised()
        }
        let p = try ParametersCodec.decode(stored.payload, version: "v\(stored.number)")
        cached = (p, .now)
        return p
    }

    /// Records a new version (an administrator's edit) and returns its label.
    public func publish(_ p: RenovationParameters, author: String, note: String, on db: Database) async throws -> String
    {
        let n = try await store.append(payload: ParametersCodec.encode(p), author: author, note: note, on: db)
        cached = nil
        return "v\(n)"
    }
}

/// No parameter version stored yet (the first start seeds one): the platform cannot compute.
public struct ParametersNotInitialised: Error, Sendable {}
