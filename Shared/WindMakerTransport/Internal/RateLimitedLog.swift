import Synchronization

/// Lets one log line through per interval and counts the ones it held back, so that a peer that triggers a refusal
/// thousands of times a second cannot flood the log.
final class RateLimitedLog: Sendable {
    private let interval: Duration
    private let state = Mutex<(last: ContinuousClock.Instant?, suppressed: Int)>((nil, 0))

    init(interval: Duration = .seconds(10)) {
        self.interval = interval
    }

    /// Calls `emit` with the number of occurrences held back since the last line, unless a line went out within
    /// the interval (then it only counts this one).
    func occurred(_ emit: (_ suppressed: Int) -> Void) {
        let now = ContinuousClock.now
        let suppressed: Int? = self.state.withLock { state in
            if let last = state.last, now < last.advanced(by: self.interval) {
                state.suppressed += 1
                return nil
            }
            defer { state = (now, 0) }
            return state.suppressed
        }
        if let suppressed { emit(suppressed) }
    }
}
