import Synchronization

/// The bytes of unfinished frames that all of a server's connections may hold together.
///
/// Connections charge what their frame decoder holds and credit it back as frames complete or the connection
/// closes. It is shared across event loops, so the sum is an atomic.
final class InboundBudget: Sendable {
    /// The most bytes the connections may hold together.
    let limit: Int
    private let held = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Bytes held now, over every connection.
    var bytesHeld: Int { self.held.load(ordering: .relaxed) }

    /// Takes `bytes` from the budget, or nothing when that would pass the limit.
    /// - Returns: whether the bytes were taken.
    func take(_ bytes: Int) -> Bool {
        var current = self.held.load(ordering: .relaxed)
        while true {
            guard current + bytes <= self.limit else { return false }
            let (exchanged, original) = self.held.compareExchange(
                expected: current,
                desired: current + bytes,
                ordering: .relaxed
            )
            if exchanged { return true }
            current = original
        }
    }

    /// Gives back bytes taken earlier.
    func give(_ bytes: Int) {
        guard bytes > 0 else { return }
        self.held.subtract(bytes, ordering: .relaxed)
    }
}
