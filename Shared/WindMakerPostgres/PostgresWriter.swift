internal import Dispatch
import Synchronization
import WindMakerStorage

/// Runs ``PostgresDatabase/write(_:)`` operations on a few threads of its own ("lanes"), never an event loop's or the
/// cooperative pool's, since each blocks while its transaction runs. Each operation is its own transaction on a
/// pooled connection: concurrent writers commit in parallel and PostgreSQL groups their WAL flushes itself, so there
/// is no savepoint schedule to keep as SQLite's group committer does.
///
/// At most `maximumQueued` operations wait; one more is refused at once with ``StorageError/Code/busy``, as on
/// SQLite.
final class PostgresWriter: Sendable {
    /// One operation: takes a connection, runs its transaction, answers its caller.
    typealias Operation = @Sendable () -> Void

    private struct State {
        var pending: [Operation] = []
        var head = 0
        var idleLanes: [Int]
    }

    private let state: Mutex<State>
    private let lanes: [DispatchQueue]
    private let maximumQueued: Int

    init(lanes: Int, maximumQueued: Int) {
        self.maximumQueued = maximumQueued
        self.lanes = (0 ..< lanes).map { DispatchQueue(label: "windmaker.postgres.writer.\($0)") }
        self.state = Mutex(State(idleLanes: Array(0 ..< lanes)))
    }

    /// Queues `operation`, starting an idle lane when there is one.
    /// - Throws: ``StorageError/Code/busy`` when the queue is full.
    func submit(_ operation: @escaping Operation) throws(StorageError) {
        let lane = try self.state.withLock { (state) throws(StorageError) -> Int? in
            let waiting = state.pending.count - state.head
            guard waiting < self.maximumQueued else {
                throw StorageError(.busy, "the write queue is full (\(waiting) operations waiting); retry later")
            }
            state.pending.append(operation)
            return state.idleLanes.popLast()
        }
        if let lane {
            self.lanes[lane].async { self.drain(lane: lane) }
        }
    }

    private func drain(lane: Int) {
        while let operation = self.next(lane: lane) {
            operation()
        }
    }

    /// The next waiting operation, or `nil` after putting the lane back among the idle ones.
    private func next(lane: Int) -> Operation? {
        self.state.withLock { state in
            guard state.head < state.pending.count else {
                state.pending.removeAll(keepingCapacity: true)
                state.head = 0
                state.idleLanes.append(lane)
                return nil
            }
            let operation = state.pending[state.head]
            state.head += 1
            // Under a queue that never empties, drop the operations already taken now and then.
            if state.head >= 1_024 {
                state.pending.removeFirst(state.head)
                state.head = 0
            }
            return operation
        }
    }
}
