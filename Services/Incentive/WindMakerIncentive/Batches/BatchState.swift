/// A batch's lifecycle: `PROPOSED → APPROVED → POSTED`, or `PROPOSED → REJECTED | EXPIRED`, or
/// `APPROVED → REJECTED`. Rejected and expired batches release what they reserved; posted ones are locked.
public enum BatchState: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case proposed = "PROPOSED"
    case approved = "APPROVED"
    case posted = "POSTED"
    case rejected = "REJECTED"
    case expired = "EXPIRED"

    public enum Event: String, Hashable, Sendable, CaseIterable {
        case approve, post, reject, expire
    }

    /// The state after `event`, or `nil` when the lifecycle does not allow it.
    public func after(_ event: Event) -> BatchState? {
        switch (self, event) {
        case (.proposed, .approve): .approved
        case (.approved, .post): .posted
        case (.proposed, .reject), (.approved, .reject): .rejected
        case (.proposed, .expire): .expired
        default: nil
        }
    }

    /// Whether the batch still holds a reservation it may yet pay.
    public var isLive: Bool { self == .proposed || self == .approved }

    public var description: String { self.rawValue }
}
