import Foundation
import Testing
import WindMakerStorage
import WindMakerTestSupport

@Suite struct DatabaseTests {
    @Test func fileDatabaseUsesWALAndFullSync() throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        defer { database.close() }
        #expect(try database.queryOne("PRAGMA journal_mode")?[0] == .text("wal"))
        #expect(try database.queryOne("PRAGMA synchronous")?[0] == .integer(2))  // FULL
        #expect(try database.queryOne("PRAGMA foreign_keys")?[0] == .integer(1))
        #expect(try database.queryOne("PRAGMA busy_timeout")?[0] == .integer(5000))
    }

    @Test func committedWritesSurviveReopening() throws {
        let directory = try TemporaryDirectory()
        do {
            let database = try SQLiteDatabase(path: directory.databasePath)
            try database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
            try database.execute("INSERT INTO notes (id, body) VALUES (?, ?)", [1, "造风者科技有限公司"])
            try database.transaction { sql in
                try sql.execute("INSERT INTO notes (id, body) VALUES (?, ?)", [2, "second"])
            }
            database.close()
        }
        let reopened = try SQLiteDatabase(path: directory.databasePath)
        defer { reopened.close() }
        let rows = try reopened.query("SELECT id, body FROM notes ORDER BY id")
        #expect(rows.map(\.values) == [[1, "造风者科技有限公司"], [2, "second"]])
    }

    @Test func sameSQLRunsManyTimesThroughTheCachedStatement() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        for id in 0 ..< 1_000 {
            #expect(
                try database.execute("INSERT INTO t (id, v) VALUES (?, ?)", [.integer(Int64(id)), .text("v\(id)")]) == 1
            )
        }
        for id in stride(from: 0, to: 1_000, by: 97) {
            let row = try database.queryOne("SELECT v FROM t WHERE id = ?", [.integer(Int64(id))])
            #expect(row?[0] == .text("v\(id)"))
        }
        #expect(try database.queryOne("SELECT count(*) FROM t")?[0] == 1_000)
    }

    /// A cached statement's column names are read once, but follow a schema change (SQLite re-prepares it).
    @Test func cachedStatementsSeeColumnsAddedLater() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        try database.execute("INSERT INTO t (id) VALUES (1)")
        #expect(try database.queryOne("SELECT * FROM t")?.columnNames == ["id"])
        try database.execute("ALTER TABLE t ADD COLUMN note TEXT")
        let row = try #require(try database.queryOne("SELECT * FROM t"))
        #expect(row.columnNames == ["id", "note"])
        #expect(row.values == [1, .null])
    }

    @Test func queryOneStopsAfterTheFirstRowAndLeavesTheStatementReusable() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        for id in 1 ... 3 { try database.execute("INSERT INTO t (id) VALUES (?)", [.integer(Int64(id))]) }
        #expect(try database.queryOne("SELECT id FROM t ORDER BY id")?[0] == 1)
        #expect(try database.query("SELECT id FROM t ORDER BY id").count == 3)
        #expect(try database.queryOne("SELECT id FROM t WHERE id > 5") == nil)
    }

    @Test(arguments: ["SELEC 1", "SELECT * FROM no_such_table", "INSERT INTO", "SELECT 'unterminated"])
    func malformedSQLIsAnErrorNotACrash(_ sql: String) throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let error = #expect(throws: StorageError.self) { try database.query(sql) }
        #expect(error?.code == .invalidSQL)
        #expect(error?.extendedResultCode != 0)
        #expect(try database.queryOne("SELECT 1")?[0] == 1)
    }

    @Test func severalStatementsInOneCallAreRefused() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (id INTEGER)")
        let error = #expect(throws: StorageError.self) {
            try database.execute("INSERT INTO t VALUES (1); DROP TABLE t")
        }
        #expect(error?.code == .misuse)
        #expect(try database.query("SELECT * FROM t").isEmpty)
        #expect(try database.execute("INSERT INTO t VALUES (1); -- a trailing comment is fine") == 1)
    }

    @Test(arguments: [[SQLValue](), [1, 2, 3]])
    func argumentCountMustMatchThePlaceholders(_ arguments: [SQLValue]) throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let error = #expect(throws: StorageError.self) { try database.query("SELECT ?, ?", arguments) }
        #expect(error?.code == .misuse)
    }

    @Test func closedDatabaseRefusesWork() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        database.close()
        database.close()
        let error = #expect(throws: StorageError.self) { try database.query("SELECT 1") }
        #expect(error?.code == .misuse)
    }

    @Test func aFileThatIsNotADatabaseIsCorrupt() throws {
        let directory = try TemporaryDirectory()
        let path = directory.databasePath
        try Array(repeating: "not a database, just text. ", count: 200).joined()
            .write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: StorageError.self) { try SQLiteDatabase(path: path) }
        #expect(error?.code == .corrupt)
    }

    @Test func anUnopenablePathIsAnIOFailure() {
        let error = #expect(throws: StorageError.self) { try SQLiteDatabase(path: "/nonexistent-dir/x/db.sqlite") }
        #expect(error?.code == .ioFailure)
    }
}

@Suite struct DatabaseScanTests {
    @Test func scanInBatchesVisitsEveryRowOnceAndStopsOnAConsumerError() throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        defer { database.close() }
        try database.execute("CREATE TABLE numbers (value INTEGER NOT NULL, label TEXT NOT NULL)")
        try database.transaction { sql in
            for value in 0 ..< 10_000 {
                try sql.execute(
                    "INSERT INTO numbers (value, label) VALUES (?, ?)",
                    [.integer(Int64(value)), .text("n\(value)")]
                )
            }
        }
        var seen = Set<Int64>()
        var batches = 0
        try database.scanInBatches(
            "SELECT value, label FROM numbers",
            [],
            batchSize: 1_000,
            decode: { row in
                (row.integer(0), row.withText(1) { String(decoding: $0, as: UTF8.self) })
            },
            consume: { batch in
                batches += 1
                for (value, label) in batch {
                    #expect(label == "n\(value)")
                    seen.insert(value)
                }
            }
        )
        #expect(seen.count == 10_000 && batches == 10)

        struct Enough: Error {}
        var consumed = 0
        #expect(throws: Enough.self) {
            try database.scanInBatches(
                "SELECT value, label FROM numbers",
                [],
                batchSize: 100,
                decode: { $0.integer(0) },
                consume: { _ in
                    consumed += 1
                    if consumed == 3 { throw Enough() }
                }
            )
        }
        #expect(consumed == 3)
        // The database is still usable for writes and scans afterwards.
        try database.execute("INSERT INTO numbers (value, label) VALUES (10000, 'n10000')")
        var total = 0
        try database.scan("SELECT value FROM numbers", []) { _ in total += 1 }
        #expect(total == 10_001)
    }
}
