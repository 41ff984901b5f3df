internal import Foundation
public import WindMakerStorage

/// A service's store in one schema of a PostgreSQL database, shared by every instance of the service: the engine for
/// deployments that outgrow one machine (docs/SCALE-OUT.md).
///
/// ```swift
/// let database = try PostgresDatabase(url: "postgres://windmaker@db:5432/windmaker", password: secret,
///                                     schema: "registry")
/// try database.migrate(RegistrySchema.migrations)
/// ```
///
/// It runs the stores' SQL unchanged (`?` placeholders rewritten to `$n`). Transactions are `READ COMMITTED`, each
/// statement seeing what committed before it: where a store reads something and writes what that read decided while
/// another instance could do the same, it takes a named lock first (``Transaction/lock(_:)``, a transaction-scoped
/// advisory lock), so the two queue instead of racing. ``write(_:)`` runs each operation in a transaction of its own
/// on one of `writeLanes` threads; one aborted by PostgreSQL for a deadlock or a serialization conflict runs again,
/// up to ``writeAttempts`` times, since nothing of it was kept. Snapshots and scans are `REPEATABLE READ READ ONLY`.
///
/// Connections come from a pool of `writeLanes + readConnections`; a lost connection is dropped and the next call
/// opens a new one, so the database carries on by itself after PostgreSQL restarts. An operation that was running
/// when its connection was lost fails with ``StorageError/Code/unavailable``, and the server rolled it back.
public final class PostgresDatabase: Database {
    /// How many times ``write(_:)`` runs an operation that PostgreSQL aborted for a conflict.
    public static let writeAttempts = 5

    /// The URL the database was opened with (it holds no password: see ``StoreAddress``).
    public let location: String
    /// The schema holding the service's tables.
    public let schema: String

    let pool: ConnectionPool
    private let writer: PostgresWriter

    /// Connects to `url` and uses `schema` (created by ``migrate(_:)``).
    /// - Parameters:
    ///   - url: `postgres://USER@HOST:PORT/DB`, or any libpq connection string.
    ///   - password: sent when the server asks for one.
    ///   - schema: lower-case letters, digits and `_`.
    ///   - writeLanes: how many ``write(_:)`` operations run at once.
    ///   - readConnections: connections beyond the writers', for reads, snapshots and scans.
    ///   - writeQueue: how many ``write(_:)`` operations may wait (``WriteQueueLimits/maximumQueuedWrites``).
    /// - Throws: ``StorageError/Code/unavailable`` naming the reason when the server cannot be reached (or is
    ///   starting, stopping or full); `.other` with PostgreSQL's reason when it refuses (a wrong password, an unknown
    ///   role or database); `.misuse` for a bad schema name.
    public init(
        url: String,
        password: String? = nil,
        schema: String,
        writeLanes: Int = 8,
        readConnections: Int = 4,
        writeQueue: WriteQueueLimits = WriteQueueLimits()
    ) throws(StorageError) {
        try PostgresDialect.checkSchemaName(schema)
        self.location = url
        self.schema = schema
        self.pool = ConnectionPool(
            url: url,
            password: password,
            schema: schema,
            capacity: writeLanes + readConnections
        )
        self.writer = PostgresWriter(lanes: writeLanes, maximumQueued: writeQueue.maximumQueuedWrites)
        // Connect now, so that an unreachable or refusing server is the constructor's error, not the first call's.
        try self.pool.check()
    }

    public func close() {
        self.pool.close()
    }

    public func migrate(_ migrations: [Migration]) throws(StorageError) {
        try self.pool.withStorageConnection { (connection) throws(StorageError) in
            try connection.migrate(migrations, schema: self.schema)
        }
    }

    /// `fsync` and `synchronous_commit` as the server has them: `full` when both wait for the disk at each commit.
    public func durabilitySettings() throws(StorageError) -> DurabilitySettings {
        try self.pool.withStorageConnection { (connection) throws(StorageError) -> DurabilitySettings in
            let fsync = try connection.queryOne("SHOW fsync", [])?.value(at: 0, as: String.self) ?? "unknown"
            let commit =
                try connection.queryOne("SHOW synchronous_commit", [])?.value(at: 0, as: String.self) ?? "unknown"
            let waits = fsync == "on" && ["on", "local", "remote_write", "remote_apply"].contains(commit)
            return DurabilitySettings(
                journalMode: "postgresql (fsync=\(fsync), synchronous_commit=\(commit))",
                synchronous: waits ? "full" : "off"
            )
        }
    }

