import BenchmarkSupport
import WindMakerKit
import WindMakerRegistry

/// Resolves random batches of (client, scope, date) queries over the populated pairs for at least `seconds`.
/// Dates fall across 2024 (before any binding: no answer) and 2025 (either half), so most queries hit one of the two
/// bindings and some miss. One op = one query; latencies are per batch.
struct AttributionCase {
    let population: BulkSetup.Population
    let batch: Int
    let seconds: Double

    func run(_ registry: Registry) throws -> BenchResult {
        var generator = SystemRandomNumberGenerator()
        let dates = try (1 ... 12).flatMap { month in
            try [2024, 2025, 2025].map { year in try CivilDate(year: year, month: month, day: 1 + month) }
        }
        func nextBatch() -> [AttributionQuery] {
            (0 ..< self.batch).map { _ in
                let (client, scope) = self.population.pairs.randomElement(using: &generator)!
                return AttributionQuery(client: client, scope: scope, date: dates.randomElement(using: &generator)!)
            }
        }
        let clock = ContinuousClock()
        var latencies = LatencyStats()
        var queries = 0
        var answered = 0
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int64(self.seconds * 1000)))
        while clock.now < deadline {
            let queriesBatch = nextBatch()
            let began = clock.now
            let answers = try registry.resolveAttribution(queriesBatch)
            latencies.record(clock.now - began)
            queries += queriesBatch.count
            answered += answers.count { $0 != nil }
        }
        return BenchResult(
            name: "attribution",
            operations: queries,
            seconds: ApplyApproveCase.seconds(clock.now - start),
            latencies: latencies,
            extra: [("batch", "\(self.batch)"), ("answered", "\(answered)")]
        )
    }
}
