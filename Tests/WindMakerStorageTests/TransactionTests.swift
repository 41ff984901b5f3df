import Testing
import WindMakerStorage

@Suite struct TransactionTests {
    struct Abort: Error {}

    private func makeDatabase() throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
        return database
    }

    @Test func commitsAndReturnsTheBodysValue() throws {
        let database = try self.makeDatabase()
        let inserted = try database.transaction { sql in
            try sql.execute("INSERT INTO t (id, v) VALUES (1, 'a')")
            try sql.execute("INSERT INTO t (id, v) VALUES (2, 'b')")
            return try sql.query("SELECT id FROM t").count
        }
        #expect(inserted == 2)
        #expect(try database.query("SELECT id FROM t").count == 2)
    }

    @Test func rollsBackWhenTheBodyThrows() throws {
        let database = try self.makeDatabase()
        #expect(throws: Abort.self) {
            try database.transaction { sql in
                try sql.execute("INSERT INTO t (id, v) VALUES (1, 'a')")
                #expect(try sql.query("SELECT id FROM t").count == 1)
                throw Abort()
            }
        }
        #expect(try database.query("SELECT id FROM t").isEmpty)
        try database.transaction { sql in try sql.execute("INSERT INTO t (id, v) VALUES (1, 'again')") }
        #expect(try database.queryOne("SELECT v FROM t")?[0] == "again")
    }

    @Test func rollsBackEverythingWhenAStatementFails() throws {
        let database = try self.makeDatabase()
        let error = #expect(throws: StorageError.self) {
            try database.transaction { sql in
                try sql.execute("INSERT INTO t (id, v) VALUES (1, 'a')")
                try sql.execute("INSERT INTO t (id, v) VALUES (1, 'duplicate')")
            }
        }
        #expect(error?.code == .constraintViolation(.unique))
        #expect(try database.query("SELECT id FROM t").isEmpty)
    }

    @Test func aBodyThatEndsTheTransactionItselfIsMisuse() throws {
        let database = try self.makeDatabase()
        let error = #expect(throws: StorageError.self) {
            try database.transaction { sql in try sql.execute("COMMIT") }
        }
        #expect(error?.code == .misuse)
        try database.transaction { sql in try sql.execute("INSERT INTO t (id, v) VALUES (1, 'a')") }
    }

    @Test func storeCodeRunsOnDatabaseOrTransaction() throws {
        func insert(_ id: Int64, into sql: some SQLExecuting) throws {
            try sql.execute("INSERT INTO t (id, v) VALUES (?, 'x')", [.integer(id)])
        }
        let database = try self.makeDatabase()
        try insert(1, into: database)
        try database.transaction { sql in try insert(2, into: sql) }
        #expect(try database.query("SELECT id FROM t").count == 2)
    }
}
