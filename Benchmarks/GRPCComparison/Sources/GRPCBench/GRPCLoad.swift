import BenchmarkSupport
import GRPCCore

/// Unary `bench.Echo/Unary` calls from `concurrency` tasks over one client, each task calling again as soon as
/// its previous call returns.
struct GRPCLoad<Transport: ClientTransport> {
    let client: GRPCClient<Transport>
    /// When set, the calling tasks prefer this executor (the client connection's event loop).
    let executor: (any TaskExecutor)?

    func run(concurrency: Int, payloadBytes: Int, window: MeasurementWindow) async -> CaseResult {
        let client = self.client
        let payload = [UInt8](repeating: 0x2A, count: payloadBytes)
        return await ClosedLoopLoad(kind: "grpc-swift-2", executor: self.executor).run(
            concurrency: concurrency,
            payloadBytes: payloadBytes,
            window: window
        ) {
            let response = try await client.unary(
                request: ClientRequest(message: payload),
                descriptor: RawEchoService.unary,
                serializer: RawBytesSerializer(),
                deserializer: RawBytesDeserializer(),
                options: .defaults
            ) { try $0.message }
            return response.count == payload.count
        }
    }
}
