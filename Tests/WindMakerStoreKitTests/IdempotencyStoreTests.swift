import Testing
import WindMakerKit
import WindMakerStorage
import WindMakerStoreKit
import WindMakerTestSupport

/// The idempotency table any service keeps: stored beside the change, replayed, refused for another request, pruned.
@Suite struct IdempotencyStoreTests {
    let database: any Database

    init() throws {
        self.database = try TestStore.serviceDatabase("idempotency")
        try self.database.migrate([
            Migration(version: 1, name: "keys", sql: IdempotencyStore.schema + ["CREATE TABLE notes (body TEXT)"])
        ])
    }

    func key(_ key: String, caller: String = "spiffe://windmaker/operator/alice") throws -> IdempotencyKey {
        try IdempotencyKey(caller: caller, key: key, method: "windmaker.test.v1.Notes/Add", request: [1])
    }

    /// Adds a note under `key`; the result (and the stored response) is how many notes there were after it.
    func add(_ key: IdempotencyKey?, at seconds: Int64) async throws -> IdempotentOutcome<Int64> {
        let insert: @Sendable (Transaction) throws -> Int64 = { sql in
            try sql.execute("INSERT INTO notes (body) VALUES ('note')")
            return try sql.queryOne("SELECT COUNT(*) FROM notes", [])?.value(at: 0, as: Int64.self) ?? 0
        }
        return try await self.database.idempotent(
            key,
            at: Timestamp(secondsSinceEpoch: seconds),
            encode: { Array("\($0)".utf8) },
            insert
        )
    }

    var notes: Int64 {
        (try? self.database.queryOne("SELECT COUNT(*) FROM notes", [])?.value(at: 0, as: Int64.self)) ?? -1
    }

    @Test func aRetryIsAnsweredFromTheStoreWithoutRunningAgain() async throws {
        guard case .performed = try await self.add(try self.key("a"), at: 100) else {
            Issue.record("not performed")
            return
        }
        guard case .replayed = try await self.add(try self.key("a"), at: 101) else {
            Issue.record("not replayed")
            return
        }
        #expect(self.notes == 1)
    }

    @Test func pruningForgetsKeysStoredBeforeTheCutoffOnly() async throws {
        _ = try await self.add(try self.key("old"), at: 100)
        _ = try await self.add(try self.key("new"), at: 200)
        let pruned = try self.database.transaction { sql in
            try IdempotencyStore().prune(createdBefore: Timestamp(secondsSinceEpoch: 150), in: sql)
        }
        #expect(pruned == 1)
        // The pruned key runs again; the kept one still replays.
        guard case .performed = try await self.add(try self.key("old"), at: 300) else {
            Issue.record("a pruned key must run again")
            return
        }
        guard case .replayed = try await self.add(try self.key("new"), at: 300) else {
            Issue.record("a kept key must replay")
            return
        }
        #expect(self.notes == 3)
    }

    @Test func aKeyIsCountedInBytesAndTheMessageSaysSo() {
        let error = #expect(throws: InvalidRequest.self) { try self.key(String(repeating: "é", count: 100)) }
        #expect(error?.violations.first?.description == "must be 1 to 128 bytes of printable ASCII, found 200 bytes")
    }
}
