internal import Dispatch
internal import Synchronization

extension Database {
    /// ``scan(_:_:_:)`` split over two threads: a scanning thread steps through the rows and turns each into a `T`
    /// with `decode`, handing them over in batches of `batchSize`; the calling thread runs `consume` on each batch
    /// meanwhile. At most two batches wait between them, so memory stays bounded whatever the number of rows.
    ///
    /// For reads where both sides cost about the same per row (a period's computation: SQLite and decoding on one
    /// side, attribution and totals on the other), this takes up to twice the rows per second of one thread.
    /// - Throws: what `decode` or the scan threw (the consumer has then seen only some of the batches), or what
    ///   `consume` threw (the scan is stopped).
    public func scanInBatches<T: Sendable>(
        _ sql: String,
        _ arguments: [SQLValue],
        batchSize: Int = 4_096,
        decode: @escaping @Sendable (ScanRow) throws -> T,
        consume: ([T]) throws -> Void
    ) throws {
        let pipe = BatchPipe<T>(capacity: 2)
        let scanner = DispatchQueue(label: "windmaker.storage.scan")
        scanner.async {
            do {
                var batch: [T] = []
                batch.reserveCapacity(batchSize)
                try self.scan(sql, arguments) { row in
                    batch.append(try decode(row))
                    if batch.count == batchSize {
                        guard pipe.put(batch) else { throw BatchPipe<T>.Stopped() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = pipe.put(batch) }
                pipe.finish(nil)
            } catch is BatchPipe<T>.Stopped {
                pipe.finish(nil)
            } catch {
                pipe.finish(error)
            }
        }
        do {
            while let batch = try pipe.take() {
                try consume(batch)
            }
        } catch {
            pipe.stop()
            scanner.sync {}
            throw error
        }
        scanner.sync {}
    }
}

/// A bounded hand-over of batches from one thread to another, with blocking waits on both sides.
final class BatchPipe<T: Sendable>: Sendable {
    struct Stopped: Error {}

    private struct State {
        var batches: [[T]] = []
        var finished = false
        var stopped = false
        var error: (any Error)?
    }

    private let state = Mutex(State())
    private let capacity: Int
    /// Signalled for each batch put (or the end); waited on by the consumer.
    private let filled = DispatchSemaphore(value: 0)
    /// Counts free places; waited on by the producer.
    private let free: DispatchSemaphore

    init(capacity: Int) {
        self.capacity = capacity
        // Created at zero and raised, not created at `capacity`: libdispatch stops the process when a semaphore is
        // released below the value it was created with, as `free` is when the consumer stops the producer early.
        self.free = DispatchSemaphore(value: 0)
        for _ in 0 ..< capacity { self.free.signal() }
    }

    /// Waits for a free place and puts `batch`; `false` once the consumer has stopped.
    func put(_ batch: [T]) -> Bool {
        self.free.wait()
        let accepted = self.state.withLock { state in
            guard !state.stopped else { return false }
            state.batches.append(batch)
            return true
        }
        if accepted { self.filled.signal() }
        return accepted
    }

    /// Ends the stream, with the error that ended it if any.
    func finish(_ error: (any Error)?) {
        self.state.withLock { state in
            state.finished = true
            state.error = error
        }
        self.filled.signal()
    }

    /// The next batch, or `nil` at the end.
    /// - Throws: the error the producer finished with.
    func take() throws -> [T]? {
        while true {
            self.filled.wait()
            let next: Result<[T]?, any Error>? = self.state.withLock { state in
                if !state.batches.isEmpty { return .success(state.batches.removeFirst()) }
                if state.finished { return state.error.map { .failure($0) } ?? .success(nil) }
                return nil
            }
            switch next {
            case .success(let batch?):
                self.free.signal()
                return batch
            case .success(nil):
                self.filled.signal()  // Later calls see the end too.
                return nil
            case .failure(let error):
                self.filled.signal()
                throw error
            case nil:
                continue
            }
        }
    }

    /// Tells the producer to stop; its next put returns `false`.
    func stop() {
        self.state.withLock { $0.stopped = true }
        for _ in 0 ..< self.capacity { self.free.signal() }
    }
}
