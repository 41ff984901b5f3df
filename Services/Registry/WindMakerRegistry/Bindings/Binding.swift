public import WindMakerKit

/// A provider serving a client in one scope over a date range: the fact attribution is answered from.
///
/// Proposed by the provider, then confirmed (or rejected) by the client side or an operator. At most one binding may
/// occupy a given (client, scope, date); ``conflict(among:)`` finds the one that would be violated.
public struct Binding: Hashable, Sendable, Identifiable {
    /// Where a binding is in its life.
    public enum State: Hashable, Sendable, CustomStringConvertible {
        /// Waiting for the client side or an operator; occupies no dates.
        case proposed
        /// Confirmed and in force over ``Binding/range``.
        case active
        /// Stopped; it covered its range up to and including `on`.
        case ended(on: CivilDate)
        /// Refused; occupies no dates.
        case rejected

        /// `PROPOSED`, `ACTIVE`, `ENDED` or `REJECTED`.
        public var name: String {
            switch self {
            case .proposed: "PROPOSED"
            case .active: "ACTIVE"
            case .ended: "ENDED"
            case .rejected: "REJECTED"
            }
        }

        /// The name, with the end date for an ended binding, e.g. `ENDED on 2025-06-30`.
        public var description: String {
            if case .ended(let date) = self { return "ENDED on \(date)" }
            return self.name
        }
    }

    /// Server-assigned identity.
    public var id: BindingID
    /// The serving provider.
    public var providerID: ProviderID
    /// The served merchant, brand or streamer.
    public var client: ClientRef
    /// What the provider does for the client.
    public var scope: BindingScope
    /// The dates as proposed, inclusive.
    public var range: DateRange
    /// Proposed, active, ended or rejected.
    public var state: State
    /// The proposer's SPIFFE id (the provider portal).
    public var proposedBy: String
    /// Who confirmed or rejected it (client side or operator); `nil` while proposed.
    public var confirmedBy: String?
    /// Incremented by every change.
    public var version: Int64

    public init(
        id: BindingID,
        providerID: ProviderID,
        client: ClientRef,
        scope: BindingScope,
        range: DateRange,
        state: State = .proposed,
        proposedBy: String,
        confirmedBy: String? = nil,
        version: Int64 = 1
    ) {
        self.id = id
        self.providerID = providerID
        self.client = client
        self.scope = scope
        self.range = range
        self.state = state
        self.proposedBy = proposedBy
        self.confirmedBy = confirmedBy
        self.version = version
    }

    /// The dates this binding holds for its (client, scope): the range while active, the range cut off at the end
    /// date once ended, nothing while proposed or after rejection.
    public var occupiedRange: DateRange? {
        switch self.state {
        case .active: self.range
        case .ended(let date): self.range.truncated(after: date)
        case .proposed, .rejected: nil
        }
    }

    /// The first binding in `bindings` (other than this one) that already occupies a day of this binding's range
    /// for the same client and scope; `nil` when this binding may become active.
    public func conflict(among bindings: some Sequence<Binding>) -> Binding? {
        bindings.first { other in
            other.id != self.id && other.client == self.client && other.scope == self.scope
                && other.occupiedRange.map { $0.overlaps(self.range) } == true
        }
    }

    /// Throws when ``conflict(among:)`` finds a binding.
    /// - Throws: ``RegistryError/bindingConflict(existing:provider:client:scope:range:)`` naming it.
    public func checkNoConflict(among bindings: some Sequence<Binding>) throws(RegistryError) {
        if let other = self.conflict(among: bindings), let occupied = other.occupiedRange {
            throw .bindingConflict(
                existing: other.id,
                provider: other.providerID,
                client: other.client,
                scope: other.scope,
                range: occupied
            )
        }
    }

    /// `PROPOSED → ACTIVE`. The caller checks ``conflict(among:)`` against the store first.
    /// - Throws: ``RegistryError/illegalBindingTransition(_:from:action:)`` from any other state.
    public mutating func confirm(by actor: String) throws(RegistryError) {
        guard self.state == .proposed else {
            throw .illegalBindingTransition(self.id, from: self.state, action: .confirm)
        }
        self.state = .active
        self.confirmedBy = actor
        self.version += 1
    }

    /// `PROPOSED → REJECTED`.
    /// - Throws: ``RegistryError/illegalBindingTransition(_:from:action:)`` from any other state.
    public mutating func reject(by actor: String) throws(RegistryError) {
        guard self.state == .proposed else {
            throw .illegalBindingTransition(self.id, from: self.state, action: .reject)
        }
        self.state = .rejected
        self.confirmedBy = actor
        self.version += 1
    }

    /// `ACTIVE → ENDED`: the binding covers no day after `date` (a date before the start means it never took effect;
    /// provider termination ends every binding this way on the termination date).
    /// - Throws: ``RegistryError/illegalBindingTransition(_:from:action:)`` unless active.
    public mutating func end(on date: CivilDate) throws(RegistryError) {
        guard self.state == .active else { throw .illegalBindingTransition(self.id, from: self.state, action: .end) }
        self.state = .ended(on: date)
        self.version += 1
    }
}
