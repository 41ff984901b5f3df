/// Closed-loop load on one client: `concurrency` tasks, each calling again as soon as its previous call returns.
/// The protocol-specific part, one call, is the closure given to ``run(concurrency:payloadBytes:window:call:)``.
public struct ClosedLoopLoad: Sendable {
    /// The `kind` of every result, such as `rpc` or `grpc-swift-2`.
    public let kind: String
    /// When set, the calling tasks prefer this executor (the client connection's event loop), so a call needs no
    /// thread hop.
    public let executor: (any TaskExecutor)?

    /// Load reported as `kind`, its tasks preferring `executor` when one is given.
    public init(kind: String, executor: (any TaskExecutor)?) {
        self.kind = kind
        self.executor = executor
    }

    /// Calls until `window` ends and measures the calls that complete inside it.
    /// - Parameters:
    ///   - concurrency: calling tasks, so calls in flight.
    ///   - payloadBytes: the request size `call` sends, for the result.
    ///   - call: one call; returns whether the response is the expected one (a wrong one counts as an error) and
    ///     throws when the call fails (counted, then retried after 10 ms).
    public func run(
        concurrency: Int,
        payloadBytes: Int,
        window: MeasurementWindow,
        call: @escaping @Sendable () async throws -> Bool
    ) async -> CaseResult {
        let (latencies, errors) = await Self.measure(
            concurrency: concurrency,
            executor: self.executor,
            window: window,
            call: call
        )
        return CaseResult(
            kind: self.kind,
            concurrency: concurrency,
            payloadBytes: payloadBytes,
            seconds: window.seconds,
            latencies: latencies,
            errors: errors
        )
    }

    /// The latencies of the calls that complete inside `window`, and how many failed, from `concurrency` tasks each
    /// calling again as soon as its previous call returns; for benchmarks that report in their own format.
    public static func measure(
        concurrency: Int,
        executor: (any TaskExecutor)?,
        window: MeasurementWindow,
        call: @escaping @Sendable () async throws -> Bool
    ) async -> (latencies: LatencyStats, errors: Int) {
        await withTaskGroup(of: (LatencyStats, Int).self) { group in
            for _ in 0 ..< concurrency {
                group.addTask(executorPreference: executor) {
                    await Self.loop(call, window: window)
                }
            }
            var latencies = LatencyStats()
            var errors = 0
            for await (taskLatencies, taskErrors) in group {
                latencies.merge(taskLatencies)
                errors += taskErrors
            }
            return (latencies, errors)
        }
    }

    private static func loop(
        _ call: @Sendable () async throws -> Bool,
        window: MeasurementWindow
    ) async -> (LatencyStats, Int) {
        var latencies = LatencyStats(reservingCapacity: 1 << 16)
        var errors = 0
        var start = ContinuousClock.now
        while start < window.end {
            do {
                let isExpected = try await call()
                let end = ContinuousClock.now
                if !isExpected {
                    errors += 1
                } else if window.contains(end) {
                    latencies.record(end - start)
                }
            } catch {
                errors += 1
                // A lost connection fails calls at once; pace the retries instead of spinning.
                try? await Task.sleep(for: .milliseconds(10))
            }
            start = ContinuousClock.now
        }
        return (latencies, errors)
    }
}
