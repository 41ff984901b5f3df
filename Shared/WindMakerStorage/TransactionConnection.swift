/// What a ``Transaction`` runs its SQL on: one connection with a transaction open.
///
/// The SQLite connection provides it today. A store written against ``Transaction`` never sees which database it
/// runs on, so a PostgreSQL connection (libpq is synchronous too) can provide the same four calls, rewriting `?`
/// placeholders as `$n`, and every service's store runs on it unchanged.
package protocol TransactionConnection: AnyObject {
    /// Runs one statement and returns how many rows it changed.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Int
    /// Runs one statement and returns every result row.
    func query(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> [Row]
    /// Runs one statement and returns its first row, or `nil`.
    func queryOne(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Row?
    /// Runs SQL that may hold several statements, uncached: migrations.
    func executeScript(_ sql: String) throws(StorageError)
}

extension Connection: TransactionConnection {}
