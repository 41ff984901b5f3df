/// Latency samples of one case, in nanoseconds, and their percentiles.
struct LatencyStats: Sendable {
    private var samples: [Int64]

    init(reservingCapacity capacity: Int = 0) {
        self.samples = []
        self.samples.reserveCapacity(capacity)
    }

    var count: Int { self.samples.count }

    mutating func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self.samples.append(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    mutating func merge(_ other: LatencyStats) {
        self.samples += other.samples
    }

    /// Nearest-rank percentiles in microseconds, for `fractions` such as 0.5 and 0.999; zero without samples.
    func percentilesInMicroseconds(_ fractions: [Double]) -> [Double] {
        guard !self.samples.isEmpty else { return fractions.map { _ in 0 } }
        let sorted = self.samples.sorted()
        return fractions.map { fraction in
            let rank = Int((Double(sorted.count) * fraction).rounded(.up))
            return Double(sorted[min(max(rank, 1), sorted.count) - 1]) / 1000
        }
    }
}
