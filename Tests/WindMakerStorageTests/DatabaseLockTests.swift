import Dispatch
import Foundation
import Testing
import WindMakerTestSupport

@testable import WindMakerStorage

/// One server owns a database file at a time, and opening a file that another connection is switching to WAL waits
/// for it instead of failing.
@Suite struct DatabaseLockTests {
    @Test func aSecondDatabaseOnTheSameFileIsRefusedNamingTheHolder() throws {
        let directory = try TemporaryDirectory()
        let first = try SQLiteDatabase(path: directory.databasePath)
        defer { first.close() }
        let error = #expect(throws: StorageError.self) { try SQLiteDatabase(path: directory.databasePath) }
        #expect(error?.code == .inUse)
        #expect(
            error?.message.contains("in use by another process (pid \(getpid()))") == true,
            "\(String(describing: error))"
        )
    }

    @Test func closingReleasesTheLock() throws {
        let directory = try TemporaryDirectory()
        try SQLiteDatabase(path: directory.databasePath).close()
        let reopened = try SQLiteDatabase(path: directory.databasePath)
        reopened.close()
    }

    @Test func inMemoryDatabasesTakeNoLock() throws {
        let first = try SQLiteDatabase(path: ":memory:")
        let second = try SQLiteDatabase(path: ":memory:")
        first.close()
        second.close()
    }

    /// `journal_mode=WAL` reads the file, which waits while another connection holds an exclusive lock on a file not
    /// yet in WAL mode (two servers starting on a fresh data directory): with the busy timeout set after it, the
    /// second connection failed at once with `SQLITE_BUSY`.
    @Test func openingWaitsForAnotherConnectionsLockInsteadOfFailing() throws {
        let directory = try TemporaryDirectory()
        let holder = try Connection(path: directory.databasePath)
        try holder.executeScript("PRAGMA journal_mode=DELETE; BEGIN EXCLUSIVE; CREATE TABLE t (x INTEGER);")
        let released = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(300)) { [holder = UncheckedBox(holder)] in
            try? holder.value.executeScript("COMMIT")
            released.signal()
        }
        let opened = try Connection(path: directory.databasePath)
        released.wait()
        #expect(try opened.queryOne("PRAGMA journal_mode", [])?[0] == .text("wal"))
        opened.close()
        holder.close()
    }
}

/// Hands a connection to the one other thread that uses it while this one waits (the test's own sequencing).
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
