import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTransport

/// Unary `windmaker.echo.v1.Echo/Unary` calls from `concurrency` tasks over one connection, each task calling
/// again as soon as its previous call returns.
struct RPCLoad {
    let client: EchoV1.Echo.Client
    /// When set, the calling tasks prefer the connection's event loop, so a call needs no thread hop.
    let executor: EventLoopTaskExecutor?

    func run(concurrency: Int, payloadBytes: Int, window: MeasurementWindow) async -> CaseResult {
        let request = EchoV1.EchoRequest(payload: [UInt8](repeating: 0x2A, count: payloadBytes))
        let (latencies, errors) = await withTaskGroup(of: (LatencyStats, Int).self) { group in
            for _ in 0 ..< concurrency {
                group.addTask(executorPreference: self.executor) {
                    await Self.loop(self.client, request: request, window: window)
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
        return CaseResult(
            kind: "rpc",
            concurrency: concurrency,
            payloadBytes: payloadBytes,
            seconds: window.seconds,
            latencies: latencies,
            errors: errors
        )
    }

    private static func loop(
        _ client: EchoV1.Echo.Client,
        request: EchoV1.EchoRequest,
        window: MeasurementWindow
    ) async -> (LatencyStats, Int) {
        var latencies = LatencyStats(reservingCapacity: 1 << 16)
        var errors = 0
        var start = ContinuousClock.now
        while start < window.end {
            do {
                let response = try await client.unary(request)
                let end = ContinuousClock.now
                if response.payload.count != request.payload.count {
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
