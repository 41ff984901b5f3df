public import Logging
public import ServiceLifecycle
public import WindMakerIncentive
public import WindMakerKit
public import WindMakerServiceKit

/// Expires proposals not approved in time, releasing their reservations, every `interval` (a minute by default).
public struct ProposalExpiry: Service {
    private let incentive: Incentive
    private let interval: Duration
    private let clock: @Sendable () -> Timestamp
    private let logger: Logger

    public init(
        incentive: Incentive,
        interval: Duration = .seconds(60),
        clock: @escaping @Sendable () -> Timestamp = SystemClock.now,
        logger: Logger
    ) {
        self.incentive = incentive
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        await PeriodicWork.run(every: self.interval, logger: self.logger, failure: "could not expire proposals") {
            let now = self.clock()
            let expired = try await self.incentive.database.write { sql in
                try self.incentive.expireProposals(at: now, in: sql)
            }
            for batch in expired {
                self.logger.info("proposal expired, reservation released", metadata: ["batch": "\(batch.id)"])
            }
        }
    }
}
