import BenchmarkSupport
import Foundation

/// One case's JSON line: `{"case":…,"ops":…,"seconds":…,"ops_per_s":…,"p50_us":…,"p99_us":…}`; the latencies
/// are per recorded unit (one apply+approve, or one batch of attribution queries).
struct BenchResult {
    var name: String
    var operations: Int
    var seconds: Double
    var latencies: LatencyStats
    var extra: [(String, String)] = []

    var jsonLine: String {
        let percentiles = self.latencies.percentilesInMicroseconds([0.5, 0.99])
        let fields: [(String, String)] =
            [
                ("case", "\"\(self.name)\""),
                ("ops", "\(self.operations)"),
                ("seconds", String(format: "%.2f", self.seconds)),
                ("ops_per_s", String(format: "%.1f", Double(self.operations) / self.seconds)),
                ("p50_us", String(format: "%.1f", percentiles[0])),
                ("p99_us", String(format: "%.1f", percentiles[1])),
            ] + self.extra
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
