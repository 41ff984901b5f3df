/// One engine connection, as a ``Transaction`` or a ``Snapshot`` runs its SQL on it: SQLite's, or a PostgreSQL
/// connection (libpq is synchronous too) that rewrites `?` placeholders as `$n`. A store written against
/// ``Transaction`` never sees which engine it runs on.
package protocol TransactionConnection: AnyObject {
    /// Runs one statement and returns how many rows it changed.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Int
    /// Runs one statement and returns every result row.
    func query(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> [Row]
    /// Runs one statement and returns its first row, or `nil`.
    func queryOne(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Row?
    /// Calls `body` with each row of one query's result, without holding them all.
    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (ScanRow) throws -> Void) throws
    /// Runs SQL that may hold several statements, uncached: migrations.
    func executeScript(_ sql: String) throws(StorageError)
    /// Waits for the locks named `names`, in that order, and holds them until the transaction ends
    /// (``Transaction/lock(_:)``).
    func lockUntilTransactionEnds(_ names: [String]) throws(StorageError)
}

extension Connection: TransactionConnection {
    /// Nothing to wait for: a SQLite database has one writer, which holds the whole database while it writes.
    func lockUntilTransactionEnds(_ names: [String]) throws(StorageError) {}
}
