import CoreMetrics
import Prometheus
import Synchronization
import WindMakerTLS
import WindMakerTransport

/// The process's Prometheus registry, bootstrapped into swift-metrics once: everything the transport, TLS and the
/// services count through swift-metrics lands in it.
enum MetricsBackend {
    private static let bootstrapped = Mutex<PrometheusCollectorRegistry?>(nil)

    /// The registry, bootstrapping swift-metrics with it on first use (swift-metrics allows one bootstrap per
    /// process).
    static func registry() -> PrometheusCollectorRegistry {
        Self.bootstrapped.withLock { existing in
            if let existing { return existing }
            let registry = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: registry)
            // RPCs on this stack take from tens of microseconds to seconds, so the buckets start well below the
            // library's 5 ms.
            factory.defaultDurationHistogramBuckets = [
                .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
                .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
            ]
            MetricsSystem.bootstrap(factory)
            ServerMetrics.registerSeries()
            HandshakeRefusal.registerSeries()
            existing = registry
            return registry
        }
    }
}
