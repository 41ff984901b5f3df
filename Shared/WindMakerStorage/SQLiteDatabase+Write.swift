extension SQLiteDatabase {
    /// Runs `body` as one atomic, isolated write and returns once it is durable, sharing the commit with the writes
    /// submitted at the same time.
    ///
    /// ```swift
    /// let provider = try await database.write { sql in
    ///     try store.insertProvider(provider, in: sql)
    ///     try store.appendAuditEntry(entry, in: sql)
    ///     return provider
    /// }
    /// ```
    ///
    /// The body runs on the group committer's thread (never the caller's, so an event loop or the cooperative pool
    /// is not blocked), inside a savepoint of a transaction it may share with other writes; see ``GroupCommitter``.
    /// To the caller this is a transaction of its own: the body sees the database as committed before it plus the
    /// earlier writes of its group, nobody sees the body's writes before it returns, a throw undoes all of them
    /// and nothing else, and a return means the `COMMIT` is on disk (`synchronous=FULL`). Later reads on this
    /// ``Database`` see the write. A body must be short, must not wait for anything, and must use only the
    /// ``Transaction`` it is given: it holds up every write queued behind it.
    ///
    /// Once submitted, the body runs even if the calling task is cancelled, as a request already sent to a server
    /// would; the caller then learns the outcome or nothing.
    ///
    /// - Parameter body: the work; it may throw to roll back its own changes.
    /// - Returns: what `body` returned, once the commit is durable.
    /// - Throws: what `body` threw (its changes undone); ``StorageError/Code/busy`` at once when
    ///   ``WriteQueueLimits/maximumQueuedWrites`` writes are already waiting (nothing ran: retry later); or the
    ///   ``StorageError`` that failed the shared transaction (`BEGIN`, `COMMIT`, an I/O error): then nothing of the
    ///   body is kept, whatever it returned, and every write of that transaction gets the same error.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (Transaction) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let write = PendingWrite(
                run: { sql in
                    do {
                        let value = try body(sql)
                        return WriteAnswer(error: nil) { groupError in
                            if let groupError {
                                continuation.resume(throwing: groupError)
                            } else {
                                continuation.resume(returning: value)
                            }
                        }
                    } catch {
                        return WriteAnswer(error: error) { groupError in
                            continuation.resume(throwing: groupError ?? error)
                        }
                    }
                },
                fail: { error in continuation.resume(throwing: error) }
            )
            do {
                try self.writer.submit(write, to: self)
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    /// How many ``write(_:)`` operations ran and shared how many commits, since the database was opened.
    public var writeStatistics: WriteStatistics {
        self.writer.statistics
    }
}
