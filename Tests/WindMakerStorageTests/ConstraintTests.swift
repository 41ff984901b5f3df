import Testing
import WindMakerStorage

@Suite struct ConstraintTests {
    private func makeDatabase() throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute(
            "CREATE TABLE providers (id INTEGER PRIMARY KEY, credit_code TEXT NOT NULL UNIQUE, "
                + "fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0))"
        )
        try database.execute(
            "CREATE TABLE bindings (id INTEGER PRIMARY KEY, provider_id INTEGER NOT NULL REFERENCES providers (id))"
        )
        try database.execute("INSERT INTO providers (id, credit_code, fee_fen) VALUES (1, '91310000MA1FL8XQ3Y', 0)")
        return database
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let sql: String
        let constraint: StorageError.Constraint
        var testDescription: String { "\(self.constraint): \(self.sql)" }
    }

    @Test(arguments: [
        Case(
            sql: "INSERT INTO providers (id, credit_code, fee_fen) VALUES (2, '91310000MA1FL8XQ3Y', 0)",
            constraint: .unique
        ),
        Case(sql: "INSERT INTO providers (id, credit_code, fee_fen) VALUES (1, 'other', 0)", constraint: .unique),
        Case(sql: "INSERT INTO bindings (id, provider_id) VALUES (1, 99)", constraint: .foreignKey),
        Case(sql: "INSERT INTO providers (id, credit_code, fee_fen) VALUES (3, 'c', -1)", constraint: .check),
        Case(sql: "INSERT INTO providers (id, credit_code, fee_fen) VALUES (4, NULL, 0)", constraint: .notNull),
    ])
    func violationsNameTheirConstraint(_ testCase: Case) throws {
        let database = try self.makeDatabase()
        let error = #expect(throws: StorageError.self) { try database.execute(testCase.sql) }
        #expect(error?.code == .constraintViolation(testCase.constraint))
        #expect((error?.extendedResultCode ?? 0) & 0xFF == 19)  // SQLITE_CONSTRAINT
        #expect(error?.message.contains("constraint failed") == true)
    }

    @Test func deletingAReferencedRowIsAForeignKeyViolation() throws {
        let database = try self.makeDatabase()
        try database.execute("INSERT INTO bindings (id, provider_id) VALUES (1, 1)")
        let error = #expect(throws: StorageError.self) { try database.execute("DELETE FROM providers WHERE id = 1") }
        #expect(error?.code == .constraintViolation(.foreignKey))
    }
}
