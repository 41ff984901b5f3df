import Testing
import WindMakerPostgres
import WindMakerStorage
import WindMakerTestSupport

/// What only a shared engine has: several instances on one schema, connections that are lost and come back.
@Suite struct PostgresDatabaseTests {
    private static func counters(_ store: TestStore) throws {
        try store.database.migrate([
            Migration(
                version: 1,
                name: "counters",
                sql: ["CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER)"]
            )
        ])
        try store.database.execute("INSERT INTO counters (name, value) VALUES ('c', 0)")
    }

    /// Kills the server side of every connection the schema's databases hold, as a PostgreSQL restart does.
    private static func terminateConnections(of schema: String) throws {
        let admin = try PostgresConnection(url: try PostgresTestCluster.url())
        try admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
            [.text("windmaker.\(schema)")]
        )
    }

    @Test func twoInstancesOnOneSchemaLoseNoIncrementUnderTheNamedLock() async throws {
        let store = try TestStore(.postgres, prefix: "instances")
        try Self.counters(store)
        let second = try store.secondInstance()
        async let first: Void = StoreConformanceTests.increment(store.database, times: 60)
        async let other: Void = StoreConformanceTests.increment(second, times: 60)
        _ = try await (first, other)
        #expect(try second.queryOne("SELECT value FROM counters")?[0] == .integer(120))
    }

    @Test func aBodyThatGoesOnAfterAFailedStatementKeepsNothing() async throws {
        let store = try TestStore(.postgres, prefix: "failed")
        try Self.counters(store)
        let error = await #expect(throws: StorageError.self) {
            try await store.database.write { sql in
                try sql.execute("UPDATE counters SET value = 5")
                // SQLite would keep going after this; PostgreSQL aborts the transaction, so must we.
                _ = try? sql.execute("INSERT INTO counters (name, value) VALUES ('c', 1)")
            }
        }
        #expect(error?.code == .misuse)
        #expect(try store.database.queryOne("SELECT value FROM counters")?[0] == .integer(0))
    }

    @Test func lostConnectionsAreReplacedWithoutFailingTheNextCalls() async throws {
        let store = try TestStore(.postgres, prefix: "restart")
        try Self.counters(store)
        // Fill the pool with idle connections, then lose them all.
        try await StoreConformanceTests.increment(store.database, times: 8)
        try Self.terminateConnections(of: try #require(store.schema))
        #expect(try store.database.queryOne("SELECT value FROM counters")?[0] == .integer(8))
        try await StoreConformanceTests.increment(store.database, times: 8)
        try Self.terminateConnections(of: try #require(store.schema))
        let rows = try store.database.snapshot { snapshot in try snapshot.query("SELECT value FROM counters") }
        #expect(rows.first?[0] == .integer(16))
    }

    @Test func aWriteWhoseConnectionIsLostIsUnavailableAndKeepsNothing() async throws {
        let store = try TestStore(.postgres, prefix: "lost")
        try Self.counters(store)
        let error = await #expect(throws: StorageError.self) {
            try await store.database.write { sql in
                try sql.execute("UPDATE counters SET value = 5")
                try sql.execute("SELECT pg_terminate_backend(pg_backend_pid())")
            }
        }
        #expect(error?.code == .unavailable)
        #expect(try store.database.queryOne("SELECT value FROM counters")?[0] == .integer(0))
        try await store.database.write { sql in try sql.execute("UPDATE counters SET value = 1") }
        #expect(try store.database.queryOne("SELECT value FROM counters")?[0] == .integer(1))
    }

    @Test func anUnreachableServerIsUnavailableAndNamed() throws {
        let error = #expect(throws: StorageError.self) {
            try PostgresDatabase(url: "postgres://windmaker@127.0.0.1:1/windmaker", schema: "registry")
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("127.0.0.1") == true, "\(String(describing: error))")
    }
}
