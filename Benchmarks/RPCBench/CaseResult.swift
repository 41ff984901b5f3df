import Foundation

/// One measured case, printed as one JSON line.
struct CaseResult: Sendable {
    var kind: String
    var concurrency: Int
    var payloadBytes: Int
    var seconds: Double
    var latencies: LatencyStats
    /// Failed calls during warm-up and measurement.
    var errors: Int

    /// `{"kind":…,"concurrency":…,"payload_bytes":…,"seconds":…,"calls":…,"calls_per_s":…,"p50_us":…,…}`
    var jsonLine: String {
        let percentiles = self.latencies.percentilesInMicroseconds([0.5, 0.99, 0.999])
        let fields: [(String, String)] = [
            ("kind", "\"\(self.kind)\""),
            ("concurrency", "\(self.concurrency)"),
            ("payload_bytes", "\(self.payloadBytes)"),
            ("seconds", String(format: "%.1f", self.seconds)),
            ("calls", "\(self.latencies.count)"),
            ("calls_per_s", String(format: "%.1f", Double(self.latencies.count) / self.seconds)),
            ("p50_us", String(format: "%.1f", percentiles[0])),
            ("p99_us", String(format: "%.1f", percentiles[1])),
            ("p999_us", String(format: "%.1f", percentiles[2])),
            ("errors", "\(self.errors)"),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
