/// A read-only view of a database at one moment (``Database/snapshot(_:)``): queries, and scans of many rows. Valid
/// only inside the body it is passed to.
public struct Snapshot: SQLExecuting {
    let connection: any TransactionConnection

    package init(connection: any TransactionConnection) {
        self.connection = connection
    }

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
