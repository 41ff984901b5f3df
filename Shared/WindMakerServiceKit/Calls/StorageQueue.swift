import Dispatch

/// Runs a service's reads on one thread of its own instead of the connection's event loop.
///
/// SQLite calls block until they are done, and a read may wait for the database while a write group commits; on an
/// event loop that wait would stall every other connection the loop serves. The database allows one caller at a
/// time anyway, so one serial queue loses nothing. Writes do not come here: ``Database/write(_:)`` runs them on the
/// database's group committer.
///
/// A second queue of the same kind runs heavy computations (scoring a period), so that they hold neither an event loop
/// nor the reads.
final class StorageQueue: Sendable {
    private let queue: DispatchQueue

    init(label: String = "windmaker.storage") {
        self.queue = DispatchQueue(label: label)
    }

    /// Runs `body` on the storage thread and returns its result to the calling task.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            self.queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
