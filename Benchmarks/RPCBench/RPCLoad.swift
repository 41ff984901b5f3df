import BenchmarkSupport
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTransport

/// Unary `windmaker.echo.v1.Echo/Unary` calls from `concurrency` tasks over one connection, each task calling
/// again as soon as its previous call returns.
struct RPCLoad {
    /// The server kind the results are reported under.
    let kind: ServerKind
    let client: EchoV1.Echo.Client
    /// When set, the calling tasks prefer the connection's event loop, so a call needs no thread hop.
    let executor: EventLoopTaskExecutor?

    func run(concurrency: Int, payloadBytes: Int, window: MeasurementWindow) async -> CaseResult {
        let client = self.client
        let request = EchoV1.EchoRequest(payload: [UInt8](repeating: 0x2A, count: payloadBytes))
        return await ClosedLoopLoad(kind: self.kind.rawValue, executor: self.executor).run(
            concurrency: concurrency,
            payloadBytes: payloadBytes,
            window: window
        ) {
            try await client.unary(request).payload.count == request.payload.count
        }
    }
}
