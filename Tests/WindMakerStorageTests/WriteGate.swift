import Synchronization
import WindMakerStorage

#if canImport(Glibc)
import Glibc
#endif

/// Holds the group committer inside one write's body until opened, so a test can queue writes behind a commit in
/// flight and know which group each lands in.
final class WriteGate: Sendable {
    private let entered = Atomic(false)
    private let opened = Atomic(false)

    /// A write that inserts `id` into `t` and then waits, on the committer's thread, for ``open()``.
    func blockingWrite(_ database: SQLiteDatabase, id: Int64) async throws {
        try await database.write { sql in
            try sql.execute("INSERT INTO t (id) VALUES (?)", [.integer(id)])
            self.entered.store(true, ordering: .releasing)
            while !self.opened.load(ordering: .acquiring) { usleep(1_000) }
        }
    }

    /// Waits until the blocking write's body is running: its group has left the queue.
    func waitUntilEntered() async throws {
        try await Self.poll("the gated write to start") { self.entered.load(ordering: .acquiring) }
    }

    /// Lets the blocking write finish.
    func open() {
        self.opened.store(true, ordering: .releasing)
    }

    /// Polls `condition` every 2 ms for up to 10 s.
    static func poll(_ what: String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while !condition() {
            guard ContinuousClock.now < deadline else { throw StorageError(.other, "timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}

extension SQLiteDatabase {
    /// Waits until `count` writes are queued behind the group in flight.
    func waitForQueuedWrites(_ count: Int) async throws {
        try await WriteGate.poll("\(count) queued writes") { self.writeStatistics.queued >= count }
    }
}
