/// What can happen to a ``Binding`` after it is proposed.
public enum BindingAction: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The client side or an operator accepts a proposal: `PROPOSED → ACTIVE`.
    case confirm
    /// The client side or an operator refuses a proposal: `PROPOSED → REJECTED`.
    case reject
    /// The relationship stops on a date: `ACTIVE → ENDED`.
    case end

    /// The lower-case verb, e.g. `confirm`.
    public var description: String { self.rawValue }
}
