/// A transfer's lifecycle: `PENDING → POSTED | VOIDED`, each exactly once; a transfer may also be created posted.
public enum TransferState: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case pending = "PENDING"
    case posted = "POSTED"
    case voided = "VOIDED"

    public enum Event: String, Hashable, Sendable, CaseIterable {
        case post, void
    }

    /// Applies `event`, or throws naming the current state.
    public mutating func apply(_ event: Event, transfer: TransferID) throws(LedgerError) {
        switch (self, event) {
        case (.pending, .post): self = .posted
        case (.pending, .void): self = .voided
        default: throw .illegalTransition(transfer, from: self, event: event)
        }
    }

    public var description: String { self.rawValue }
}
