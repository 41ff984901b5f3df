/// Why the server closes a connection for what its peer made it hold.
enum InboundLimitError: Error, CustomStringConvertible {
    /// The connection's bytes would take the server's unfinished-frame bytes past the budget.
    case budgetSpent(budget: Int, held: Int)
    /// A frame's first byte arrived and the rest did not within the timeout.
    case frameTooSlow(timeout: Duration)

    var description: String {
        switch self {
        case let .budgetSpent(budget, held):
            "the server's buffer for unfinished frames (\(budget) bytes, shared by every connection) is spent; "
                + "this connection held \(held) bytes of frames not yet complete"
        case let .frameTooSlow(timeout):
            "a frame did not arrive whole within \(timeout) of its first byte"
        }
    }
}
