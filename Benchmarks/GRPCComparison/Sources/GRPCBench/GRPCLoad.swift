import GRPCCore

/// Unary `bench.Echo/Unary` calls from `concurrency` tasks over one client, each task calling again as soon as
/// its previous call returns.
struct GRPCLoad<Transport: ClientTransport> {
    let client: GRPCClient<Transport>
    /// When set, the calling tasks prefer this executor (the client connection's event loop).
    let executor: (any TaskExecutor)?

    func run(concurrency: Int, payloadBytes: Int, window: MeasurementWindow) async -> CaseResult {
        let payload = [UInt8](repeating: 0x2A, count: payloadBytes)
        let (latencies, errors) = await withTaskGroup(of: (LatencyStats, Int).self) { group in
            for _ in 0 ..< concurrency {
                group.addTask(executorPreference: self.executor) {
                    await Self.loop(self.client, payload: payload, window: window)
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
            kind: "grpc-swift-2",
            concurrency: concurrency,
            payloadBytes: payloadBytes,
            seconds: window.seconds,
            latencies: latencies,
            errors: errors
        )
    }

    private static func loop(
        _ client: GRPCClient<Transport>,
        payload: [UInt8],
        window: MeasurementWindow
    ) async -> (LatencyStats, Int) {
        var latencies = LatencyStats(reservingCapacity: 1 << 16)
        var errors = 0
        var start = ContinuousClock.now
        while start < window.end {
            do {
                let response = try await client.unary(
                    request: ClientRequest(message: payload),
                    descriptor: RawEchoService.unary,
                    serializer: RawBytesSerializer(),
                    deserializer: RawBytesDeserializer(),
                    options: .defaults
                ) { try $0.message }
                let end = ContinuousClock.now
                if response.count != payload.count {
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
