import Synchronization

/// Lets a few large requests decode at a time, server-wide: a request decodes to many times its size on the wire (4
/// MiB of tiny repeated strings became about 60 MB), so sixteen at once took a registry to 871 MB. The others wait
/// their turn, holding only their encoded bytes, which the connections' buffer limits already bound.
final class LargeDecodeGate: Sendable {
    private struct State {
        var available: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    /// - Parameter permits: how many large requests may decode at once (at least 1).
    init(permits: Int) {
        precondition(permits >= 1, "at least one large request must be able to decode")
        self.state = Mutex(State(available: permits))
    }

    /// Runs `body` once a permit is free, first come first served.
    func withPermit<T>(_ body: () async throws -> T) async rethrows -> T {
        await self.acquire()
        defer { self.release() }
        return try await body()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = self.state.withLock { state -> Bool in
                guard state.available > 0 else {
                    state.waiters.append(continuation)
                    return false
                }
                state.available -= 1
                return true
            }
            if granted { continuation.resume() }
        }
    }

    private func release() {
        // A waiting request takes the permit over directly; otherwise it goes back to the pool.
        let next = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.available += 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
