/// When a case warms up and when it is measured: a call counts when it completes inside the window.
struct MeasurementWindow: Sendable {
    let start: ContinuousClock.Instant
    let end: ContinuousClock.Instant
    let seconds: Double

    /// A window that opens after `warmUp` from now and lasts `seconds`.
    init(warmUp: Duration, seconds: Double) {
        self.start = ContinuousClock.now.advanced(by: warmUp)
        self.end = self.start.advanced(by: .milliseconds(Int64(seconds * 1000)))
        self.seconds = seconds
    }

    func contains(_ instant: ContinuousClock.Instant) -> Bool {
        instant >= self.start && instant < self.end
    }
}
