internal import Dispatch
import Synchronization
import WindMakerStorage

/// The connections of one ``PostgresDatabase``: at most `capacity` open, each handed to one thread at a time, each
/// with `search_path` on the service's schema. A connection found lost is dropped and the next caller opens a fresh
/// one, so the database reconnects by itself after a PostgreSQL restart.
final class ConnectionPool: Sendable {
    private struct State {
        var idle: [PostgresConnection] = []
        var isClosed = false
    }

    let url: String
    let schema: String
    private let password: String?
    private let state = Mutex(State())
    /// Counts the connections that may still be handed out.
    private let slots: DispatchSemaphore

    init(url: String, password: String?, schema: String, capacity: Int) {
        precondition(capacity >= 1, "a pool holds at least one connection")
        self.url = url
        self.password = password
        self.schema = schema
        // Created at zero and raised: libdispatch traps when a semaphore ends below the value it was created with.
        self.slots = DispatchSemaphore(value: 0)
        for _ in 0 ..< capacity { self.slots.signal() }
    }

    /// Runs `body` with a connection of its own, waiting for one when all are in use. When `body` fails with
    /// ``StorageError/Code/unavailable`` on a pooled connection that turns out lost before it did anything (what a
    /// PostgreSQL restart leaves in the pool), it runs once more on a fresh connection: `body` says so by throwing
    /// ``StaleConnection``.
    /// - Throws: ``StorageError/Code/unavailable`` when no connection can be opened; `.misuse` once closed; what
    ///   `body` throws (the connection goes back to the pool unless it was lost or left in a transaction).
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        self.slots.wait()
        defer { self.slots.signal() }
        var connection = try self.take()
        do {
            defer { self.give(connection) }
            return try body(connection)
        } catch let stale as StaleConnection {
            guard connection.isBroken else { throw stale.error }
            connection = try self.openConnection()
            defer { self.give(connection) }
            do {
                return try body(connection)
            } catch let stale as StaleConnection {
                throw stale.error
            }
        }
    }

    /// ``withConnection(_:)`` for a body that throws only storage errors. A `SELECT` (`retryingReads`) that finds
    /// its pooled connection lost runs again on a fresh one: reading twice changes nothing.
    func withStorageConnection<T>(
        retryingReads sql: String? = nil,
        _ body: (PostgresConnection) throws(StorageError) -> T
    ) throws(StorageError) -> T {
        let retries = sql.map(Self.isRead) ?? false
        do {
            return try self.withConnection { connection in
                let outcome = Result { () throws(StorageError) in try body(connection) }
                if case .failure(let error) = outcome, error.code == .unavailable, retries {
                    throw StaleConnection(error: error)
                }
                return try outcome.get()
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.other, "\(error)")
        }
    }

    /// Opens (or reuses) a connection, so that an unreachable server shows now.
    func check() throws(StorageError) {
        try self.withStorageConnection { _ in }
    }

    private static func isRead(_ sql: String) -> Bool {
        sql.drop { $0.isWhitespace }.prefix(6).lowercased() == "select"
    }

    /// Opens a connection outside the pool's count, for a lock held across a long computation.
    func openConnection() throws(StorageError) -> PostgresConnection {
        let connection = try PostgresConnection(
            url: self.url,
            password: self.password,
            applicationName: "windmaker.\(self.schema)"
        )
        try connection.execute("SET search_path TO \(self.schema)")
        connection.lockNamespace = self.schema
        return connection
    }

    /// Closes the idle connections; the ones in use are closed as they come back.
    func close() {
        self.state.withLock { state in
            state.isClosed = true
            state.idle = []
        }
    }

    private func take() throws(StorageError) -> PostgresConnection {
        let reused = try self.state.withLock { (state) throws(StorageError) -> PostgresConnection? in
            guard !state.isClosed else { throw StorageError(.misuse, "the database is closed") }
            return state.idle.popLast()
        }
        if let reused { return reused }
        return try self.openConnection()
    }

    private func give(_ connection: PostgresConnection) {
        // A connection still in a transaction was abandoned half-way (a failed ROLLBACK): never hand that on.
        guard !connection.isBroken, !connection.isInTransaction else { return }
        self.state.withLock { state in
            if !state.isClosed { state.idle.append(connection) }
        }
    }
}

/// Thrown by a pool's body when the first statement on a connection found it lost, so nothing was done and the body
/// may run again on a fresh one.
struct StaleConnection: Error {
    let error: StorageError
}
