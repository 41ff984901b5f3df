/// Runs SQL: what ``Database`` and ``Transaction`` have in common, so store code can be written once and run either
/// on its own (each statement its own transaction) or inside a caller's transaction.
///
/// ```swift
/// func insertEvent(_ event: Event, into sql: some SQLExecuting) throws(StorageError) {
///     try sql.execute("INSERT INTO events (id, kind) VALUES (?, ?)", [.integer(event.id), .text(event.kind)])
/// }
/// ```
///
/// Statements are prepared once per distinct SQL string and cached, so pass values as `?` arguments, never
/// interpolated into the SQL.
public protocol SQLExecuting {
    /// Runs one statement and returns how many rows it inserted, updated or deleted.
    /// - Parameters:
    ///   - sql: exactly one SQL statement with `?` placeholders.
    ///   - arguments: one value per placeholder, by position.
    /// - Throws: ``StorageError``.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Int

    /// Runs one statement and returns every result row (a `SELECT`, or a change with `RETURNING`).
    /// - Parameters:
    ///   - sql: exactly one SQL statement with `?` placeholders.
    ///   - arguments: one value per placeholder, by position.
    /// - Throws: ``StorageError``.
    func query(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> [Row]

    /// Runs one statement and returns its first row, or `nil` when there is none; later rows are not read.
    /// - Parameters:
    ///   - sql: exactly one SQL statement with `?` placeholders.
    ///   - arguments: one value per placeholder, by position.
    /// - Throws: ``StorageError``.
    func queryOne(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Row?
}

extension SQLExecuting {
    /// Runs one statement without arguments and returns how many rows it changed.
    @discardableResult
    public func execute(_ sql: String) throws(StorageError) -> Int {
        try self.execute(sql, [])
    }

    /// Runs one statement without arguments and returns every result row.
    public func query(_ sql: String) throws(StorageError) -> [Row] {
        try self.query(sql, [])
    }

    /// Runs one statement without arguments and returns its first row, or `nil` when there is none.
    public func queryOne(_ sql: String) throws(StorageError) -> Row? {
        try self.queryOne(sql, [])
    }
}
