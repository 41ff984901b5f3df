import Logging
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerServiceSupport
import WindMakerTestSupport
import WindMakerTransport

/// A handler that calls another service passes its remaining deadline on, across two real servers.
@Suite struct DeadlinePropagationTests {
    static let remaining = MethodDescriptor(service: "windmaker.testing.v1.Probe", method: "Remaining", kind: .unary)
    static let forward = MethodDescriptor(service: "windmaker.testing.v1.Relay", method: "Forward", kind: .unary)

    /// Answers with the milliseconds its call has left, or "none".
    struct Probe: RPCService {
        func registerMethods(with router: inout RPCRouter) {
            router.registerUnary(DeadlinePropagationTests.remaining, request: EchoV1.EchoRequest.self) {
                _,
                context in
                guard let deadline = context.deadline else { return EchoV1.EchoResponse(text: "none") }
                let left = ContinuousClock.now.duration(to: deadline).components
                return EchoV1.EchoResponse(text: "\(left.seconds * 1_000 + left.attoseconds / 1_000_000_000_000_000)")
            }
        }
    }

    /// Calls the probe without choosing any timeout of its own.
    struct Relay: RPCService {
        let probe: RPCClient

        func registerMethods(with router: inout RPCRouter) {
            router.registerUnary(DeadlinePropagationTests.forward, request: EchoV1.EchoRequest.self) { request, _ in
                try await self.probe.unary(
                    DeadlinePropagationTests.remaining,
                    request: request,
                    response: EchoV1.EchoResponse.self
                )
            }
        }
    }

    static func server(
        _ name: String,
        _ service: any RPCService,
        _ method: MethodDescriptor
    ) async throws
        -> (WindMakerServer, Int)
    {
        let server = try WindMakerServer(
            name: name,
            services: [service],
            policy: AccessPolicy([method: [.operators, .services]]),
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: DevCertificates.shared.serverConfiguration(for: "echo"),
            logger: Logger(label: name)
        )
        return (server, try await server.bind().port!)
    }

    @Test func nestedCallInheritsTheRemainingDeadline() async throws {
        let (probe, probePort) = try await Self.server("probe", Probe(), Self.remaining)
        let relayToProbe = try TestClient(port: probePort, identity: "registry")
        let (relay, relayPort) = try await Self.server("relay", Relay(probe: relayToProbe.client), Self.forward)
        let caller = try TestClient(port: relayPort, identity: "operator-alice")

        let bounded = try await caller.client.unary(
            Self.forward,
            request: EchoV1.EchoRequest(),
            response: EchoV1.EchoResponse.self,
            options: CallOptions(timeout: .seconds(2))
        )
        let left = try #require(Int(bounded.text), "the probe saw no deadline: \(bounded.text)")
        #expect(left > 0 && left <= 2_000)

        let unbounded = try await caller.client.unary(
            Self.forward,
            request: EchoV1.EchoRequest(),
            response: EchoV1.EchoResponse.self
        )
        #expect(unbounded.text == "none")

        await caller.connection.close()
        await relayToProbe.connection.close()
        await relay.shutDownGracefully()
        await probe.shutDownGracefully()
    }
}
