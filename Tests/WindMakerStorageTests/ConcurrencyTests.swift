import Testing
import WindMakerStorage
import WindMakerTestSupport

@Suite struct ConcurrencyTests {
    @Test func manyTasksShareOneDatabase() async throws {
        let directory = try TemporaryDirectory()
        let database = try SQLiteDatabase(path: directory.databasePath)
        defer { database.close() }
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, task INTEGER NOT NULL, n INTEGER NOT NULL)")
        let tasks = 8
        let insertsPerTask = 200
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0 ..< tasks {
                group.addTask {
                    for n in 0 ..< insertsPerTask {
                        if n % 2 == 0 {
                            try database.execute(
                                "INSERT INTO t (task, n) VALUES (?, ?)",
                                [.integer(Int64(task)), .integer(Int64(n))]
                            )
                        } else {
                            // Read-then-write in a transaction: the count must not change under our feet.
                            try database.transaction { sql in
                                let before = try sql.queryOne("SELECT count(*) FROM t")?[0]
                                try sql.execute(
                                    "INSERT INTO t (task, n) VALUES (?, ?)",
                                    [.integer(Int64(task)), .integer(Int64(n))]
                                )
                                let after = try sql.queryOne("SELECT count(*) FROM t")?[0]
                                guard case .integer(let b) = before, case .integer(let a) = after, a == b + 1 else {
                                    throw StorageError(.other, "interleaved transaction")
                                }
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try database.queryOne("SELECT count(*) FROM t")?[0] == .integer(Int64(tasks * insertsPerTask)))
        let perTask = try database.query("SELECT task, count(*) AS c FROM t GROUP BY task ORDER BY task")
        #expect(perTask.map { $0["c"] } == Array(repeating: .integer(Int64(insertsPerTask)), count: tasks))
    }
}
