import Logging
import Synchronization
import WindMakerEcho
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceSupport
import WindMakerTestSupport
import WindMakerTransport

/// A test-only service whose handlers let a test watch per-call flow control from the server's side: how many
/// responses a stream has sent and whether it is waiting in `write`, how many requests an ingest has taken, and a
/// gate that holds an ingest until the test opens it. Served next to the echo service.
struct FlowControlService: RPCService {
    /// Streams `count` responses carrying the request's payload, `index` 0, 1, ….
    static let stream = MethodDescriptor(service: "windmaker.testing.v1.Flow", method: "Stream", kind: .serverStreaming)
    /// Takes `pauseAfter` requests, waits for the gate, then takes the rest; answers with `index` = the count.
    static let ingest = MethodDescriptor(service: "windmaker.testing.v1.Flow", method: "Ingest", kind: .clientStreaming)
    /// Takes no request at all until the call ends.
    static let hold = MethodDescriptor(service: "windmaker.testing.v1.Flow", method: "Hold", kind: .clientStreaming)

    /// What the handlers did, read by the test.
    final class Probe: Sendable {
        struct Counts {
            var sent = 0
            var sending = false
            var taken = 0
        }

        let pauseAfter: Int
        private let counts = Mutex(Counts())
        private let gate = AsyncStream<Void>.makeStream()

        init(pauseAfter: Int) {
            self.pauseAfter = pauseAfter
        }

        var snapshot: Counts { self.counts.withLock { $0 } }

        func update(_ body: (inout Counts) -> Void) {
            self.counts.withLock { body(&$0) }
        }

        /// Lets a paused ingest go on.
        func openGate() {
            self.gate.continuation.finish()
        }

        func waitAtGate() async {
            for await _ in self.gate.stream {}
        }
    }

    let probe: Probe

    func registerMethods(with router: inout RPCRouter) {
        let probe = self.probe
        router.registerServerStreaming(
            Self.stream,
            request: EchoV1.EchoRequest.self,
            response: EchoV1.EchoResponse.self
        ) { request, responses, _ in
            for index in 0 ..< request.count {
                probe.update { $0.sending = true }
                try await responses.write(EchoV1.EchoResponse(payload: request.payload, index: index))
                probe.update {
                    $0.sending = false
                    $0.sent += 1
                }
            }
        }
        router.registerClientStreaming(
            Self.ingest,
            request: EchoV1.EchoRequest.self,
            response: EchoV1.EchoResponse.self
        ) { requests, _ in
            var count: UInt32 = 0
            for try await _ in requests {
                count += 1
                probe.update { $0.taken += 1 }
                if count == probe.pauseAfter { await probe.waitAtGate() }
            }
            return EchoV1.EchoResponse(index: count)
        }
        router.registerClientStreaming(
            Self.hold,
            request: EchoV1.EchoRequest.self,
            response: EchoV1.EchoResponse.self
        ) { _, _ in
            try await Task.sleep(for: .seconds(600))
            return EchoV1.EchoResponse()
        }
    }

    /// Serves this service and the echo service in process, over mutual TLS on loopback; open to operators and
    /// services.
    static func serve(
        _ configuration: ServerConfiguration = ServerConfiguration(),
        pauseAfter: Int = 0
    ) async throws -> (server: WindMakerServer, port: Int, probe: Probe) {
        let probe = Probe(pauseAfter: pauseAfter)
        var policy = EchoAccess.policy
        for method in [Self.stream, Self.ingest, Self.hold] { policy.allow([.operators, .services], toCall: method) }
        let server = try WindMakerServer(
            name: "flow",
            services: [EchoService(), FlowControlService(probe: probe)],
            policy: policy,
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: DevCertificates.shared.serverConfiguration(for: "echo"),
            configuration: configuration,
            logger: Logger(label: "flow-control-server")
        )
        let address = try await server.bind()
        return (server, address.port!, probe)
    }
}
