internal import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Backing up a live database and restoring one, through SQLite's online backup API: pages are copied by SQLite
/// itself, consistent as of one moment, while the server goes on writing (WAL readers do not block the writer). A copy
/// of the file would not be: a live database's state is the file and its WAL together.
public enum DatabaseBackup {
    /// What a backup or restore copied.
    public struct Summary: Hashable, Sendable {
        /// Pages of the database (of `pageSize` bytes).
        public var pages: Int
        public var pageSize: Int
        /// The highest migration applied: the store's schema version.
        public var schemaVersion: Int
    }

    /// Copies the database at `source` into the new file `destination` while its server may be running.
    /// - Throws: ``StorageError`` when `destination` exists, `source` cannot be read, or the copy fails its check.
    @discardableResult
    public static func backUp(_ source: String, to destination: String) throws(StorageError) -> Summary {
        guard access(source, F_OK) == 0 else { throw StorageError(.ioFailure, "\(source) does not exist") }
        guard access(destination, F_OK) != 0 else {
            throw StorageError(.ioFailure, "\(destination) already exists; back up into a new file")
        }
        let from = try Self.open(source, readOnly: true)
        defer { sqlite3_close_v2(from) }
        let to = try Self.open(destination, readOnly: false)
        defer { sqlite3_close_v2(to) }
        try Self.copy(from: from, to: to, describing: "backing up \(source)")
        return try Self.check(to, path: destination)
    }

    /// Replaces the database at `path` with the backup at `backup`. Its server must be stopped: the database's lock
    /// file is taken for the whole restore, so a running server makes it fail with ``StorageError/Code/inUse``.
    @discardableResult
    public static func restore(_ backup: String, to path: String) throws(StorageError) -> Summary {
        guard access(backup, F_OK) == 0 else { throw StorageError(.ioFailure, "\(backup) does not exist") }
        let lock = try DatabaseFileLock(databasePath: path)
        defer { lock.release() }
        let from = try Self.open(backup, readOnly: true)
        defer { sqlite3_close_v2(from) }
        _ = try Self.check(from, path: backup)
        let to = try Self.open(path, readOnly: false)
        defer { sqlite3_close_v2(to) }
        try Self.copy(from: from, to: to, describing: "restoring \(path) from \(backup)")
        return try Self.check(to, path: path)
    }

    private static func open(_ path: String, readOnly: Bool) throws(StorageError) -> OpaquePointer {
        var handle: OpaquePointer?
        let flags =
            (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_EXRESCODE
        let result = sqlite3_open_v2(path, &handle, flags, nil)
        guard result == SQLITE_OK, let handle else {
            let error = StorageError(sqliteCode: result, handle: handle)
            sqlite3_close_v2(handle)
            throw StorageError(error.code, "cannot open \(path): \(error.message)")
        }
        sqlite3_busy_timeout(handle, 5_000)
        return handle
    }

    /// Copies every page, a thousand at a time; a step that finds the source busy waits and tries again.
    private static func copy(from: OpaquePointer, to: OpaquePointer, describing what: String) throws(StorageError) {
        guard let backup = sqlite3_backup_init(to, "main", from, "main") else {
            throw StorageError(sqliteCode: sqlite3_extended_errcode(to), handle: to)
        }
        var result: Int32
        repeat {
            result = sqlite3_backup_step(backup, 1_000)
            if result == SQLITE_BUSY || result == SQLITE_LOCKED { usleep(10_000) }
        } while result == SQLITE_OK || result == SQLITE_BUSY || result == SQLITE_LOCKED
        let finished = sqlite3_backup_finish(backup)
        guard result == SQLITE_DONE, finished == SQLITE_OK else {
            let error = StorageError(sqliteCode: finished != SQLITE_OK ? finished : result, handle: to)
            throw StorageError(error.code, "\(what): \(error.message)")
        }
    }

    /// Checks the copy page by page and reads its size and schema version.
    private static func check(_ handle: OpaquePointer, path: String) throws(StorageError) -> Summary {
        func integer(_ sql: String) throws(StorageError) -> (Int, String?) {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
                let error = StorageError(sqliteCode: sqlite3_extended_errcode(handle), handle: handle)
                throw StorageError(error.code, "\(path) is not a Wind Maker store: \(error.message)")
            }
            defer { sqlite3_finalize(statement) }
            guard sqlite3_step(statement) == SQLITE_ROW else { return (0, nil) }
            let text = sqlite3_column_text(statement, 0).map { String(cString: $0) }
            return (Int(sqlite3_column_int64(statement, 0)), text)
        }
        let (_, verdict) = try integer("PRAGMA quick_check")
        guard verdict == "ok" else {
            throw StorageError(.corrupt, "\(path) fails SQLite's check: \(verdict ?? "no answer")")
        }
        return Summary(
            pages: try integer("PRAGMA page_count").0,
            pageSize: try integer("PRAGMA page_size").0,
            schemaVersion: try integer("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").0
        )
    }
}
