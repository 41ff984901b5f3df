import Testing
import WindMakerStorage
import WindMakerTestSupport

@Suite struct MigrationTests {
    static let migrations = [
        Migration(
            version: 1,
            name: "providers",
            sql: ["CREATE TABLE providers (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"]
        ),
        Migration(
            version: 2,
            name: "bindings",
            sql: [
                "CREATE TABLE bindings (id INTEGER PRIMARY KEY, provider_id INTEGER NOT NULL REFERENCES providers (id))",
                "CREATE INDEX bindings_provider ON bindings (provider_id); CREATE INDEX bindings_id ON bindings (id)",
            ]
        ),
    ]

    private func recorded(_ database: SQLiteDatabase) throws -> [Int64] {
        try database.query("SELECT version FROM schema_migrations ORDER BY version").map { try $0.value("version") }
    }

    @Test func appliesOnceAndRecordsEachVersion() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.migrate(Self.migrations)
        #expect(try self.recorded(database) == [1, 2])
        let row = try #require(
            try database.queryOne("SELECT name, applied_at_micros FROM schema_migrations WHERE version = 2")
        )
        #expect(try row.value("name", as: String.self) == "bindings")
        #expect(try row.value("applied_at_micros", as: Int64.self) > 1_700_000_000_000_000)
        try database.execute("INSERT INTO providers (id, name) VALUES (1, 'a')")
        try database.execute("INSERT INTO bindings (id, provider_id) VALUES (1, 1)")

        try database.migrate(Self.migrations)
        #expect(try self.recorded(database) == [1, 2])
        #expect(try database.query("SELECT id FROM bindings").count == 1)
    }

    @Test func appliesOnlyTheMissingOnes() throws {
        let directory = try TemporaryDirectory()
        do {
            let database = try SQLiteDatabase(path: directory.databasePath)
            try database.migrate(Array(Self.migrations.prefix(1)))
            database.close()
        }
        let database = try SQLiteDatabase(path: directory.databasePath)
        defer { database.close() }
        #expect(try self.recorded(database) == [1])
        try database.migrate(Self.migrations)
        #expect(try self.recorded(database) == [1, 2])
    }

    @Test func aNewerDatabaseIsRefused() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.migrate(Self.migrations)
        let error = #expect(throws: StorageError.self) { try database.migrate(Array(Self.migrations.prefix(1))) }
        #expect(error?.code == .incompatibleSchema)
    }

    @Test func aVersionRecordedUnderAnotherNameIsRefused() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.migrate(Self.migrations)
        var renamed = Self.migrations
        renamed[1].name = "something else"
        let error = #expect(throws: StorageError.self) { try database.migrate(renamed) }
        #expect(error?.code == .incompatibleSchema)
    }

    @Test(arguments: [
        [Self.migrations[1], Self.migrations[0]],
        [Self.migrations[0], Self.migrations[0]],
        [Migration(version: 0, name: "zero", sql: [])],
        [Migration(version: 1, name: "", sql: [])],
    ])
    func invalidMigrationListsAreRefusedBeforeAnythingRuns(_ migrations: [Migration]) throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let error = #expect(throws: StorageError.self) { try database.migrate(migrations) }
        #expect(error?.code == .misuse)
        #expect(try database.query("SELECT name FROM sqlite_master WHERE type = 'table'").isEmpty)
    }

    @Test func aFailingMigrationIsRolledBackAndLaterOnesDoNotRun() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let broken = [
            Self.migrations[0],
            Migration(version: 2, name: "broken", sql: ["CREATE TABLE half (id INTEGER)", "CREATE TABLE oops ("]),
            Migration(version: 3, name: "after", sql: ["CREATE TABLE after (id INTEGER)"]),
        ]
        let error = #expect(throws: StorageError.self) { try database.migrate(broken) }
        #expect(error?.code == .invalidSQL)
        #expect(try self.recorded(database) == [1])
        let tables = try database.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        #expect(tables.map { $0[0] } == ["providers", "schema_migrations"])
    }

    @Test func aGapBelowTheNewestAppliedVersionIsRefused() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.migrate([Self.migrations[0], Migration(version: 3, name: "three", sql: [])])
        let error = #expect(throws: StorageError.self) {
            try database.migrate([
                Self.migrations[0], Self.migrations[1], Migration(version: 3, name: "three", sql: []),
            ])
        }
        #expect(error?.code == .incompatibleSchema)
    }
}
