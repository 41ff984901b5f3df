import Synchronization

/// Counts the handlers running on a server, so that `run()` returns only once every one of them has returned: what a
/// handler uses (its database, say) is closed after `run()`, never under it.
///
/// A graceful shutdown drains calls, but a call cut off at the end of the grace period is only cancelled; its
/// handler may still be finishing a write when the connection is gone.
final class RunningHandlers: Sendable {
    private struct State {
        var running = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Counts a handler that is about to be started.
    func started() {
        self.state.withLock { $0.running += 1 }
    }

    /// How many handlers are running now.
    var count: Int { self.state.withLock { $0.running } }

    /// Returns once no handler is running.
    func waitUntilNoneRun() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = self.state.withLock { state -> Bool in
                guard state.running > 0 else { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Counts a handler as done, waking the waiters once none runs.
    func finished() {
        let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.running -= 1
            guard state.running == 0 else { return [] }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
