/// Where a provider is in its lifecycle; ``ProviderLifecycle`` says which moves are allowed.
///
/// ```
/// APPLIED → ACTIVE | REJECTED
/// ACTIVE ⇄ SUSPENDED
/// ACTIVE | SUSPENDED → TERMINATED
/// ```
public enum ProviderStatus: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Applied and waiting for review.
    case applied = "APPLIED"
    /// In the program: takes bindings, is assessed.
    case active = "ACTIVE"
    /// Temporarily out of the program; bindings are kept.
    case suspended = "SUSPENDED"
    /// The application was refused (final).
    case rejected = "REJECTED"
    /// Left the program (final); bindings end at the termination date.
    case terminated = "TERMINATED"

    /// Whether no transition leaves this status.
    public var isFinal: Bool { self == .rejected || self == .terminated }

    /// The upper-case name used on the wire and in messages, e.g. `SUSPENDED`.
    public var description: String { self.rawValue }
}
