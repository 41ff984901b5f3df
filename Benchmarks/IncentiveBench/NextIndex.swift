import Synchronization

/// Hands out 0, 1, 2, … to concurrent workers, once each.
final class NextIndex: Sendable {
    private let value = Atomic<Int>(0)

    /// The next index, or `nil` once `limit` is reached.
    func take(below limit: Int) -> Int? {
        let index = self.value.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < limit ? index : nil
    }
}
