extension SQLiteDatabase {
    /// Calls `body` with every row of one query, one at a time, on a read connection of its own, so that a scan of
    /// millions of rows neither holds them all in memory nor holds up writes meanwhile.
    ///
    /// ```swift
    /// var total: Int64 = 0
    /// try database.scan("SELECT value FROM facts WHERE fact_date >= ?", [.text("2021-07-01")]) { row in
    ///     total += row.integer(0)
    /// }
    /// ```
    ///
    /// The scan sees the database as committed when it started (one read transaction, WAL snapshot isolation),
    /// whatever is written while it runs. An in-memory database has no second connection, so there the scan holds
    /// the database's lock for its duration. Scans run one at a time.
    /// - Throws: what `body` throws (the scan stops there), or a ``StorageError``.
    public func scan(_ sql: String, _ arguments: [SQLValue], _ body: (ScanRow) throws -> Void) throws {
        guard self.isFile else {
            try self.withConnection { (connection) throws(StorageError) in
                do {
                    try connection.scan(sql, arguments, body)
                } catch let error as StorageError {
                    throw error
                } catch {
                    throw StorageError(.misuse, "scan body failed: \(error)")
                }
            }
            return
        }
        let connection = try self.readConnection()
        try self.scanning.withLock { _ in try connection.scan(sql, arguments, body) }
    }

    /// The file database's read connection, opened on first use; scans and snapshots share it, one at a time.
    func readConnection() throws(StorageError) -> Connection {
        try self.reader.withLock { (reader) throws(StorageError) -> Connection in
            if let open = reader { return open }
            let open = try Connection(path: self.path)
            reader = open
            return open
        }
    }
}
