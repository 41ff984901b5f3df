/// An operator's decision about a provider: the inputs of the ``ProviderLifecycle`` state machine.
public enum ProviderAction: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Admit an applied provider: `APPLIED → ACTIVE`.
    case approve
    /// Refuse an application: `APPLIED → REJECTED`. Needs a reason.
    case reject
    /// Take an active provider out of the program for a while: `ACTIVE → SUSPENDED`. Needs a reason.
    case suspend
    /// Bring a suspended provider back: `SUSPENDED → ACTIVE`.
    case reinstate
    /// End a provider's membership: `ACTIVE | SUSPENDED → TERMINATED`. Needs a reason.
    case terminate

    /// Whether the action must carry a reason, which is kept in the audit trail and shown to the provider.
    public var requiresReason: Bool {
        switch self {
        case .reject, .suspend, .terminate: true
        case .approve, .reinstate: false
        }
    }

    /// The lower-case verb, e.g. `suspend`.
    public var description: String { self.rawValue }
}
