import Logging
import Testing
import WindMakerKit
import WindMakerServiceKit
import WindMakerStorage
import WindMakerStoreKit
import WindMakerTestSupport

/// Keys are kept for the retention, then forgotten, by the pruner that runs beside every server.
@Suite struct IdempotencyPrunerTests {
    static let day: Int64 = 24 * 3600

    @Test func keysOlderThanTheRetentionArePrunedAndNewerOnesKept() async throws {
        let database = try TestStore.serviceDatabase("pruner")
        try database.migrate([Migration(version: 1, name: "keys", sql: IdempotencyStore.schema)])
        for (key, age) in [("eight-days", 8 * Self.day), ("six-days", 6 * Self.day), ("now", 0)] {
            let stored = try IdempotencyKey(caller: "c", key: key, method: "m", request: [])
            _ = try await database.idempotent(
                stored,
                at: Timestamp(secondsSinceEpoch: 100 * Self.day - age),
                encode: { _ in [] },
                { _ in () }
            )
        }
        let pruner = IdempotencyPruner(
            database: database,
            retention: .seconds(7 * Self.day),
            clock: { Timestamp(secondsSinceEpoch: 100 * Self.day) },
            logger: Logger(label: "pruner")
        )
        #expect(try await pruner.pruneOnce() == 1)
        let kept = try database.query("SELECT key FROM idempotency_keys ORDER BY key", []).map {
            try $0.value(at: 0, as: String.self)
        }
        #expect(kept == ["now", "six-days"])
        #expect(try await pruner.pruneOnce() == 0)
    }

}
