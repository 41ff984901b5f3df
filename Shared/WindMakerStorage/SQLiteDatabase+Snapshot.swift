extension SQLiteDatabase {
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
