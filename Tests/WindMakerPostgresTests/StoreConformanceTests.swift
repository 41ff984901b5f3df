import Dispatch
import Synchronization
import Testing
import WindMakerStorage
import WindMakerTestSupport

/// What every store relies on, checked the same way on both engines: statements, transactions, concurrent writes,
/// snapshots, scans, named locks, migrations and the errors stores handle.
@Suite struct StoreConformanceTests {
    private static func store(
        _ engine: StorageEngine,
        writeQueue: WriteQueueLimits = WriteQueueLimits()
    ) throws
        -> TestStore
    {
        let store = try TestStore(engine, prefix: "conformance", writeLanes: 1, writeQueue: writeQueue)
        try store.database.migrate([
            Migration(
                version: 1,
                name: "notes",
                sql: [
                    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE, data BLOB)",
                    "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL CHECK (value >= 0))",
                    "CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes (id), tag TEXT NOT NULL)",
                ]
            )
        ])
        return store
    }

    private static func count(_ database: some SQLExecuting) throws -> Int64 {
        try database.queryOne("SELECT COUNT(*) FROM notes")!.value(at: 0, as: Int64.self)
    }

    @Test(arguments: StorageEngine.allCases)
    func statementsRoundTripValuesAndCountChanges(_ engine: StorageEngine) throws {
        let database = try Self.store(engine).database
        let values: [SQLValue] = [.integer(Int64.min), .text("造风者 \u{1F32C}"), .blob([0, 255, 1, 254])]
        #expect(try database.execute("INSERT INTO notes (id, body, data) VALUES (?, ?, ?)", values) == 1)
        #expect(try database.execute("INSERT INTO notes (id, body) VALUES (?, ?)", [.integer(Int64.max), "b"]) == 1)
        let row = try #require(try database.queryOne("SELECT id, body, data FROM notes WHERE id = ?", [values[0]]))
        #expect(row.values == values)
        let inserted = try database.query(
            "INSERT INTO notes (id, body) VALUES (?, ?), (?, ?) RETURNING id",
            [.integer(3), "c", .integer(4), "d"]
        )
        #expect(inserted.count == 2)
        #expect(try database.execute("UPDATE notes SET data = NULL WHERE id > ?", [.integer(2)]) == 3)
        let total = try database.queryOne("SELECT SUM(id) FROM notes WHERE id BETWEEN ? AND ?", [3, 4])
        #expect(total?[0] == .integer(7))
        #expect(try database.queryOne("SELECT id FROM notes WHERE id = ?", [.integer(99)]) == nil)
    }

    @Test(arguments: StorageEngine.allCases)
    func refusalsAreTheCodesStoresHandle(_ engine: StorageEngine) throws {
        let database = try Self.store(engine).database
        try database.execute("INSERT INTO notes (id, body) VALUES (1, 'a')")
        let cases: [(String, StorageError.Code)] = [
            ("INSERT INTO notes (id, body) VALUES (2, 'a')", .constraintViolation(.unique)),
            ("INSERT INTO tags (note_id, tag) VALUES (99, 'x')", .constraintViolation(.foreignKey)),
            ("INSERT INTO counters (name, value) VALUES ('c', -1)", .constraintViolation(.check)),
            ("INSERT INTO notes (id, body) VALUES (3, NULL)", .constraintViolation(.notNull)),
            ("SELECT nothing FROM nowhere", .invalidSQL),
        ]
        for (sql, code) in cases {
            let error = #expect(throws: StorageError.self) { try database.execute(sql) }
            #expect(error?.code == code, "\(sql)")
        }
        let nul = #expect(throws: StorageError.self) {
            try database.execute("INSERT INTO notes (id, body) VALUES (4, ?)", ["a\u{0}b"])
        }
        #expect(nul?.code == .invalidValue)
    }

    @Test(arguments: StorageEngine.allCases)
    func aTransactionCommitsOnReturnAndKeepsNothingWhenItThrows(_ engine: StorageEngine) throws {
        struct Refused: Error {}
        let database = try Self.store(engine).database
        let id = try database.transaction { sql in
            try sql.execute("INSERT INTO notes (id, body) VALUES (1, 'kept')")
            return try sql.queryOne("SELECT id FROM notes")!.value(at: 0, as: Int64.self)
        }
        #expect(id == 1)
        #expect(throws: Refused.self) {
            try database.transaction { sql in
                try sql.execute("INSERT INTO notes (id, body) VALUES (2, 'undone')")
                throw Refused()
            }
        }
        #expect(try Self.count(database) == 1)
    }

    @Test(arguments: StorageEngine.allCases)
    func concurrentWritesAreEachAtomicAndAllKept(_ engine: StorageEngine) async throws {
        struct Refused: Error {}
        let database = try Self.store(engine).database
        try await withThrowingTaskGroup(of: Void.self) { group in
            for id in 1 ... 200 {
                group.addTask {
                    do {
                        try await database.write { sql in
                            try sql.execute(
                                "INSERT INTO notes (id, body) VALUES (?, ?)",
                                [.integer(Int64(id)), .text("n\(id)")]
                            )
                            try sql.execute("INSERT INTO tags (note_id, tag) VALUES (?, 'x')", [.integer(Int64(id))])
                            if id % 10 == 0 { throw Refused() }
                        }
                    } catch is Refused {}
                }
            }
            try await group.waitForAll()
        }
        #expect(try Self.count(database) == 180)
        #expect(try database.queryOne("SELECT COUNT(*) FROM tags")?[0] == .integer(180))
        #expect(try database.queryOne("SELECT COUNT(*) FROM notes WHERE id % 10 = 0")?[0] == .integer(0))
    }

    /// Read, decide, write: with the named lock no increment is lost, however the writes interleave.
    @Test(arguments: StorageEngine.allCases)
    func readDecideWriteUnderANamedLockLosesNothing(_ engine: StorageEngine) async throws {
        let database = try TestStore(engine, prefix: "conformance", writeLanes: 4).database
        try database.migrate([
            Migration(
                version: 1,
                name: "counters",
                sql: ["CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER)"]
            )
        ])
        try database.execute("INSERT INTO counters (name, value) VALUES ('c', 0)")
        try await Self.increment(database, times: 100)
        #expect(try database.queryOne("SELECT value FROM counters")?[0] == .integer(100))
    }

    static func increment(_ database: any Database, times: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0 ..< times {
                group.addTask {
                    try await database.write { sql in
                        try sql.lock("counter c")
                        let value = try sql.queryOne("SELECT value FROM counters WHERE name = 'c'")!
                            .value(at: 0, as: Int64.self)
                        try sql.execute("UPDATE counters SET value = ? WHERE name = 'c'", [.integer(value + 1)])
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func aSnapshotSeesOneMomentWhileWritesGoOn(_ engine: StorageEngine) async throws {
        let database = try Self.store(engine).database
        try database.execute("INSERT INTO notes (id, body) VALUES (1, 'before')")
        let (first, second) = try database.snapshot { snapshot in
            let first = try Self.count(snapshot)
            // Another caller commits while the snapshot is open.
            DispatchQueue.global().sync { _ = try? database.execute("INSERT INTO notes (id, body) VALUES (2, 'x')") }
            return (first, try Self.count(snapshot))
        }
        #expect(first == 1 && second == 1)
        #expect(try Self.count(database) == 2)
        #expect(throws: StorageError.self) {
            try database.snapshot { snapshot in try snapshot.execute("DELETE FROM notes") }
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func aScanVisitsEveryRowInOrderAndStopsWhenItsBodyThrows(_ engine: StorageEngine) throws {
        struct Enough: Error {}
        let database = try Self.store(engine).database
        try database.transaction { sql in
            for id in 1 ... 5_000 {
                try sql.execute(
                    "INSERT INTO notes (id, body) VALUES (?, ?)",
                    [.integer(Int64(id) * (id % 2 == 0 ? -1 : 1)), .text("n\(id) 风")]
                )
            }
        }
        var visited = 0
        var sum: Int64 = 0
        var bytes = 0
        try database.scan("SELECT id, body FROM notes WHERE id <> ? ORDER BY id", [.integer(0)]) { row in
            visited += 1
            sum += row.integer(0)
            bytes += row.withText(1) { $0.count }
        }
        var expectedSum: Int64 = 0
        var expectedBytes = 0
        for id in 1 ... 5_000 {
            expectedSum += Int64(id) * (id % 2 == 0 ? -1 : 1)
            expectedBytes += "n\(id) 风".utf8.count
        }
        #expect(visited == 5_000)
        #expect(sum == expectedSum)
        #expect(bytes == expectedBytes)
        var seen = 0
        #expect(throws: Enough.self) {
            try database.scan("SELECT id FROM notes", []) { _ in
                seen += 1
                if seen == 2_500 { throw Enough() }
            }
        }
        #expect(seen == 2_500)
        // The database is still usable after a stopped scan.
        #expect(try Self.count(database) == 5_000)
        var batches = 0
        var decoded = 0
        try database.scanInBatches(
            "SELECT id FROM notes",
            [],
            batchSize: 1_000,
            decode: { $0.integer(0) },
            consume: {
                batches += 1
                decoded += $0.count
            }
        )
        #expect(batches == 5 && decoded == 5_000)
    }

    @Test(arguments: StorageEngine.allCases)
    func anExclusiveNameIsHeldOnceAtATime(_ engine: StorageEngine) async throws {
        let database = try Self.store(engine).database
        let inside = try await database.exclusively("compute 2021-07") {
            let error = await #expect(throws: StorageError.self) {
                try await database.exclusively("compute 2021-07") {}
            }
            #expect(error?.code == .locked)
            // Another name is free meanwhile.
            return try await database.exclusively("compute 2021-08") { true }
        }
        #expect(inside)
        #expect(try await database.exclusively("compute 2021-07") { 7 } == 7)
    }

    @Test(arguments: StorageEngine.allCases)
    func migrationsApplyOnceAndANewerSchemaIsRefused(_ engine: StorageEngine) throws {
        let store = try Self.store(engine)
        let first = Migration(version: 1, name: "notes", sql: ["CREATE TABLE unused (id INTEGER PRIMARY KEY)"])
        let second = Migration(version: 2, name: "more", sql: ["ALTER TABLE notes ADD COLUMN extra TEXT"])
        try store.database.migrate([first, second])
        try store.database.migrate([first, second])
        try store.database.execute("INSERT INTO notes (id, body, extra) VALUES (1, 'a', 'b')")
        let error = #expect(throws: StorageError.self) { try store.database.migrate([first]) }
        #expect(error?.code == .incompatibleSchema)
    }

    @Test(arguments: StorageEngine.allCases)
    func commitsWaitForTheDisk(_ engine: StorageEngine) throws {
        let settings = try Self.store(engine).database.durabilitySettings()
        #expect(settings.syncsEveryCommit, "\(settings)")
    }

    @Test(arguments: StorageEngine.allCases)
    func aFullWriteQueueRefusesAtOnce(_ engine: StorageEngine) async throws {
        let database = try Self.store(engine, writeQueue: WriteQueueLimits(maximumQueuedWrites: 2)).database
        let release = DispatchSemaphore(value: 0)
        let entered = Atomic(false)
        let blocked = Task {
            try await database.write { _ in
                entered.store(true, ordering: .releasing)
                release.wait()
            }
        }
        while !entered.load(ordering: .acquiring) { try await Task.sleep(for: .milliseconds(5)) }
        let queued = (0 ..< 2).map { _ in Task { try await database.write { _ in 1 } } }
        try await Task.sleep(for: .milliseconds(100))
        let error = await #expect(throws: StorageError.self) { try await database.write { _ in 1 } }
        #expect(error?.code == .busy)
        release.signal()
        try await blocked.value
        for task in queued { #expect(try await task.value == 1) }
    }

    @Test(arguments: StorageEngine.allCases)
    func aClosedDatabaseRefusesWork(_ engine: StorageEngine) async throws {
        let database = try Self.store(engine).database
        database.close()
        let error = #expect(throws: StorageError.self) { try database.query("SELECT 1") }
        #expect(error?.code == .misuse)
        await #expect(throws: StorageError.self) { try await database.write { _ in 1 } }
        database.close()
    }
}
