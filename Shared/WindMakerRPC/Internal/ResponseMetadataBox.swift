import Synchronization

/// Trailing metadata a handler adds while its context is copied around.
final class ResponseMetadataBox: Sendable {
    private let storage = Mutex(Metadata())

    func add(_ key: String, _ value: String) {
        self.storage.withLock { $0.add(key, value) }
    }

    var metadata: Metadata { self.storage.withLock { $0 } }
}
