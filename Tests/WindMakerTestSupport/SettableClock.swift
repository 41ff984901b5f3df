import Synchronization
public import WindMakerKit

/// A clock a test sets: services read it through `now`, the test moves it past a deadline or a hold period.
public final class SettableClock: Sendable {
    private let instant: Mutex<Timestamp>

    public init(_ start: Timestamp) {
        self.instant = Mutex(start)
    }

    public var now: Timestamp { self.instant.withLock { $0 } }

    public func set(_ time: Timestamp) {
        self.instant.withLock { $0 = time }
    }
}
