import Synchronization
public import WindMakerMessages

/// The serving status of a server (`""`) and of each service it hosts, with watchers notified on change.
public final class HealthStatusRegistry: Sendable {
    private struct State {
        var statuses: [String: HealthV1.ServingStatus] = [:]
        var watchers: [Int: (service: String, continuation: AsyncStream<HealthV1.ServingStatus>.Continuation)] = [:]
        var nextWatcherID = 0
        var isFinished = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Sets the status of `service` (`""` for the whole server) and tells its watchers.
    public func set(_ status: HealthV1.ServingStatus, for service: String = "") {
        let watchers = self.state.withLock { state in
            // After shutdown began, everything stays NOT_SERVING.
            guard !state.isFinished else { return [AsyncStream<HealthV1.ServingStatus>.Continuation]() }
            state.statuses[service] = status
            return state.watchers.values.filter { $0.service == service }.map(\.continuation)
        }
        for watcher in watchers { watcher.yield(status) }
    }

    /// The status of `service`, or nil when the server does not know it.
    public func status(of service: String) -> HealthV1.ServingStatus? {
        self.state.withLock { $0.statuses[service] }
    }

    /// Marks everything `NOT_SERVING` and ends every watch, so that open `Watch` calls do not hold up a graceful
    /// shutdown.
    public func finish() {
        let watchers = self.state.withLock { state in
            state.isFinished = true
            for service in state.statuses.keys { state.statuses[service] = .notServing }
            defer { state.watchers.removeAll() }
            return state.watchers.values.map(\.continuation)
        }
        for watcher in watchers {
            watcher.yield(.notServing)
            watcher.finish()
        }
    }

    /// The current status of `service` followed by every change, until the consumer stops.
    public func updates(of service: String) -> AsyncStream<HealthV1.ServingStatus> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: HealthV1.ServingStatus.self,
            bufferingPolicy: .bufferingNewest(1)
        )
        let id = self.state.withLock { state in
            let id = state.nextWatcherID
            state.nextWatcherID += 1
            continuation.yield(state.statuses[service] ?? .serviceUnknown)
            if state.isFinished {
                continuation.finish()
            } else {
                state.watchers[id] = (service, continuation)
            }
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
        }
        return stream
    }
}
