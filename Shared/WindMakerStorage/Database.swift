/// A service's store: what every store, service and tool runs on, whichever engine is under it.
///
/// ```swift
/// let database: any Database = try SQLiteDatabase(path: "/var/lib/windmaker/registry.sqlite")
/// try database.migrate(RegistrySchema.migrations)
/// let id = try await database.write { sql in
///     try sql.queryOne("INSERT INTO notes (body) VALUES (?) RETURNING id", ["造风者"])!.value(at: 0, as: Int64.self)
/// }
/// ```
///
/// Two engines implement it: ``SQLiteDatabase`` (the embedded default, one server per file) and the PostgreSQL
/// database of `WindMakerPostgres` (several servers on one database). Store code is written once against
/// ``SQLExecuting`` and ``Transaction`` in portable SQL; where several servers could interleave a read and the write
/// it decides, the store takes a named lock first (``Transaction/lock(_:)``), which the embedded engine, with its one
/// writer, does not need.
///
/// Every call blocks its thread while the engine works, except ``write(_:)``, which runs its body on the engine's own
/// threads: so none of these belong on an event loop, and servers call them through their storage queue.
public protocol Database: SQLExecuting, Sendable, AnyObject {
    /// Runs `body` in one transaction of its own: committed when it returns, rolled back when it throws (the error
    /// is rethrown). For migrations, setup, tools and tests; a server's concurrent writes use ``write(_:)``.
    @discardableResult
    func transaction<T>(_ body: (Transaction) throws -> T) throws -> T

    /// Runs `body` as one atomic, isolated write and returns once it is durable. The body must be short, must not
    /// wait for anything and must use only the ``Transaction`` it is given; it may run more than once when the
    /// engine reports a conflict with a concurrent writer, so it must not change anything outside that transaction.
    /// - Throws: what `body` threw (its changes undone); ``StorageError/Code/busy`` when the engine's queue is full or
    ///   a conflict persisted (nothing kept: retry later); ``StorageError/Code/unavailable`` when the database could
    ///   not be reached (nothing kept); another ``StorageError`` when the commit failed (nothing kept).
    @discardableResult
    func write<T: Sendable>(_ body: @escaping @Sendable (Transaction) throws -> T) async throws -> T

    /// Runs `body` with a read-only view of the database as committed at one moment, while writes go on.
    func snapshot<T: Sendable>(_ body: (Snapshot) throws -> T) throws -> T

    /// Calls `body` with every row of one query, one at a time, seeing the database as committed when it started,
    /// without holding the rows in memory or holding up writes.
    /// - Throws: what `body` throws (the scan stops there), or a ``StorageError``.
    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (ScanRow) throws -> Void) throws

    /// Runs `body` while holding the lock named `name`, which no other holder of this database (in this process or,
    /// on a shared engine, another server) holds at the same time: for long work such as a period's computation,
    /// which must not run twice at once but is too long for one transaction.
    /// - Throws: ``StorageError/Code/locked`` at once when another holder has it; what `body` throws.
    func exclusively<T: Sendable>(_ name: String, _ body: () async throws -> T) async throws -> T

    /// Brings the schema up to date with `migrations`, each applied once and recorded, even when several servers
    /// start together. Running it again is a no-op.
    /// - Throws: ``StorageError/Code/incompatibleSchema`` for a schema newer than the code; the failing migration's
    ///   error (that migration rolled back).
    func migrate(_ migrations: [Migration]) throws(StorageError)

    /// What a commit waits for, read from the engine itself.
    func durabilitySettings() throws(StorageError) -> DurabilitySettings

    /// Where the data lives, for logs and messages (no password).
    var location: String { get }

    /// Closes the connections; later calls throw ``StorageError/Code/misuse``. Closing twice is harmless.
    func close()
}
