internal import CSQLite

/// One SQLite connection and its statement cache: the code behind both ``Database`` and ``Transaction``.
///
/// Not thread-safe and not `Sendable`: ``Database`` keeps it inside a `Mutex` and is the only way to reach it.
final class Connection {
    /// Beyond this many distinct SQL strings the cache is emptied; an application's SQL is a fixed set far smaller,
    /// so this only bounds memory when SQL is built dynamically (e.g. `IN (?, ?, …)` lists).
    static let maximumCachedStatements = 256

    private var handle: OpaquePointer?
    private var statements: [String: Statement] = [:]

    /// Process-wide SQLite settings, applied once before the first connection opens (SQLite refuses them later).
    private static let processSettings: Void = {
        _ = wm_sqlite3_disable_memory_statistics()
    }()

    /// Opens or creates the database file and applies the connection settings.
    init(path: String) throws(StorageError) {
        Self.processSettings
        var handle: OpaquePointer?
        // NOMUTEX: the Mutex in Database serializes every use, so SQLite's own per-call mutex would only cost time.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let result = sqlite3_open_v2(path, &handle, flags, nil)
        guard result == SQLITE_OK, let handle else {
            let error = StorageError(sqliteCode: result, handle: handle)
            sqlite3_close_v2(handle)  // SQLite allocates a handle even when opening fails.
            throw error
        }
        self.handle = handle
        try self.configure(isMemory: path == ":memory:" || path.isEmpty)
    }

    deinit { self.close() }

    private func configure(isMemory: Bool) throws(StorageError) {
        // The timeout first: switching a fresh file to WAL takes a lock, and without a timeout a second process
        // opening the same file at that moment fails at once with SQLITE_BUSY instead of waiting its turn.
        try self.executeScript("PRAGMA busy_timeout=5000;")
        let journalMode = try self.queryOne("PRAGMA journal_mode=WAL", []).flatMap { $0[0] }
        if !isMemory && journalMode != .text("wal") {
            throw StorageError(.ioFailure, "could not switch to WAL journal mode (got \(journalMode ?? .null))")
        }
        // FULL syncs the WAL on every commit: a commit that returned survives kill -9 and power loss.
        try self.executeScript("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
        // A write group keeps one savepoint journal per member; in memory it never spills into temporary files.
        try self.executeScript("PRAGMA temp_store=MEMORY;")
    }

    var isOpen: Bool { self.handle != nil }

    /// Whether no transaction is open (SQLite's autocommit mode).
    var isAutocommit: Bool {
        self.handle.map { sqlite3_get_autocommit($0) != 0 } ?? true
    }

    /// Whether the open transaction holds a deferred foreign-key violation that `COMMIT` would refuse.
    var hasDeferredForeignKeyViolations: Bool {
        guard let handle = self.handle else { return false }
        var current: Int32 = 0
        var highest: Int32 = 0
        return sqlite3_db_status(handle, SQLITE_DBSTATUS_DEFERRED_FKS, &current, &highest, 0) == SQLITE_OK
            && current > 0
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Int {
        let statement = try self.statement(for: sql)
        _ = try statement.run(arguments, maxRows: nil)
        return Int(sqlite3_changes64(self.handle))
    }

    func query(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> [Row] {
        try self.statement(for: sql).run(arguments, maxRows: nil)
    }

    func queryOne(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Row? {
        try self.statement(for: sql).run(arguments, maxRows: 1).first
    }

    /// Calls `body` with each row of one statement's result, in one implicit read transaction.
    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (ScanRow) throws -> Void) throws {
        try self.statement(for: sql).scan(arguments, body)
    }

    /// Runs SQL that may hold several statements, without arguments or caching: pragmas and migrations.
    func executeScript(_ sql: String) throws(StorageError) {
        let handle = try self.openHandle()
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(result))
            throw StorageError(sqliteCode: sqlite3_extended_errcode(handle), message: text)
        }
    }

    /// Finalizes every cached statement, then closes the connection. Safe to call twice.
    func close() {
        for statement in self.statements.values { statement.finalize() }
        self.statements = [:]
        if let handle = self.handle {
            sqlite3_close_v2(handle)
            self.handle = nil
        }
    }

    private func openHandle() throws(StorageError) -> OpaquePointer {
        guard let handle = self.handle else { throw StorageError(.misuse, "the database is closed") }
        return handle
    }

    private func statement(for sql: String) throws(StorageError) -> Statement {
        if let cached = self.statements[sql] { return cached }
        let statement = try self.prepare(sql)
        if self.statements.count >= Self.maximumCachedStatements {
            for cached in self.statements.values { cached.finalize() }
            self.statements = [:]
        }
        self.statements[sql] = statement
        return statement
    }

    private func prepare(_ sql: String) throws(StorageError) -> Statement {
        let handle = try self.openHandle()
        var statement: OpaquePointer?
        var hasTrailingStatement = false
        let result = sql.withCString { text -> Int32 in
            var tail: UnsafePointer<CChar>?
            let result = sqlite3_prepare_v3(handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            // Whatever follows the first statement must be only whitespace and comments, or it would be ignored.
            if result == SQLITE_OK, let tail, tail.pointee != 0 {
                var trailing: OpaquePointer?
                let trailingResult = sqlite3_prepare_v2(handle, tail, -1, &trailing, nil)
                hasTrailingStatement = trailingResult != SQLITE_OK || trailing != nil
                sqlite3_finalize(trailing)
            }
            return result
        }
        guard result == SQLITE_OK else { throw StorageError(sqliteCode: result, handle: handle) }
        if hasTrailingStatement {
            sqlite3_finalize(statement)
            throw StorageError(.misuse, "execute and query take one statement; found more in: \(sql)")
        }
        guard let statement else { throw StorageError(.misuse, "no SQL statement in: \(sql)") }
        return Statement(handle: statement, connection: handle, sql: sql)
    }
}
