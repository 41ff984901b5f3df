import Testing
import WindMakerStorage

@Suite struct SQLValueTests {
    static let values: [SQLValue] = [
        .null,
        .integer(0),
        .integer(-1),
        .integer(Int64.min),
        .integer(Int64.max),
        .text(""),
        .text("plain ascii"),
        .text("造风者科技有限公司"),
        .text("emoji 👩‍👩‍👧‍👦 and combining é"),
        .blob([]),
        .blob([0, 1, 2, 0, 255]),
        .blob(Array(repeating: 0xAB, count: 100_000)),
    ]

    @Test(arguments: Self.values)
    func roundTripsThroughAColumn(_ value: SQLValue) throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (v)")
        #expect(try database.execute("INSERT INTO t (v) VALUES (?)", [value]) == 1)
        let row = try #require(try database.queryOne("SELECT v FROM t"))
        #expect(row[0] == value)
        #expect(row["v"] == value)
    }

    @Test(arguments: Self.values)
    func roundTripsAsAParameter(_ value: SQLValue) throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let row = try #require(try database.queryOne("SELECT ? AS v", [value]))
        #expect(row["v"] == value)
    }

    @Test func emptyStringAndEmptyBlobAreNotNull() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let row = try #require(try database.queryOne("SELECT ? IS NULL, ? IS NULL, length(?)", ["", .blob([]), ""]))
        #expect(row.values == [.integer(0), .integer(0), .integer(0)])
    }

    @Test func unicodeTextKeepsItsLengthInCharacters() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let row = try #require(try database.queryOne("SELECT length(?)", ["造风者科技有限公司"]))
        #expect(row[0] == .integer(9))
    }

    @Test func textWithAnEmbeddedNulIsRefused() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (v TEXT)")
        let error = #expect(throws: StorageError.self) {
            try database.execute("INSERT INTO t (v) VALUES (?)", [.text("a\u{0}b")])
        }
        #expect(error?.code == .invalidValue)
        #expect(try database.query("SELECT v FROM t").isEmpty)
    }

    @Test func realValuesAreRefusedOnRead() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let error = #expect(throws: StorageError.self) { try database.query("SELECT 1.5") }
        #expect(error?.code == .typeMismatch)
    }

    @Test func literalsBuildValues() {
        let values: [SQLValue] = [nil, 42, "text"]
        #expect(values == [.null, .integer(42), .text("text")])
    }
}

@Suite struct RowTests {
    @Test func readsTypedValuesByNameAndIndex() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let row = try #require(
            try database.queryOne(
                "SELECT ? AS id, ? AS name, ? AS data, ? AS flag, ? AS missing",
                [.integer(Int64.max), "造风者", .blob([1, 2]), .integer(1), .null]
            )
        )
        #expect(row.columnNames == ["id", "name", "data", "flag", "missing"])
        #expect(try row.value("id", as: Int64.self) == Int64.max)
        #expect(try row.value(at: 0, as: Int.self) == Int.max)
        #expect(try row.value("name", as: String.self) == "造风者")
        #expect(try row.value("data", as: [UInt8].self) == [1, 2])
        #expect(try row.value("flag", as: Bool.self))
        #expect(try row.value("missing", as: String?.self) == nil)
        #expect(try row.value("name", as: String?.self) == "造风者")
        #expect(row["nonexistent"] == nil)
    }

    @Test func wrongTypeOrUnknownColumnIsAnError() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let row = try #require(try database.queryOne("SELECT 'x' AS name, NULL AS empty"))
        #expect(throws: StorageError.self) { try row.value("name", as: Int64.self) }
        #expect(throws: StorageError.self) { try row.value("empty", as: String.self) }
        let unknown = #expect(throws: StorageError.self) { try row.value("other", as: String.self) }
        #expect(unknown?.code == .misuse)
        let outOfRange = #expect(throws: StorageError.self) { try row.value(at: 5, as: String.self) }
        #expect(outOfRange?.code == .misuse)
    }
}
