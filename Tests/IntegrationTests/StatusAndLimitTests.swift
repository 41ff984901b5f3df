import Logging
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerServiceSupport
import WindMakerTestSupport
import WindMakerTransport

/// What cannot go on the wire as it is never silently disappears: the caller gets a clear status instead.
@Suite struct StatusAndLimitTests {
    /// A method whose handler fails with a status the wire cannot carry (a NUL in its message).
    struct UnsendableStatusService: RPCService {
        static let method = MethodDescriptor(service: "windmaker.testing.v1.Faulty", method: "Fail", kind: .unary)

        func registerMethods(with router: inout RPCRouter) {
            router.registerUnary(Self.method, request: EchoV1.EchoRequest.self, response: EchoV1.EchoResponse.self) {
                _,
                _ in
                throw RPCError(.failedPrecondition, "contains a \u{0} byte")
            }
        }
    }

    @Test func statusThatCannotBeEncodedBecomesInternal() async throws {
        let server = try WindMakerServer(
            name: "faulty",
            services: [UnsendableStatusService()],
            policy: AccessPolicy([UnsendableStatusService.method: [.operators]]),
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: DevCertificates.shared.serverConfiguration(for: "echo"),
            logger: Logger(label: "faulty")
        )
        let address = try await server.bind()
        let test = try TestClient(port: address.port!, identity: "operator-alice")
        let error = await #expect(throws: RPCError.self) {
            try await test.client.unary(
                UnsendableStatusService.method,
                request: EchoV1.EchoRequest(),
                response: EchoV1.EchoResponse.self,
                options: CallOptions(timeout: .seconds(5))
            )
        }
        #expect(error?.code == .internal)
        #expect(error?.message == "the call ended with a status that could not be sent")
        await test.connection.close()
        await server.shutDownGracefully()
    }

    @Test func oversizeRequestMetadataIsRefusedBeforeSending() async throws {
        let echo = try await InProcessEchoServer.start(ServerConfiguration())
        let test = try TestClient(port: echo.port, identity: "operator-alice")
        let client = EchoV1.Echo.Client(test.client)
        let huge: Metadata = ["note": String(repeating: "x", count: 5 * 1024 * 1024)]
        let error = await #expect(throws: RPCError.self) {
            try await client.unary(EchoV1.EchoRequest(text: "big"), options: CallOptions(metadata: huge))
        }
        #expect(error?.code == .resourceExhausted)
        #expect(try await client.unary(EchoV1.EchoRequest(text: "small")).text == "small")
        await test.connection.close()
        await echo.server.shutDownGracefully()
    }

    @Test func invalidMetadataKeyIsInvalidArgument() async throws {
        let echo = try await InProcessEchoServer.start(ServerConfiguration())
        let test = try TestClient(port: echo.port, identity: "operator-alice")
        var metadata = Metadata()
        metadata.add("bad key!", "value")
        let error = await #expect(throws: RPCError.self) {
            try await EchoV1.Echo.Client(test.client).unary(
                EchoV1.EchoRequest(),
                options: CallOptions(metadata: metadata)
            )
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("bad key!") == true)
        await test.connection.close()
        await echo.server.shutDownGracefully()
    }
}
