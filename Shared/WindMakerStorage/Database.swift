internal import Synchronization

/// An SQLite database file behind one connection, safe to share between tasks.
///
/// ```swift
/// let database = try Database(path: "/var/lib/windmaker/registry.sqlite")
/// try database.migrate(RegistrySchema.migrations)
/// let rows = try database.query("SELECT id FROM providers WHERE status = ?", ["active"])
/// ```
///
/// Settings applied at open: `journal_mode=WAL`, `synchronous=FULL` (a change whose call returned is on disk and
/// survives kill -9 or power loss), `foreign_keys=ON`, `busy_timeout=5000` (waits up to 5 s for another process's
/// lock before ``StorageError/Code/busy``).
///
/// ## Locking
///
/// One connection, kept in a `Mutex`. Every ``execute(_:_:)``/``query(_:_:)`` holds the lock for its one statement;
/// ``transaction(_:)`` holds it for the whole body, so a transaction's statements never interleave with another
/// task's. The calls are synchronous: they block the calling thread while SQLite works (including the commit's
/// `fsync`), which is why a body cannot `await`. Readers wait for writers too; one connection keeps the model
/// simple and is plenty for a registry's load. The connection is opened with `SQLITE_OPEN_NOMUTEX` because this
/// lock, not SQLite's, is what makes `Database` `Sendable`.
///
/// Calling the database (rather than the ``Transaction``) from inside a transaction's body is a programmer error
/// and stops the process with a precondition failure instead of deadlocking.
public final class Database: Sendable {
    /// The path the database was opened with.
    public let path: String

    /// `nil` once closed.
    private let connection: Mutex<Connection?>

    /// The database whose transaction body the current task is running, to catch re-entrant calls.
    @TaskLocal static var transactionOwner: ObjectIdentifier?

    /// Opens the database file at `path`, creating it when missing, and applies the settings above.
    /// - Parameter path: a file path, or `":memory:"` for a private in-memory database (tests; no WAL there).
    /// - Throws: ``StorageError`` when the file cannot be opened or is not a database.
    public init(path: String) throws(StorageError) {
        self.path = path
        self.connection = Mutex(try Connection(path: path))
    }

    /// Finalizes every prepared statement and closes the connection. Later calls throw
    /// ``StorageError/Code/misuse``. Closing twice is harmless. Deinitialization closes too.
    public func close() {
        self.connection.withLock { connection in
            connection?.close()
            connection = nil
        }
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

extension Database: SQLExecuting {
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