    @discardableResult
    public func transaction<T>(_ body: (Transaction) throws -> T) throws -> T {
        try self.pool.withConnection { connection in try Self.runTransaction(on: connection, body) }
    }

    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (Transaction) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            do {
                try self.writer.submit {
                    continuation.resume(with: Result { try self.runWrite(body) })
                }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    public func snapshot<T: Sendable>(_ body: (Snapshot) throws -> T) throws -> T {
        try self.pool.withConnection { connection in
            try Self.begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", on: connection)
            defer { _ = try? connection.execute("COMMIT") }
            return try body(Snapshot(connection: connection))
        }
    }

    public func scan(_ sql: String, _ arguments: [SQLValue], _ body: (ScanRow) throws -> Void) throws {
        try self.pool.withConnection { connection in
            try Self.begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", on: connection)
            defer { _ = try? connection.execute("COMMIT") }
            try connection.scan(sql, arguments, body)
        }
    }

    /// Holds a session advisory lock on a connection of its own while `body` runs: the lock goes with the
    /// connection, so an instance that dies mid-way frees it.
    public func exclusively<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T {
        let connection = try self.pool.openConnection()
        let key = SQLValue.text("\(self.schema).exclusive.\(name)")
        let taken = try connection.queryOne("SELECT pg_try_advisory_lock(hashtext(?))::int", [key])
        guard try taken?.value(at: 0, as: Int64.self) == 1 else {
            throw StorageError(.locked, "\(name) is already running on another instance")
        }
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock(hashtext(?))", [key]) }
        return try await body()
    }

    private func runWrite<T>(_ body: (Transaction) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try self.transaction(body)
            } catch let error as StorageError where error.code == .busy && attempt < Self.writeAttempts {
                // A deadlock or serialization failure: PostgreSQL rolled the attempt back. A pause that grows with the
                // attempts lets the other transaction finish.
                Thread.sleep(forTimeInterval: Double(1 << attempt) / 1_000)
                attempt += 1
            }
        }
    }

    /// `BEGIN`, then `body`, then `COMMIT`; `ROLLBACK` when `body` throws or a statement of it failed.
    private static func runTransaction<T>(
        on connection: PostgresConnection,
        _ body: (Transaction) throws -> T
    ) throws -> T {
        try Self.begin("BEGIN", on: connection)
        let scope = Transaction.Scope()
        let value: T
        do {
            defer { scope.isActive = false }
            value = try body(Transaction(connection: connection, scope: scope))
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
        guard connection.isInTransaction else {
            throw StorageError(.misuse, "the transaction body ended the transaction itself (COMMIT or ROLLBACK in SQL)")
        }
        guard !connection.hasFailedTransaction else {
            // PostgreSQL answers COMMIT of a failed transaction with a rollback and no error: say it.
            _ = try? connection.execute("ROLLBACK")
            throw StorageError(.misuse, "a statement of the transaction failed and its body went on; rolled back")
        }
        do {
            try connection.execute("COMMIT")
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
        return value
    }

    /// Starts a transaction; a connection found lost by it did nothing, so the pool may retry on a fresh one.
    private static func begin(_ statement: String, on connection: PostgresConnection) throws {
        do {
            try connection.execute(statement)
        } catch  where error.code == .unavailable {
            throw StaleConnection(error: error)
        }
    }
}

extension PostgresDatabase: SQLExecuting {
    @discardableResult
    public func execute(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Int {
        try self.pool.withStorageConnection { (connection) throws(StorageError) in
            try connection.execute(sql, arguments)
        }
    }

    public func query(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> [Row] {
        try self.pool.withStorageConnection(retryingReads: sql) { (connection) throws(StorageError) in
            try connection.query(sql, arguments)
        }
    }

    public func queryOne(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Row? {
        try self.pool.withStorageConnection(retryingReads: sql) { (connection) throws(StorageError) in
            try connection.queryOne(sql, arguments)
        }
    }
}
