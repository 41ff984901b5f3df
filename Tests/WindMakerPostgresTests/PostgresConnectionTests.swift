import Foundation
import Testing
import WindMakerStorage
import WindMakerTestSupport

@testable import WindMakerPostgres

@Suite struct PostgresConnectionTests {
    /// A connection to a table of this test's own.
    static func table() throws -> (PostgresConnection, String) {
        let connection = try PostgresConnection(url: try PostgresTestCluster.url())
        let name = "t_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try connection.execute("CREATE TABLE \(name) (id BIGINT PRIMARY KEY, label TEXT, data BYTEA)")
        return (connection, name)
    }

    @Test func valuesRoundTripThroughPlaceholders() throws {
        let (connection, table) = try Self.table()
        let rows: [[SQLValue]] = [
            [.integer(Int64.min), .text("风向标 ✓ 'quoted' ?"), .blob(Array(0 ... 255))],
            [.integer(Int64.max), .null, .blob([])],
            [.integer(0), .text(""), .null],
        ]
        for row in rows {
            #expect(try connection.execute("INSERT INTO \(table) (id, label, data) VALUES (?, ?, ?)", row) == 1)
        }
        let read = try connection.query("SELECT id, label, data FROM \(table) WHERE id <> ? ORDER BY id", [.integer(7)])
        #expect(read.map(\.values) == rows.sorted { $0[0].integerValue < $1[0].integerValue })
        #expect(read.first?.columnNames == ["id", "label", "data"])
        #expect(try connection.execute("DELETE FROM \(table) WHERE id >= ?", [.integer(0)]) == 2)
    }

    /// More distinct statements than the cache holds: it is emptied (the prepared statements deallocated) and the
    /// statements prepared again as they come back, with the same answers.
    @Test func statementsBeyondTheCacheArePreparedAgain() throws {
        let (connection, table) = try Self.table()
        try connection.execute("INSERT INTO \(table) (id, label) VALUES (?, ?)", [.integer(1), .text("one")])
        for round in 0 ..< 2 {
            for number in 0 ..< PostgresConnection.maximumCachedStatements + 10 {
                let row = try connection.query(
                    "SELECT label, ? + \(number) FROM \(table) WHERE id = ?",
                    [.integer(Int64(round)), .integer(1)]
                ).first
                #expect(row?.values == [.text("one"), .integer(Int64(round + number))])
            }
        }
        let prepared = try connection.query("SELECT COUNT(*) FROM pg_prepared_statements").first
        #expect(try (prepared?.value(at: 0, as: Int64.self) ?? 0) <= Int64(PostgresConnection.maximumCachedStatements))
    }

    @Test func refusalsAreTheStorageErrorsTheStoresHandle() throws {
        let (connection, table) = try Self.table()
        try connection.execute("INSERT INTO \(table) (id) VALUES (?)", [.integer(1)])
        #expect(throws: StorageError.self) {
            try connection.execute("INSERT INTO \(table) (id) VALUES (?)", [.integer(1)])
        }
        do {
            try connection.execute("INSERT INTO \(table) (id) VALUES (?)", [.integer(1)])
        } catch {
            #expect(error.code == .constraintViolation(.unique))
            #expect(error.message.contains("23505"))
        }
        do {
            try connection.execute("SELEC nothing")
        } catch {
            #expect(error.code == .invalidSQL)
        }
        do {
            try connection.execute("INSERT INTO \(table) (id, label) VALUES (?, ?)", [.integer(2), .text("a\u{0}b")])
        } catch {
            #expect(error.code == .invalidValue)
        }
    }

    @Test func anUnreachableServerIsNamed() {
        do {
            _ = try PostgresConnection(url: "postgres://windmaker@127.0.0.1:1/windmaker?connect_timeout=2")
            Issue.record("connected to port 1")
        } catch {
            #expect(error.code == .unavailable)
            #expect(error.message.contains("cannot connect to PostgreSQL") && error.message.contains("127.0.0.1"))
        }
    }

    @Test(arguments: [
        ("SELECT ? , ?", "SELECT $1 , $2"),
        ("SELECT '?' , ?", "SELECT '?' , $1"),
        ("SELECT \"a?\" FROM t WHERE x = ?", "SELECT \"a?\" FROM t WHERE x = $1"),
        ("SELECT 1 -- why?\n, ?", "SELECT 1 -- why?\n, $1"),
        ("SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"),
    ])
    func placeholdersOutsideLiteralsAreNumbered(_ sql: String, _ expected: String) {
        #expect(PlaceholderRewriter.rewrite(sql) == expected)
    }
}

extension SQLValue {
    fileprivate var integerValue: Int64 {
        if case .integer(let value) = self { return value }
        return 0
    }
}
