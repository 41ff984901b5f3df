import Foundation
import Testing
import WindMakerStorage
import WindMakerTestSupport

@Suite struct BackupTests {
    static let migrations = [
        Migration(version: 1, name: "events", sql: ["CREATE TABLE events (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"])
    ]

    private func count(_ database: SQLiteDatabase) throws -> Int64 {
        try database.queryOne("SELECT COUNT(*) AS n FROM events")!.value("n")
    }

    @Test func aLiveDatabaseIsBackedUpConsistentlyWhileItIsWritten() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.databasePath
        let copy = directory.path + "/backup.sqlite"
        let database = try SQLiteDatabase(path: path)
        try database.migrate(Self.migrations)
        for batch in 0 ..< 20 {
            try await database.write { sql in
                for index in 0 ..< 500 {
                    try sql.execute("INSERT INTO events (body) VALUES (?)", [.text("\(batch)-\(index)")])
                }
            }
        }
        let writer = Task {
            for batch in 0 ..< 200 {
                try await database.write { sql in
                    for index in 0 ..< 50 {
                        try sql.execute("INSERT INTO events (body) VALUES (?)", [.text("w\(batch)-\(index)")])
                    }
                }
            }
        }
        let summary = try DatabaseBackup.backUp(path, to: copy)
        try await writer.value
        #expect(summary.schemaVersion == 1 && summary.pages > 0 && summary.pageSize > 0)
        let restored = try SQLiteDatabase(path: copy)
        let copied = try self.count(restored)
        // A moment's state: every row written before the backup began, and whole write groups of 50 after it.
        #expect(copied >= 10_000 && copied <= 20_000 && copied % 50 == 0)
        restored.close()
        #expect(throws: StorageError.self) { try DatabaseBackup.backUp(path, to: copy) }
        database.close()
    }

    @Test func restoringNeedsTheServerStoppedAndBringsTheBackupBack() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.databasePath
        let copy = directory.path + "/backup.sqlite"
        let database = try SQLiteDatabase(path: path)
        try database.migrate(Self.migrations)
        try await database.write { sql in _ = try sql.execute("INSERT INTO events (body) VALUES ('kept')", []) }
        try DatabaseBackup.backUp(path, to: copy)
        try await database.write { sql in _ = try sql.execute("INSERT INTO events (body) VALUES ('after')", []) }
        #expect {
            try DatabaseBackup.restore(copy, to: path)
        } throws: { error in
            (error as? StorageError)?.code == .inUse
        }
        database.close()
        let summary = try DatabaseBackup.restore(copy, to: path)
        #expect(summary.schemaVersion == 1)
        let reopened = try SQLiteDatabase(path: path)
        #expect(try reopened.query("SELECT body FROM events").map { try $0.value("body") as String } == ["kept"])
        reopened.close()

        let junk = directory.path + "/junk.sqlite"
        #expect(FileManager.default.createFile(atPath: junk, contents: Data("not a database".utf8)))
        #expect(throws: StorageError.self) { try DatabaseBackup.restore(junk, to: path) }
    }
}
