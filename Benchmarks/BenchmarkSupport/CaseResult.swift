import Foundation

/// One measured case, printed as one JSON line.
public struct CaseResult: Sendable {
    /// What was measured: a server kind such as `rpc` or `bare`, or `grpc-swift-2`.
    public var kind: String
    /// Calls in flight.
    public var concurrency: Int
    /// Request payload size in bytes.
    public var payloadBytes: Int
    /// The measured seconds (warm-up excluded).
    public var seconds: Double
    /// The calls completed inside the measurement window.
    public var latencies: LatencyStats
    /// Failed calls during warm-up and measurement.
    public var errors: Int

    /// A result of `kind` at `concurrency` and `payloadBytes`, measured for `seconds`.
    public init(
        kind: String,
        concurrency: Int,
        payloadBytes: Int,
        seconds: Double,
        latencies: LatencyStats,
        errors: Int
    ) {
        self.kind = kind
        self.concurrency = concurrency
        self.payloadBytes = payloadBytes
        self.seconds = seconds
        self.latencies = latencies
        self.errors = errors
    }

    /// `{"kind":…,"concurrency":…,"payload_bytes":…,"seconds":…,"calls":…,"calls_per_s":…,"p50_us":…,…}`
    public var jsonLine: String {
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
