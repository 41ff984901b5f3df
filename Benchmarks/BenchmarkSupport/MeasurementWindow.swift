/// When a case warms up and when it is measured: a call counts when it completes inside the window.
public struct MeasurementWindow: Sendable {
    /// The end of the warm-up: the first instant that is measured.
    public let start: ContinuousClock.Instant
    /// The first instant after the measurement; callers stop starting calls here.
    public let end: ContinuousClock.Instant
    /// The measured length, as asked for (`--seconds`).
    public let seconds: Double

    /// A window that opens after `warmUp` from now and lasts `seconds`.
    public init(warmUp: Duration, seconds: Double) {
        self.start = ContinuousClock.now.advanced(by: warmUp)
        self.end = self.start.advanced(by: .milliseconds(Int64(seconds * 1000)))
        self.seconds = seconds
    }

    /// Whether a call completing at `instant` is measured.
    public func contains(_ instant: ContinuousClock.Instant) -> Bool {
        instant >= self.start && instant < self.end
    }
}
