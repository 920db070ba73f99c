/// What a lifecycle's transition table answers when an event is allowed: the new state and the
/// effects, as data. The edge applies both in one transaction (the platform's one mechanism,
/// `LifecycleWriter`), so that a state is never stored without its history, audit entry and
/// messages, nor they without it.
public struct Transition<State: Sendable & Equatable, Effect: Sendable & Equatable>: Sendable, Equatable {
    public let state: State
    public let effects: [Effect]

    public init(to state: State, _ effects: [Effect]) {
        self.state = state
        self.effects = effects
    }
}
