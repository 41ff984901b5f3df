import CoreMetrics
import Dispatch
import Logging
import Synchronization

/// A service's domain gauges, read from its store on a queue of their own at most once per interval, and set
/// through swift-metrics so that they appear in the exposition with everything else.
final class DomainGauges: Sendable {
    private let readings: (@Sendable () throws -> [GaugeReading])?
    private let interval: Duration
    private let queue = DispatchQueue(label: "windmaker.metrics.gauges")
    private let last = Mutex<ContinuousClock.Instant?>(nil)
    private let logger: Logger

    init(readings: (@Sendable () throws -> [GaugeReading])?, interval: Duration, logger: Logger) {
        self.readings = readings
        self.interval = interval
        self.logger = logger
    }

    func refreshIfDue() async {
        guard let readings = self.readings else { return }
        let due = self.last.withLock { last -> Bool in
            let now = ContinuousClock.now
            if let last, now - last < self.interval { return false }
            last = now
            return true
        }
        guard due else { return }
        let logger = self.logger
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            self.queue.async {
                do {
                    for reading in try readings() {
                        Gauge(label: reading.name, dimensions: reading.labels.sorted { $0.key < $1.key })
                            .record(reading.value)
                    }
                } catch {
                    logger.warning("could not read the domain gauges: \(error)")
                }
                continuation.resume()
            }
        }
    }
}
