extension Database {
    /// Runs `body` with a read-only view of the database as committed at one moment: every query and scan through
    /// the ``Snapshot`` sees the same state, whatever commits meanwhile (one read transaction on the read connection,
    /// WAL snapshot isolation). Writes go on while it runs. An in-memory database has no second connection, so there
    /// the snapshot holds the database's lock instead. Snapshots and scans run one at a time.
    public func snapshot<T: Sendable>(_ body: (Snapshot) throws -> T) throws -> T {
        guard self.isFile else {
            return try self.withConnection { (connection) throws(StorageError) -> T in
                do {
                    return try body(Snapshot(connection: connection))
                } catch let error as StorageError {
                    throw error
                } catch {
                    throw StorageError(.misuse, "snapshot body failed: \(error)")
                }
            }
        }
        let connection = try self.readConnection()
        return try self.scanning.withLock { _ in
            try connection.executeScript("BEGIN")
            defer { try? connection.executeScript("COMMIT") }
            return try body(Snapshot(connection: connection))
        }
    }
}

/// A read-only view of a database at one moment (``Database/snapshot(_:)``): queries, and scans of many rows. Valid
/// only inside the body it is passed to.
public struct Snapshot: SQLExecuting {
    let connection: Connection

    /// A snapshot only reads.
    /// - Throws: ``StorageError/Code/misuse`` always.
    public func execute(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Int {
        throw StorageError(.misuse, "a snapshot only reads; write through Database.write")
    }

    public func query(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> [Row] {
        try self.connection.query(sql, arguments)
    }

    public func queryOne(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Row? {
        try self.connection.queryOne(sql, arguments)
    }

    /// Calls `body` with every row of one query, one at a time, without holding them all.
    public func scan(_ sql: String, _ arguments: [SQLValue], _ body: (ScanRow) throws -> Void) throws {
        try self.connection.scan(sql, arguments, body)
    }
}
