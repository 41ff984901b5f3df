/// The kind of a confirmed violation (``Metric/violations``).
public enum ViolationKind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// 刷单: fake orders placed to inflate sales, the violation the rulebook's gate acts on.
    case fakeOrder = "FAKE_ORDER"
    /// Any other confirmed violation.
    case other = "OTHER"

    public var description: String { self.rawValue }
}
