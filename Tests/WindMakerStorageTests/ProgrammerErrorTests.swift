import Testing
import WindMakerStorage

/// Misuse that would deadlock or race is stopped with a precondition failure; these run in a child process.
@Suite struct ProgrammerErrorTests {
    @Test func nestedTransactionStopsInsteadOfDeadlocking() async {
        await #expect(processExitsWith: .failure) {
            let database = try SQLiteDatabase(path: ":memory:")
            try database.transaction { _ in
                try database.transaction { _ in }
            }
        }
    }

    @Test func usingTheDatabaseInsideATransactionBodyStops() async {
        await #expect(processExitsWith: .failure) {
            let database = try SQLiteDatabase(path: ":memory:")
            try database.transaction { _ in
                _ = try database.query("SELECT 1")
            }
        }
    }

    @Test func usingATransactionAfterItsBodyStops() async {
        await #expect(processExitsWith: .failure) {
            let database = try SQLiteDatabase(path: ":memory:")
            let escaped = try database.transaction { sql in sql }
            _ = try escaped.query("SELECT 1")
        }
    }

    @Test func usingTheDatabaseInsideAWriteBodyStops() async {
        await #expect(processExitsWith: .failure) {
            let database = try SQLiteDatabase(path: ":memory:")
            try await database.write { _ in
                _ = try database.query("SELECT 1")
            }
        }
    }
}
