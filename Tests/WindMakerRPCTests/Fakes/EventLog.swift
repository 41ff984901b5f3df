import Synchronization

/// An ordered record of what interceptors and handlers did, shared across tasks.
final class EventLog: Sendable {
    private let storage = Mutex<[String]>([])

    func append(_ event: String) {
        self.storage.withLock { $0.append(event) }
    }

    var events: [String] { self.storage.withLock { $0 } }
}
