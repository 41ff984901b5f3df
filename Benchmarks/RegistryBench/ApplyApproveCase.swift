import BenchmarkSupport
import WindMakerRegistry

/// Applies and approves `count` new providers one after another through the domain API: two durable transactions
/// (fsync'd commits) per provider. One op = one provider applied and approved.
struct ApplyApproveCase {
    let count: Int
    /// Credit-code numbers start here, past the bulk-created providers.
    let firstNumber: Int

    func run(_ registry: Registry) throws -> BenchResult {
        var latencies = LatencyStats(reservingCapacity: self.count)
        let clock = ContinuousClock()
        let start = clock.now
        for number in self.firstNumber ..< (self.firstNumber + self.count) {
            let began = clock.now
            let applied = try registry.apply(
                BenchFixtures.application(number),
                actor: BenchFixtures.portal,
                at: BenchFixtures.now
            )
            _ = try registry.transition(
                .approve,
                providerID: applied.id,
                expectedVersion: applied.version,
                reason: nil,
                actor: BenchFixtures.operatorID,
                at: BenchFixtures.now
            )
            latencies.record(clock.now - began)
        }
        return BenchResult(
            name: "apply-approve",
            operations: self.count,
            seconds: Self.seconds(clock.now - start),
            latencies: latencies
        )
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
