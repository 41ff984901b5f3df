/// When and how often a client tries a call again.
///
/// A call is retried only when the server certainly did not run it (the connection failed before it was sent,
/// or the server refused it while draining), or when it is marked idempotent and the connection was lost.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// The wait before the second attempt; doubles for each later one, with jitter.
    public var initialBackoff: Duration
    /// The longest wait between attempts.
    public var maxBackoff: Duration

    public init(maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(50), maxBackoff: Duration = .seconds(1))
    {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
    }

    /// Whether a failed attempt may be tried again.
    public func shouldRetry(_ error: RPCError, isIdempotent: Bool) -> Bool {
        if error.wasNotProcessed { return true }
        return isIdempotent && error.code == .unavailable
    }

    /// The wait before attempt `attempt` (2 for the first retry), with up to 50% random jitter.
    public func backoff(beforeAttempt attempt: Int) -> Duration {
        var wait = self.initialBackoff
        for _ in 2 ..< max(2, attempt) where wait < self.maxBackoff {
            wait *= 2
        }
        wait = min(wait, self.maxBackoff)
        return wait * Double.random(in: 0.5 ... 1.0)
    }
}
