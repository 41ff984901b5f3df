internal import Synchronization

/// The embedded engine: an SQLite database file behind one connection, safe to share between tasks.
///
/// ```swift
/// let database = try SQLiteDatabase(path: "/var/lib/windmaker/registry.sqlite")
/// try database.migrate(RegistrySchema.migrations)
/// let id = try await database.write { sql in
///     try sql.queryOne("INSERT INTO notes (body) VALUES (?) RETURNING id", ["造风者"])!.value(at: 0, as: Int64.self)
/// }
/// let rows = try database.query("SELECT id FROM providers WHERE status = ?", ["active"])
/// ```
///
/// Settings applied at open: `journal_mode=WAL`, `synchronous=FULL` (a change whose call returned is on disk and
/// survives kill -9 or power loss), `foreign_keys=ON`, `busy_timeout=5000` (waits up to 5 s for another process's
/// lock before ``StorageError/Code/busy``). ``durabilitySettings()`` reads them back from the live connection. A file
/// database also holds an exclusive lock on `<path>.lock` until it is closed, so a second server cannot share it.
///
/// ## Writing
///
/// A server writes with ``write(_:)``: each operation is atomic and isolated and durable when it returns, as a
/// transaction of its own would be, but the operations that arrive while one commit waits for the disk are
/// committed together in the next transaction, each in its own savepoint, so concurrent callers share one `fsync`
/// (``GroupCommitter`` explains the schedule; ``writeStatistics`` counts it). ``transaction(_:)`` runs one
/// synchronous transaction with its own commit, for migrations, setup and tests.
///
/// ## Locking
///
/// One connection, kept in a `Mutex`. Every ``execute(_:_:)``/``query(_:_:)`` holds the lock for its one statement;
/// ``transaction(_:)`` holds it for the whole body and a write group for all its operations and its commit, so a
/// transaction's statements never interleave with another task's. The synchronous calls block the calling thread
/// while SQLite works (including a commit's `fsync`, or waiting for a group's); ``write(_:)`` blocks no caller's
/// thread, its bodies run on the group committer's own thread, which is why no body can `await`. Readers wait for
/// writers too; one connection keeps the model simple and gives every caller its own writes once they returned. The
/// connection is opened with `SQLITE_OPEN_NOMUTEX` because this lock, not SQLite's, is what makes `Database`
/// `Sendable`.
///
/// Calling the database (rather than the ``Transaction``) from inside a transaction's or a write's body is a
/// programmer error and stops the process with a precondition failure instead of deadlocking.
public final class SQLiteDatabase: Database {
    /// The path the database was opened with.
    public let path: String

    /// `nil` once closed.
    private let connection: Mutex<Connection?>

    /// Held while open, so no other process serves from the same file; `nil` for in-memory databases.
    private let fileLock: Mutex<DatabaseFileLock?>

    /// Groups and commits ``write(_:)`` operations.
    let writer: GroupCommitter

    /// The connection ``scan(_:_:_:)`` reads on, opened on first use; file databases only.
    let reader = Mutex<Connection?>(nil)
    /// Held for a whole scan, so that scans on the reader connection run one at a time.
    let scanning = Mutex(())

    /// Whether the database is a file (not `:memory:`), and so can have a second connection.
    var isFile: Bool { !self.path.isEmpty && self.path != ":memory:" }

    /// The names ``exclusively(_:_:)`` holds.
    private let heldNames = Mutex<Set<String>>([])

    /// The database whose transaction body the current task is running, to catch re-entrant calls.
    @TaskLocal static var transactionOwner: ObjectIdentifier?

    /// Opens the database file at `path`, creating it when missing, and applies the settings above.
    /// - Parameters:
    ///   - path: a file path, or `":memory:"` for a private in-memory database (tests; no WAL there).
    ///   - writeQueue: how many ``write(_:)`` operations share a commit and how many may wait.
    /// - Throws: ``StorageError`` when the file cannot be opened or is not a database, and
    ///   ``StorageError/Code/inUse`` when another open `Database` (in this process or another) holds the file.
    public init(path: String, writeQueue: WriteQueueLimits = WriteQueueLimits()) throws(StorageError) {
        self.path = path
        let isFile = !path.isEmpty && path != ":memory:"
        self.fileLock = Mutex(isFile ? try DatabaseFileLock(databasePath: path) : nil)
        self.connection = Mutex(try Connection(path: path))
        self.writer = GroupCommitter(limits: writeQueue)
    }

    /// Finalizes every prepared statement and closes the connection, after a write group that is committing. Later
    /// calls, and writes still queued, throw ``StorageError/Code/misuse``. Closing twice is harmless.
    /// Deinitialization closes too.
    public func close() {
        // After a running scan, which uses the reader outside its lock.
        self.scanning.withLock { _ in
            self.reader.withLock { reader in
                reader?.close()
                reader = nil
            }
        }
        self.connection.withLock { connection in
            connection?.close()
            connection = nil
        }
        self.fileLock.withLock { lock in
            lock?.release()
            lock = nil
        }
    }

    public var location: String { self.path }

    /// Holds `name` in this process while `body` runs: one server owns a SQLite database.
    public func exclusively<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T {
        let taken = self.heldNames.withLock { $0.insert(name).inserted }
        guard taken else { throw StorageError(.locked, "\(name) is already running") }
        defer { _ = self.heldNames.withLock { $0.remove(name) } }
        return try await body()
    }

    /// Runs `body` with the open connection while holding the lock.
    func withConnection<Result>(
        _ body: (Connection) throws(StorageError) -> sending Result
    ) throws(StorageError) -> sending Result {
        precondition(
            Self.transactionOwner != ObjectIdentifier(self),
            "Database used from inside its own transaction body; use the Transaction passed to the body"
        )
        return try self.connection.withLock { (connection) throws(StorageError) -> sending Result in
            guard let connection, connection.isOpen else { throw StorageError(.misuse, "the database is closed") }
            return try body(connection)
        }
    }
}

extension SQLiteDatabase: SQLExecuting {
    /// Runs one statement in its own transaction and returns how many rows it changed.
    /// - Throws: ``StorageError``.
    @discardableResult
    public func execute(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Int {
        try self.withConnection { (connection) throws(StorageError) in try connection.execute(sql, arguments) }
    }

    /// Runs one statement and returns every result row.
    /// - Throws: ``StorageError``.
    public func query(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> [Row] {
        try self.withConnection { (connection) throws(StorageError) in try connection.query(sql, arguments) }
    }

    /// Runs one statement and returns its first row, or `nil`.
    /// - Throws: ``StorageError``.
    public func queryOne(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Row? {
        try self.withConnection { (connection) throws(StorageError) in try connection.queryOne(sql, arguments) }
    }
}
