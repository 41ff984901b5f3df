extension SQLiteDatabase {
    /// Runs `body` in one write transaction: `BEGIN IMMEDIATE`, then `COMMIT` when `body` returns, or `ROLLBACK`
    /// when it throws (the error is rethrown unchanged).
    ///
    /// Synchronous, with a commit (and an `fsync`) of its own: for migrations, setup, tools and tests. A server's
    /// concurrent writes go through ``write(_:)``, which shares commits and blocks no caller's thread.
    ///
    /// ```swift
    /// let id = try database.transaction { sql in
    ///     let row = try sql.queryOne("INSERT INTO providers (legal_name) VALUES (?) RETURNING id", ["造风者科技有限公司"])
    ///     try sql.execute("INSERT INTO provider_events (provider_id, kind) VALUES (?, 'applied')", [row![0]])
    ///     return row![0]
    /// }
    /// ```
    ///
    /// `IMMEDIATE` takes the write lock at the start, so a transaction that reads then writes cannot fail half-way
    /// with `busy` because another process wrote in between. The database lock is held for the whole body (see
    /// ``Database``), so keep bodies short and free of waiting. Nested transactions are not supported: the body
    /// gets a ``Transaction`` (which has no `transaction` method), and calling the ``Database`` itself from the body
    /// is a precondition failure.
    ///
    /// - Parameter body: the work; it must use only the ``Transaction`` it is given.
    /// - Returns: what `body` returns, once the commit is durable.
    /// - Throws: the body's error after rolling back, or a ``StorageError`` from `BEGIN`/`COMMIT` (after rolling
    ///   back, so nothing of the body is kept).
    @discardableResult
    public func transaction<T>(_ body: (Transaction) throws -> T) throws -> T {
        precondition(
            Self.transactionOwner != ObjectIdentifier(self),
            "nested Database.transaction: use the Transaction passed to the outer body"
        )
        // The result travels out of the lock in a box, so `T` need not be `Sendable`; it never leaves this task.
        let outcome = try self.withConnection { (connection) throws(StorageError) -> sending ResultBox<T> in
            ResultBox(Result { try Self.runTransaction(on: connection, owner: ObjectIdentifier(self), body) })
        }
        return try outcome.result.get()
    }

    private static func runTransaction<T>(
        on connection: Connection,
        owner: ObjectIdentifier,
        _ body: (Transaction) throws -> T
    ) throws -> T {
        try connection.execute("BEGIN IMMEDIATE", [])
        let scope = Transaction.Scope()
        let value: T
        do {
            defer { scope.isActive = false }
            value = try Self.$transactionOwner.withValue(owner) {
                try body(Transaction(connection: connection, scope: scope))
            }
        } catch {
            Self.rollBack(connection)
            throw error
        }
        if connection.isAutocommit {
            throw StorageError(.misuse, "the transaction body ended the transaction itself (COMMIT or ROLLBACK in SQL)")
        }
        do {
            try connection.execute("COMMIT", [])
        } catch {
            Self.rollBack(connection)
            throw error
        }
        return value
    }

    /// Rolls back if a transaction is still open; SQLite rolls back by itself after some errors (e.g. disk full).
    private static func rollBack(_ connection: Connection) {
        guard !connection.isAutocommit else { return }
        // A failed ROLLBACK leaves nothing better to do than report the original error; SQLite then rolls back
        // when the connection closes.
        _ = try? connection.execute("ROLLBACK", [])
    }
}

/// Carries a transaction's outcome out of the database lock.
///
/// `@unchecked Sendable` is safe because the box crosses no concurrency domain: `Mutex.withLock` runs its body
/// synchronously on the calling task and hands the box straight back to that same task, which is the only one that
/// ever touches it. The annotation only satisfies `withLock`'s `sending` result for a `T` that is not `Sendable`.
private final class ResultBox<T>: @unchecked Sendable {
    let result: Result<T, any Error>
    init(_ result: Result<T, any Error>) { self.result = result }
}
