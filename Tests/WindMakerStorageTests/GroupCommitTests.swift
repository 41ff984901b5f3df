import Testing
import WindMakerStorage
import WindMakerTestSupport

/// ``Database/write(_:)``: concurrent writes share commits, and each is still atomic on its own.
@Suite struct GroupCommitTests {
    struct Refused: Error, Equatable {
        let id: Int64
    }

    private func makeDatabase(
        _ directory: borrowing TemporaryDirectory,
        limits: WriteQueueLimits = WriteQueueLimits()
    ) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: directory.databasePath, writeQueue: limits)
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT)")
        return database
    }

    /// The outcome of `body`, as a value.
    static func result<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }

    private func ids(_ database: SQLiteDatabase) throws -> [Int64] {
        try database.query("SELECT id FROM t ORDER BY id").map { try $0.value(at: 0) }
    }

    /// 300 concurrent writes of two rows each: a third throw after their first row, a third fail on a unique
    /// violation in their second statement, a third succeed. Exactly the successful ones' rows remain, both rows of
    /// each, and every caller got its own outcome.
    @Test func concurrentWritesCommitExactlyTheSuccessfulOnes() async throws {
        let directory = try TemporaryDirectory()
        let database = try self.makeDatabase(directory)
        defer { database.close() }
        try database.execute("INSERT INTO t (id, note) VALUES (1000000, 'taken')")
        let count: Int64 = 300
        let outcomes = await withTaskGroup(of: (Int64, Result<Int64, any Error>).self) { group in
            for id in 1 ... count {
                group.addTask {
                    let result = await Self.result {
                        try await database.write { sql in
                            try sql.execute("INSERT INTO t (id) VALUES (?)", [.integer(id)])
                            switch id % 3 {
                            case 0: throw Refused(id: id)
                            case 1: try sql.execute("INSERT INTO t (id) VALUES (1000000)")
                            default: try sql.execute("INSERT INTO t (id) VALUES (?)", [.integer(id + 10_000)])
                            }
                            return id
                        }
                    }
                    return (id, result)
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }

        for id in 1 ... count {
            switch (id % 3, outcomes[id]) {
            case (0, .failure(let error as Refused)): #expect(error == Refused(id: id))
            case (1, .failure(let error as StorageError)): #expect(error.code == .constraintViolation(.unique))
            case (2, .success(let value)): #expect(value == id)
            case (let kind, let outcome):
                Issue.record("write \(id) (kind \(kind)) ended with \(String(describing: outcome))")
            }
        }
        // Read on the same database right after the writes returned: each caller sees its write.
        let successful = (1 ... count).filter { $0 % 3 == 2 }
        #expect(try self.ids(database) == (successful + [1_000_000] + successful.map { $0 + 10_000 }).sorted())
        let statistics = database.writeStatistics
        #expect(statistics.operations == Int(count))
        #expect(statistics.failedTransactions == 0)
        #expect(statistics.queued == 0)
        // 300 writes submitted at once queue behind the first commit: they cannot each have had their own.
        #expect(statistics.largestGroup > 1)
        #expect(statistics.commits < statistics.operations)
    }

    /// Writes that arrive while a commit is in flight wait for it and then commit together, in groups of at most
    /// ``WriteQueueLimits/maximumGroupSize``: the counters show 50 operations in 1 or 7 commits, not 50.
    @Test(arguments: [(256, 1), (8, 7)])
    func writesQueuedDuringACommitShareTheNextOnes(maximumGroupSize: Int, expectedGroups: Int) async throws {
        let directory = try TemporaryDirectory()
        let database = try self.makeDatabase(directory, limits: WriteQueueLimits(maximumGroupSize: maximumGroupSize))
        defer { database.close() }
        let gate = WriteGate()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await gate.blockingWrite(database, id: 0) }
            try await gate.waitUntilEntered()
            for id in 1 ... 50 as ClosedRange<Int64> {
                group.addTask {
                    _ = try await database.write { sql in
                        try sql.execute("INSERT INTO t (id) VALUES (?)", [.integer(id)])
                    }
                }
            }
            try await database.waitForQueuedWrites(50)
            gate.open()
            try await group.waitForAll()
        }
        #expect(try self.ids(database) == Array(0 ... 50))
        let statistics = database.writeStatistics
        #expect(statistics.operations == 51)
        #expect(statistics.commits == 1 + expectedGroups)
        #expect(statistics.largestGroup == min(50, maximumGroupSize))
    }

    /// A write whose body returns with a deferred foreign-key violation fails alone, as its own transaction's
    /// COMMIT would have, instead of failing the shared COMMIT for everyone; and a later write of the same group sees
    /// an earlier one's rows.
    @Test func aDeferredConstraintViolationFailsOnlyItsWrite() async throws {
        let directory = try TemporaryDirectory()
        let database = try self.makeDatabase(directory)
        defer { database.close() }
        try database.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        try database.execute(
            """
            CREATE TABLE child (id INTEGER PRIMARY KEY,
                parent_id INTEGER NOT NULL REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)
            """
        )
        let gate = WriteGate()
        async let gated: Void = gate.blockingWrite(database, id: 0)
        try await gate.waitUntilEntered()
        async let orphan = Self.result {
            try await database.write { sql in try sql.execute("INSERT INTO child (id, parent_id) VALUES (1, 99)") }
        }
        try await database.waitForQueuedWrites(1)
        async let parent = database.write { sql in
            try sql.execute("INSERT INTO parent (id) VALUES (1)")
            return try sql.execute("INSERT INTO child (id, parent_id) VALUES (2, 1)")
        }
        try await database.waitForQueuedWrites(2)
        async let sibling = database.write { sql in try sql.execute("INSERT INTO child (id, parent_id) VALUES (3, 1)") }
        try await database.waitForQueuedWrites(3)
        gate.open()
        try await gated
        #expect(try await parent == 1)
        #expect(try await sibling == 1)
        guard case .failure(let error as StorageError) = await orphan else {
            Issue.record("the orphan write did not fail with a StorageError")
            return
        }
        #expect(error.code == .constraintViolation(.foreignKey))
        #expect(
            try database.query("SELECT id FROM child ORDER BY id").map { try $0.value(at: 0, as: Int64.self) } == [
                2, 3,
            ]
        )
        #expect(database.writeStatistics.largestGroup == 3)
    }

    /// A full queue refuses the next write at once with `busy`, running nothing of it; the queued ones complete.
    @Test func aFullQueueRefusesTheNextWriteAtOnce() async throws {
        let directory = try TemporaryDirectory()
        let database = try self.makeDatabase(directory, limits: WriteQueueLimits(maximumQueuedWrites: 3))
        defer { database.close() }
        let gate = WriteGate()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await gate.blockingWrite(database, id: 0) }
            try await gate.waitUntilEntered()
            for id in 1 ... 3 as ClosedRange<Int64> {
                group.addTask {
                    _ = try await database.write { sql in
                        try sql.execute("INSERT INTO t (id) VALUES (?)", [.integer(id)])
                    }
                }
            }
            try await database.waitForQueuedWrites(3)
            let error = await #expect(throws: StorageError.self) {
                try await database.write { sql in try sql.execute("INSERT INTO t (id) VALUES (4)") }
            }
            #expect(error?.code == .busy)
            gate.open()
            try await group.waitForAll()
        }
        #expect(try self.ids(database) == [0, 1, 2, 3])
    }

    @Test func aBodyThatEndsTheTransactionItselfIsMisuse() async throws {
        let directory = try TemporaryDirectory()
        let database = try self.makeDatabase(directory)
        defer { database.close() }
        let error = await #expect(throws: StorageError.self) {
            try await database.write { sql in try sql.execute("ROLLBACK") }
        }
        #expect(error?.code == .misuse)
        try await database.write { sql in try sql.execute("INSERT INTO t (id) VALUES (1)") }
        #expect(try self.ids(database) == [1])
    }

    @Test func aClosedDatabaseRefusesWrites() async throws {
        let directory = try TemporaryDirectory()
        let database = try self.makeDatabase(directory)
        database.close()
        let error = await #expect(throws: StorageError.self) {
            try await database.write { sql in try sql.execute("INSERT INTO t (id) VALUES (1)") }
        }
        #expect(error?.code == .misuse)
    }
}
