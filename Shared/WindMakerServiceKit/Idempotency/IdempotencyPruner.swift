public import Logging
public import ServiceLifecycle
public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

/// Forgets idempotency keys older than the retention, at start and then every `interval`, as a `Service` that runs
/// beside the server in its service group (started before it, stopped after it).
///
/// A retry within the retention is answered from the stored response; one after it runs the operation again, so
/// the retention must outlast any client's retry window (days, not minutes).
public struct IdempotencyPruner: Service {
    /// How long keys are kept unless configured otherwise: a week.
    public static let defaultRetention: Duration = .seconds(7 * 24 * 3600)

    private let database: any Database
    private let retention: Duration
    private let interval: Duration
    private let clock: @Sendable () -> Timestamp
    private let logger: Logger

    /// - Parameters:
    ///   - database: the service's database, holding its `idempotency_keys` table.
    ///   - retention: how long a key is kept after it was stored.
    ///   - interval: how often to prune; an hour unless a test needs it sooner.
    public init(
        database: any Database,
        retention: Duration = Self.defaultRetention,
        interval: Duration = .seconds(3600),
        clock: @escaping @Sendable () -> Timestamp = SystemClock.now,
        logger: Logger
    ) {
        self.database = database
        self.retention = retention
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    /// Deletes the keys stored more than the retention ago; returns how many.
    @discardableResult
    public func pruneOnce() async throws -> Int {
        let retained = self.retention.components
        let microseconds = retained.seconds * 1_000_000 + retained.attoseconds / 1_000_000_000_000
        let cutoff = self.clock().adding(microseconds: -microseconds)
        return try await self.database.write { sql in try IdempotencyStore().prune(createdBefore: cutoff, in: sql) }
    }

    public func run() async throws {
        await PeriodicWork.run(every: self.interval, logger: self.logger, failure: "could not prune idempotency keys") {
            let pruned = try await self.pruneOnce()
            if pruned > 0 {
                self.logger.info("pruned idempotency keys", metadata: ["idempotency.pruned": "\(pruned)"])
            }
        }
    }
}
