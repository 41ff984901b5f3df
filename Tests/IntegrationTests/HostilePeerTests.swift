import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport
import WindMakerTransport

/// Peers that complete the TLS handshake and then misbehave are disconnected with a clear log line, while other
/// connections keep being served.
@Suite struct HostilePeerTests {
    @Test func garbageAfterHandshakeDisconnectsOnlyThatPeer() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let good = try TestClient(port: server.port, identity: "operator-alice")
        let echo = EchoV1.Echo.Client(good.client)
        #expect(try await echo.unary(EchoV1.EchoRequest(text: "before")).text == "before")

        let raw = try await RawTLSConnection.connect(port: server.port, identity: "operator-alice")
        try await raw.send(Array("GET / HTTP/1.1\r\nHost: windmaker\r\n\r\n".utf8))
        try await raw.waitForClose()
        try await server.waitForLog("closing connection")

        #expect(try await echo.unary(EchoV1.EchoRequest(text: "after")).text == "after")
        await good.connection.close()
    }

    /// Headers are decoded on the event loop, so a frame-limit's worth of metadata entries would hold it for about a
    /// second: headers over 64 KiB are refused before decoding, and the connection goes on serving.
    @Test func headersLargerThanTheLimitAreRefusedBeforeDecoding() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let entries = Array(repeating: RPCV1.MetadataEntry(key: "k", value: ""), count: 30_000)
        let headers = try RPCV1.RequestHeaders(method: "windmaker.health.v1.Health/Check", metadata: entries)
            .serializedBytes()
        #expect(headers.count > 64 * 1024)
        let raw = try await RawTLSConnection.connect(port: server.port, identity: "operator-alice")
        try await raw.send(
            WireFrames.frame(type: FrameType.headers.rawValue, callID: 1, payload: headers)
                + WireFrames.message(callID: 1, HealthV1.HealthCheckRequest(), endStream: true)
                + WireFrames.headers(callID: 3, method: "windmaker.health.v1.Health/Check")
                + WireFrames.message(callID: 3, HealthV1.HealthCheckRequest(), endStream: true)
        )
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        var trailers: [WireFrames.RawFrame] = []
        while trailers.count < 2 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            trailers = WireFrames.parse(raw.bytes).filter { $0.type == FrameType.trailers.rawValue }
        }
        let refused = try RPCV1.Status(serializedBytes: try #require(trailers.first { $0.callID == 1 }).payload)
        #expect(refused.code == RPCError.Code.resourceExhausted.rawValue)
        #expect(
            refused.message
                == "request headers of \(headers.count) bytes exceed the server's limit of 65536 bytes; send less metadata"
        )
        let served = try #require(trailers.first { $0.callID == 3 })
        #expect(served.payload.isEmpty, "the next call on the connection is served (OK)")
        await raw.close()
    }

    @Test func oversizeLengthGetsResourceExhaustedAndDisconnects() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let good = try TestClient(port: server.port, identity: "operator-alice")
        let echo = EchoV1.Echo.Client(good.client)
        #expect(try await echo.unary(EchoV1.EchoRequest(text: "before")).text == "before")

        let raw = try await RawTLSConnection.connect(port: server.port, identity: "operator-alice")
        // A header announcing 3 GiB; no payload follows. The server must refuse it without waiting for the body.
        try await raw.send([0xC0, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01])
        try await raw.waitForClose()
        let goAway = try #require(WireFrames.parse(raw.bytes).first { $0.type == 7 })
        let message = try RPCV1.GoAway(serializedBytes: goAway.payload)
        #expect(message.code == RPCError.Code.resourceExhausted.rawValue)
        #expect(message.message.contains("exceeds the maximum"))
        try await server.waitForLog("exceeds the maximum of 4194304 bytes")

        #expect(try await echo.unary(EchoV1.EchoRequest(text: "after")).text == "after")
        await good.connection.close()
    }

    @Test func requestLargerThanTheFrameLimitIsRefusedBeforeSending() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "operator-alice")
        let echo = EchoV1.Echo.Client(test.client)
        let error = await #expect(throws: RPCError.self) {
            try await echo.unary(EchoV1.EchoRequest(payload: [UInt8](repeating: 7, count: 5 * 1024 * 1024)))
        }
        #expect(error?.code == .resourceExhausted)
        // The connection survives: nothing oversize was put on it.
        #expect(try await echo.unary(EchoV1.EchoRequest(text: "still")).text == "still")
        await test.connection.close()
    }

    @Test func absurdTimeoutIsServedNotTrapped() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let raw = try await RawTLSConnection.connect(port: server.port, identity: "operator-alice")
        try await raw.send(
            WireFrames.unary(callID: 1, method: "windmaker.echo.v1.Echo/Unary", delayMs: 0, timeoutMicros: .max)
        )
        let frames = try await WireFrames.read(from: raw) { frames in frames.contains { $0.type == 4 } }
        let response = try #require(frames.first { $0.type == 2 && $0.callID == 1 })
        #expect(try EchoV1.EchoResponse(serializedBytes: response.payload).text == "raw-1")
        #expect(server.isRunning)
        await raw.close()
    }
}
