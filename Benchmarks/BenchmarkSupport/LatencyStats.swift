/// Latency samples of one case, in nanoseconds, and their percentiles.
public struct LatencyStats: Sendable {
    private var samples: [Int64]

    /// No samples yet, with room for `capacity` of them.
    public init(reservingCapacity capacity: Int = 0) {
        self.samples = []
        self.samples.reserveCapacity(capacity)
    }

    /// How many samples were recorded.
    public var count: Int { self.samples.count }

    /// Adds one call's latency.
    public mutating func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self.samples.append(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Adds every sample of `other` (one calling task's share of a case).
    public mutating func merge(_ other: LatencyStats) {
        self.samples += other.samples
    }

    /// Nearest-rank percentiles in microseconds, for `fractions` such as 0.5 and 0.999; zero without samples.
    public func percentilesInMicroseconds(_ fractions: [Double]) -> [Double] {
        guard !self.samples.isEmpty else { return fractions.map { _ in 0 } }
        let sorted = self.samples.sorted()
        return fractions.map { fraction in
            let rank = Int((Double(sorted.count) * fraction).rounded(.up))
            return Double(sorted[min(max(rank, 1), sorted.count) - 1]) / 1000
        }
    }
}
