import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport
import WindMakerTransport

/// SIGTERM drains: in-flight calls finish, new ones are refused, the process exits cleanly.
@Suite struct GracefulShutdownTests {
    @Test func inFlightCallFinishesAndNewCallIsRefused() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(
            port: server.port,
            identity: "operator-alice",
            retryPolicy: RetryPolicy(maxAttempts: 1)
        )
        let echo = EchoV1.Echo.Client(test.client)
        let inFlight = Task { try await echo.unary(EchoV1.EchoRequest(text: "in-flight", delayMs: 1_500)) }
        try await server.waitForLog("call started", "rpc.method=windmaker.echo.v1.Echo/Unary")
        server.terminate()
        // From here the connection refuses new calls, whether or not the client has read the goAway yet.
        try await server.waitForLog("draining connection")

        let refused = await #expect(throws: RPCError.self) {
            try await echo.unary(EchoV1.EchoRequest(text: "late"))
        }
        #expect(refused?.code == .unavailable)

        let response = try await inFlight.value
        #expect(response.text == "in-flight")
        #expect(try await server.waitForExit() == 0)
    }

    @Test func callArrivingAfterGoAwayIsRefusedAsNotProcessed() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let raw = try await RawTLSConnection.connect(port: server.port, identity: "operator-alice")
        // Keep the server draining: one slow call in flight on this connection.
        try await raw.send(WireFrames.unary(callID: 1, method: "windmaker.echo.v1.Echo/Unary", delayMs: 2_000))
        try await server.waitForLog("call started", "rpc.method=windmaker.echo.v1.Echo/Unary")
        server.terminate()
        _ = try await WireFrames.read(from: raw) { frames in frames.contains { $0.type == FrameType.goAway.rawValue } }
        try await raw.send(WireFrames.unary(callID: 3, method: "windmaker.echo.v1.Echo/Unary", delayMs: 0))

        let frames = try await WireFrames.read(
            from: raw,
            until: { frames in
                frames.contains { $0.type == 4 && $0.callID == 1 } && frames.contains { $0.type == 4 && $0.callID == 3 }
            }
        )
        let goAway = try #require(frames.first { $0.type == 7 })
        let goAwayMessage = try RPCV1.GoAway(serializedBytes: goAway.payload)
        #expect(goAwayMessage.lastCallId == 1)
        let refusal = try #require(frames.first { $0.type == 4 && $0.callID == 3 })
        let status = try RPCV1.Status(serializedBytes: refusal.payload)
        #expect(status.code == RPCError.Code.unavailable.rawValue)
        #expect(status.metadata.contains { $0.key == RPCError.notProcessedKey && $0.value == "1" })
        let finished = try #require(frames.first { $0.type == 4 && $0.callID == 1 })
        #expect(try RPCV1.Status(serializedBytes: finished.payload).code == 0)
        try await raw.waitForClose()
    }
}
