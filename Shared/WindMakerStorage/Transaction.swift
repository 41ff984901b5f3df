/// The handle a ``Database/transaction(_:)`` body runs its SQL through.
///
/// It is only valid during the body: it is not `Sendable`, and using a copy after the body returned is a
/// programmer error (a precondition failure), because the database's lock is no longer held.
/// There are no nested transactions: a ``Transaction`` has no `transaction` method.
public struct Transaction: SQLExecuting {
    private let connection: any TransactionConnection
    private let scope: Scope

    /// Whether the body that received this transaction is still running.
    package final class Scope {
        package var isActive = true
        package init() {}
    }

    package init(connection: any TransactionConnection, scope: Scope) {
        self.connection = connection
        self.scope = scope
    }

    private func checkActive() {
        precondition(self.scope.isActive, "Transaction used after its transaction body returned")
    }

    /// Runs one statement inside the transaction and returns how many rows it changed.
    /// - Throws: ``StorageError``.
    @discardableResult
    public func execute(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Int {
        self.checkActive()
        return try self.connection.execute(sql, arguments)
    }

    /// Runs one statement inside the transaction and returns every result row.
    /// - Throws: ``StorageError``.
    public func query(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> [Row] {
        self.checkActive()
        return try self.connection.query(sql, arguments)
    }

    /// Runs one statement inside the transaction and returns its first row, or `nil`.
    /// - Throws: ``StorageError``.
    public func queryOne(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Row? {
        self.checkActive()
        return try self.connection.queryOne(sql, arguments)
    }

    /// Waits until no other transaction holds the lock named `name`, then holds it until this transaction commits or
    /// rolls back: a store takes it before reading what its write depends on ("does an overlapping binding exist?",
    /// "how much budget is left?") wherever another server on the same database could write in between. Take several
    /// in one fixed order (``lock(_:)-([String])`` sorts them), so that two transactions cannot wait for each other.
    ///
    /// On SQLite this waits for nothing: one server writes to a database, one transaction at a time.
    /// - Throws: ``StorageError``, e.g. ``StorageError/Code/unavailable`` when the connection is lost meanwhile.
    public func lock(_ name: String) throws(StorageError) {
        try self.lock([name])
    }

    /// ``lock(_:)`` for several names at once, taken in sorted order (one round trip on PostgreSQL).
    public func lock(_ names: [String]) throws(StorageError) {
        self.checkActive()
        let ordered = Set(names).sorted()
        guard !ordered.isEmpty else { return }
        try self.connection.lockUntilTransactionEnds(ordered)
    }

    /// Runs SQL that may hold several statements, uncached; for migrations.
    func executeScript(_ sql: String) throws(StorageError) {
        self.checkActive()
        try self.connection.executeScript(sql)
    }
}

@available(*, unavailable, message: "a Transaction is valid only inside its body, on the task running it")
extension Transaction: Sendable {}
