public import WindMakerKit
public import WindMakerStorage

/// The `idempotency_keys` table every service keeps beside its own: stored responses by (caller, key), in portable
/// SQL, on the transaction of the operation whose response it stores.
///
/// A service creates the table with ``schema`` in its migrations and prunes it with ``prune(createdBefore:in:)``
/// (the service kit's `IdempotencyPruner` does, after the configured retention).
public struct IdempotencyStore: Sendable {
    public init() {}

    /// The statements that create the table and the index pruning scans, for a service's migrations.
    public static let schema: [String] = [Self.createTable, Self.createIndex]

    /// The table alone: what the registry's first migration created, before keys were pruned.
    public static let createTable = """
        CREATE TABLE idempotency_keys (
            caller TEXT NOT NULL,
            key TEXT NOT NULL,
            method TEXT NOT NULL,
            request BLOB NOT NULL,
            response BLOB NOT NULL,
            created_at_micros INTEGER NOT NULL,
            PRIMARY KEY (caller, key)
        )
        """

    /// The index that lets pruning find old keys without reading the table.
    public static let createIndex = "CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at_micros)"

    /// The stored outcome of the caller's request with this key, or `nil`.
    public func record(caller: String, key: String, in sql: Transaction) throws(StorageError) -> IdempotencyRecord? {
        try sql.queryOne(
            """
            SELECT caller, key, method, request, response, created_at_micros FROM idempotency_keys
            WHERE caller = ? AND key = ?
            """,
            [.text(caller), .text(key)]
        ).map { (row) throws(StorageError) in
            IdempotencyRecord(
                caller: try row.value("caller"),
                key: try row.value("key"),
                method: try row.value("method"),
                request: try row.value("request"),
                response: try row.value("response"),
                createdAt: try row.timestamp("created_at_micros")
            )
        }
    }

    /// Stores a request's outcome under its key.
    public func insert(_ record: IdempotencyRecord, in sql: Transaction) throws(StorageError) {
        try sql.execute(
            """
            INSERT INTO idempotency_keys (caller, key, method, request, response, created_at_micros)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                .text(record.caller), .text(record.key), .text(record.method), .blob(record.request),
                .blob(record.response), record.createdAt.sqlValue,
            ]
        )
    }

    /// Deletes the keys stored before `cutoff`; returns how many. A retry after that runs the operation again.
    @discardableResult
    public func prune(createdBefore cutoff: Timestamp, in sql: Transaction) throws(StorageError) -> Int {
        try sql.execute("DELETE FROM idempotency_keys WHERE created_at_micros < ?", [cutoff.sqlValue])
    }
}
