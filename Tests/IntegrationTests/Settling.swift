import Synchronization
import WindMakerTestSupport

/// The value `read` settles at: polled every 20 ms until it has not changed for `quiet`. For counts that grow until
/// something stops them (a flow-control window): without the stop they settle only at the end, and far higher.
/// - Throws: when the value is still changing after `timeout`.
func settledValue<Value: Equatable>(
    quiet: Duration = .milliseconds(500),
    timeout: Duration = .seconds(30),
    _ read: () -> Value
) async throws -> Value {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    var value = read()
    var since = ContinuousClock.now
    while ContinuousClock.now - since < quiet {
        guard ContinuousClock.now < deadline else { throw ServerProcessError(message: "still changing: \(value)") }
        try await Task.sleep(for: .milliseconds(20))
        let next = read()
        if next != value {
            value = next
            since = .now
        }
    }
    return value
}

/// Polls every 20 ms until `condition` holds.
/// - Throws: when it still does not after `timeout`.
func eventually(timeout: Duration = .seconds(30), _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw ServerProcessError(message: "condition not met in time") }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// A count shared between a test and the task it watches.
final class SharedCount: Sendable {
    private let count = Mutex(0)

    var value: Int { self.count.withLock { $0 } }

    func increment() {
        self.count.withLock { $0 += 1 }
    }
}
