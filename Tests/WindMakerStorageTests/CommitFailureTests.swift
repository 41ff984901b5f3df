import Foundation
import Testing
import WindMakerStorage
import WindMakerTestSupport

/// When the shared COMMIT fails, every write of the group gets the error and nothing of any of them is kept.
///
/// A real COMMIT failure, not a simulated one: in a child process (the limit is process-wide), the file-size limit
/// (`RLIMIT_FSIZE`) is lowered so that the group's WAL frames, which SQLite writes at COMMIT, cannot be appended, and
/// SIGXFSZ is ignored so the write fails with `EFBIG` instead of killing the process.
@Suite struct CommitFailureTests {
    @Test func aFailedCommitFailsEveryWriteOfTheGroup() async {
        await #expect(processExitsWith: .success) {
            let directory = try TemporaryDirectory()
            let database = try SQLiteDatabase(path: directory.databasePath)
            try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB)")
            try database.execute("INSERT INTO t (id) VALUES (1)")

            signal(SIGXFSZ, SIG_IGN)
            let fileSize = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
            var limit = rlimit()
            getrlimit(fileSize, &limit)
            var original = limit
            let sizes = try [directory.databasePath, directory.databasePath + "-wal"].map { path in
                (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            }
            // Room for the small gated write's frames, not for three 100 KB blobs.
            limit.rlim_cur = rlim_t(sizes.max()! + 64 * 1024)
            setrlimit(fileSize, &limit)

            let gate = WriteGate()
            async let gated: Void = gate.blockingWrite(database, id: 2)
            try await gate.waitUntilEntered()
            let big = [UInt8](repeating: 0xA5, count: 100_000)
            let results = await withTaskGroup(of: Result<Int, any Error>.self) { group in
                for id in 10 ... 12 as ClosedRange<Int64> {
                    group.addTask {
                        await GroupCommitTests.result {
                            try await database.write { sql in
                                try sql.execute(
                                    "INSERT INTO t (id, payload) VALUES (?, ?)",
                                    [.integer(id), .blob(big)]
                                )
                            }
                        }
                    }
                }
                try? await database.waitForQueuedWrites(3)
                gate.open()
                return await group.reduce(into: []) { $0.append($1) }
            }
            try await gated

            // Every member of the failed group got the COMMIT's I/O error, none its own success.
            for result in results {
                guard case .failure(let error as StorageError) = result else {
                    Issue.record("a write of the failed group ended with \(result)")
                    continue
                }
                #expect(error.code == .ioFailure)
            }
            setrlimit(fileSize, &original)
            let statistics = database.writeStatistics
            #expect(statistics.failedTransactions == 1)
            #expect(statistics.largestGroup == 3)
            // None of the group is kept, the database still works, and the gated write before it is there.
            try await database.write { sql in try sql.execute("INSERT INTO t (id) VALUES (3)") }
            let ids = try database.query("SELECT id FROM t ORDER BY id").map { try $0.value(at: 0, as: Int64.self) }
            #expect(ids == [1, 2, 3])
            database.close()
            let reopened = try SQLiteDatabase(path: directory.databasePath)
            #expect(try reopened.query("SELECT id FROM t ORDER BY id").count == 3)
        }
    }
}
